// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Samkoll

/// SIE import (the kansli's): the account mapping (accounts and objects →
/// budget lines), edited here; a SIE file from the bookkeeping read on the
/// server and shown as what it would change — each line's utfall before and
/// after, and the omappat amounts no line takes, which can be given a line
/// at once — and imported only on Import.
Page {
    id: page
    objectName: "siePage"
    /// The rules as edited here (the saved ones, plus rows added), until saved.
    property var rows: []
    onVisibleChanged: if (visible) App.sie.loadMapping()
    Component.onCompleted: resetRows()

    function resetRows() {
        const copy = []
        for (const r of App.sie.rules)
            copy.push({ accountFrom: r.accountFrom, accountTo: r.accountTo, dimension: r.dimension, object: r.object, line: r.line })
        rows = copy
    }
    /// The rules as the fields show them now.
    function editedRules() {
        const out = []
        for (let i = 0; i < ruleRows.count; ++i) {
            const item = ruleRows.itemAt(i)
            if (item)
                out.push(item.rule())
        }
        return out
    }
    Connections {
        target: App.sie
        function onChanged() { if (!App.sie.busy && App.sie.error === "") page.resetRows() }
    }

    FileDialog {
        id: openDialog
        objectName: "sieOpenDialog"
        title: qsTr("Open a SIE or CSV file")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("SIE or CSV (*.se *.si *.sie *.SE *.csv)"), qsTr("All files (*)")]
        onAccepted: App.sie.openFile(selectedFile)
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth - 24
            x: 12
            spacing: 10

            Label { text: qsTr("Import utfall"); font.bold: true; font.pixelSize: 20; Layout.topMargin: 12 }
            Label {
                text: qsTr("The bookkeeping's file (SIE 2, 3 or 4) gives each budget line its utfall per month through the account mapping below; a CSV file (line; year; month; amount) gives it directly. You see what it would change before anything is saved; amounts no line takes are listed as omappat, never dropped.")
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            Label {
                objectName: "sieMessage"
                visible: text !== ""
                text: App.sie.error !== "" ? App.sie.error : App.sie.message
                color: App.sie.error !== "" ? Theme.error : Theme.success
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            // --- The file --------------------------------------------------
            RowLayout {
                spacing: 8
                Button {
                    objectName: "sieOpen"
                    text: qsTr("Open a SIE or CSV file…")
                    enabled: !App.sie.busy
                    onClicked: openDialog.open()
                }
                Button {
                    objectName: "sieApply"
                    visible: App.sie.previewing
                    enabled: !App.sie.busy
                    highlighted: true
                    text: qsTr("Import")
                    onClicked: App.sie.apply()
                }
                Button {
                    objectName: "sieCancel"
                    visible: App.sie.previewing
                    text: qsTr("Cancel")
                    onClicked: App.sie.cancel()
                }
                BusyIndicator { running: App.sie.busy; visible: running; Layout.preferredHeight: 32 }
            }
            Label {
                objectName: "sieAbout"
                visible: App.sie.file !== "" && App.sie.about !== ""
                text: qsTr("%1: %2").arg(App.sie.file).arg(App.sie.about)
                wrapMode: Text.WordWrap
                font.bold: true
                Layout.fillWidth: true
            }
            Label {
                visible: App.sie.lockedYears !== ""
                text: qsTr("Approved years in the file are left as they are: %1.").arg(App.sie.lockedYears)
                color: Theme.warning
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Column {
                objectName: "sieChanges"
                visible: App.sie.changes.length > 0
                spacing: 2
                Layout.fillWidth: true
                Row {
                    spacing: 8
                    Repeater {
                        model: [qsTr("Budget line"), qsTr("Utfall before"), qsTr("After"), qsTr("Change")]
                        Label {
                            required property string modelData
                            required property int index
                            text: modelData
                            font.bold: true
                            width: index === 0 ? 260 : 120
                            horizontalAlignment: index === 0 ? Text.AlignLeft : Text.AlignRight
                        }
                    }
                }
                Repeater {
                    model: App.sie.changes
                    Row {
                        id: changeRow
                        required property var modelData
                        objectName: "sieChange_" + modelData.line
                        spacing: 8
                        Label { text: changeRow.modelData.lineName; width: 260; elide: Text.ElideRight }
                        Label { text: changeRow.modelData.before; width: 120; horizontalAlignment: Text.AlignRight }
                        Label { text: changeRow.modelData.after; width: 120; horizontalAlignment: Text.AlignRight; font.bold: true }
                        Label { text: changeRow.modelData.difference; width: 120; horizontalAlignment: Text.AlignRight }
                    }
                }
            }
            Label {
                visible: App.sie.previewing && App.sie.changes.length === 0
                text: qsTr("The file changes no line's utfall.")
            }
            // What no line takes: listed, and given a line here.
            Column {
                objectName: "sieUnmapped"
                visible: App.sie.unmapped.length > 0
                spacing: 4
                Layout.fillWidth: true
                Label {
                    text: qsTr("Omappat: %1 kr on %n account(s) no budget line takes – give each its line:", "", App.sie.unmapped.length)
                          .arg(App.sie.unmappedTotal)
                    color: Theme.warning
                    font.bold: true
                }
                Repeater {
                    model: App.sie.unmapped
                    Row {
                        id: unmappedRow
                        required property var modelData
                        objectName: "unmapped_" + modelData.account
                        spacing: 8
                        Label {
                            text: unmappedRow.modelData.account + (unmappedRow.modelData.objects !== "" ? " {" + unmappedRow.modelData.objects + "}" : "")
                            width: 140
                            anchors.verticalCenter: parent.verticalCenter
                        }
                        Label { text: unmappedRow.modelData.name; width: 220; elide: Text.ElideRight; anchors.verticalCenter: parent.verticalCenter }
                        Label { text: unmappedRow.modelData.amount; width: 110; horizontalAlignment: Text.AlignRight; anchors.verticalCenter: parent.verticalCenter }
                        ComboBox {
                            id: lineChoice
                            objectName: "unmappedLine_" + unmappedRow.modelData.account
                            width: 240
                            model: App.sie.lines
                            textRole: "name"
                            valueRole: "code"
                            currentIndex: -1  // chosen, never a default
                            displayText: currentIndex < 0 ? qsTr("Choose a line…") : currentText
                            Accessible.name: qsTr("Budget line for account %1").arg(unmappedRow.modelData.account)
                        }
                        Button {
                            objectName: "mapAccount_" + unmappedRow.modelData.account
                            text: qsTr("Map")
                            enabled: !App.sie.busy && lineChoice.currentIndex >= 0
                            onClicked: App.sie.mapAccount(unmappedRow.modelData.account, lineChoice.currentValue)
                        }
                    }
                }
            }

            // --- The mapping -----------------------------------------------
            Label { text: qsTr("Account mapping"); font.bold: true; font.pixelSize: 17; Layout.topMargin: 12 }
            Label {
                text: qsTr("Accounts from–to (4000–4999 takes every account that starts so, BAS or Kommun-Bas), and/or one object of a dimension (1 kostnadsställe, 6 projekt). A rule with both comes first, then object only, then accounts only.")
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            Column {
                objectName: "mappingRules"
                spacing: 4
                Row {
                    spacing: 8
                    Repeater {
                        model: [qsTr("Accounts from"), qsTr("to"), qsTr("Dimension"), qsTr("Object"), qsTr("Budget line")]
                        Label {
                            required property string modelData
                            required property int index
                            text: modelData
                            font.bold: true
                            width: index === 4 ? 240 : 100
                        }
                    }
                }
                Repeater {
                    id: ruleRows
                    model: page.rows
                    Row {
                        id: ruleRow
                        required property var modelData
                        required property int index
                        objectName: "rule_" + index
                        spacing: 8
                        function rule() {
                            return { accountFrom: from.text, accountTo: to.text, dimension: dimension.text, object: object.text,
                                     line: lineBox.currentIndex >= 0 ? lineBox.currentValue : "" }
                        }
                        TextField { id: from; objectName: "ruleFrom_" + ruleRow.index; text: ruleRow.modelData.accountFrom; width: 100; Accessible.name: qsTr("Accounts from") }
                        TextField { id: to; objectName: "ruleTo_" + ruleRow.index; text: ruleRow.modelData.accountTo; width: 100; Accessible.name: qsTr("Accounts to") }
                        TextField { id: dimension; text: ruleRow.modelData.dimension; width: 100; Accessible.name: qsTr("Dimension") }
                        TextField { id: object; text: ruleRow.modelData.object; width: 100; Accessible.name: qsTr("Object") }
                        ComboBox {
                            id: lineBox
                            objectName: "ruleLine_" + ruleRow.index
                            width: 240
                            model: App.sie.lines
                            textRole: "name"
                            valueRole: "code"
                            Component.onCompleted: currentIndex = indexOfValue(ruleRow.modelData.line)
                            Accessible.name: qsTr("Budget line")
                        }
                        Button {
                            objectName: "ruleRemove_" + ruleRow.index
                            text: qsTr("Remove")
                            onClicked: {
                                const edited = page.editedRules()
                                edited.splice(ruleRow.index, 1)
                                page.rows = edited
                            }
                        }
                    }
                }
            }
            RowLayout {
                spacing: 8
                Button {
                    objectName: "ruleAdd"
                    text: qsTr("Add rule")
                    onClicked: {
                        const edited = page.editedRules()
                        edited.push({ accountFrom: "", accountTo: "", dimension: "", object: "", line: "" })
                        page.rows = edited
                    }
                }
                Button {
                    objectName: "mappingSave"
                    text: qsTr("Save the mapping")
                    enabled: !App.sie.busy
                    onClicked: App.sie.saveMapping(page.editedRules())
                }
            }
            Item { height: 12 }
        }
    }
}
