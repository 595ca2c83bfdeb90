// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Samkoll

/// Social budget (the kansli's): the year's areas with their ideal shares,
/// the goals, and every indicator with its kind, where it applies, its weight
/// and its target. Start next year from this one, open a budget file or start
/// from a template; change an ideal share, a weight or a target and leave the
/// field (Tab, Enter): the draft is checked whole, as the import checks a
/// file, and what does not hold is named. Save puts it on the server, from
/// where every computer gets it.
Page {
    id: page
    objectName: "socialBudgetPage"
    readonly property var model: App.socialBudget
    property string message: ""
    property bool isError: false
    readonly property var targetTypes: [
        { code: "at_least", label: qsTr("at least") },
        { code: "at_most", label: qsTr("at most") },
        { code: "between", label: qsTr("between") },
        { code: "decrease", label: qsTr("decrease") },
        { code: "none", label: qsTr("no target") }
    ]
    function targetIndex(code) {
        for (let i = 0; i < targetTypes.length; ++i)
            if (targetTypes[i].code === code)
                return i
        return targetTypes.length - 1
    }
    readonly property int nextYear: App.socialBudget.year > 0 ? App.socialBudget.year + 1 : new Date().getFullYear()
    onVisibleChanged: if (!visible) message = ""

    Connections {
        target: page.model
        function onRejected(field, message) { page.isError = true; page.message = message }
        function onLoaded() { if (!page.isError) page.message = "" ; page.isError = false }
    }

    FileDialog {
        id: openDialog
        objectName: "budgetOpenDialog"
        title: qsTr("Open a social budget file")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Social budget (*.json)")]
        onAccepted: App.socialBudget.openFile(selectedFile)
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 8
            Label { text: qsTr("Year") }
            BoundComboBox {
                objectName: "budgetYear"
                model: App.socialBudget.years
                value: App.socialBudget.year
                enabled: !App.socialBudget.draft
                onPicked: v => App.socialBudget.year = v
            }
            Button {
                objectName: "startNextYear"
                visible: !App.socialBudget.draft && App.socialBudget.count > 0
                text: qsTr("Start %1 from %2").arg(App.socialBudget.year + 1).arg(App.socialBudget.year)
                onClicked: App.socialBudget.startNextYear()
            }
            Button {
                objectName: "openBudgetFile"
                visible: !App.socialBudget.draft
                text: qsTr("Open a budget file…")
                onClicked: openDialog.open()
            }
            Button {
                id: templateButton
                objectName: "fromTemplate"
                visible: !App.socialBudget.draft
                text: qsTr("From a template")
                onClicked: templateMenu.open()
                Menu {
                    id: templateMenu
                    y: templateButton.height
                    MenuItem {
                        objectName: "template2021"
                        text: qsTr("The 2021 template (Umeåregionen) for %1").arg(page.nextYear)
                        onTriggered: App.socialBudget.startFromTemplate("2021", page.nextYear)
                    }
                    MenuItem {
                        objectName: "templateNns"
                        text: qsTr("The national NNS core indicators for %1").arg(page.nextYear)
                        onTriggered: App.socialBudget.startFromTemplate("nns", page.nextYear)
                    }
                }
            }
            Button {
                objectName: "saveBudget"
                visible: App.socialBudget.draft
                enabled: App.socialBudget.problem === "" && !App.socialBudget.busy
                highlighted: true
                text: App.socialBudget.replaces ? qsTr("Save – replaces %1").arg(App.socialBudget.year)
                                                : qsTr("Save on the server")
                onClicked: App.socialBudget.save()
            }
            Button {
                objectName: "discardBudget"
                visible: App.socialBudget.draft
                text: qsTr("Discard the draft")
                onClicked: App.socialBudget.reload()
            }
            Item { Layout.fillWidth: true }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 6

        Label {
            objectName: "budgetSource"
            text: App.socialBudget.source
            font.bold: App.socialBudget.draft
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "budgetProblem"
            visible: App.socialBudget.draft
            text: App.socialBudget.problem !== ""
                  ? qsTr("Does not hold yet – %1").arg(App.socialBudget.problem)
                  : qsTr("The budget holds: the same checks as an imported file (ideal shares 100, weights 1–10, targets, questions).")
            color: App.socialBudget.problem !== "" ? Theme.error : Theme.success
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            visible: App.socialBudget.shares !== ""
            text: qsTr("Ideal shares of the areas: %1 %").arg(App.socialBudget.shares)
            opacity: 0.8
        }
        Label {
            objectName: "budgetMessage"
            visible: text !== ""
            text: page.message !== "" ? page.message
                  : App.socialBudget.error !== "" ? App.socialBudget.error : App.socialBudget.message
            color: page.message !== "" || App.socialBudget.error !== "" ? Theme.error : Theme.success
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        ListView {
            id: list
            objectName: "budgetRows"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: App.socialBudget
            spacing: 2
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: row
                required property int index
                required property string level
                required property string itemCode
                required property string wording
                required property string kindText
                required property string scopeText
                required property string weight
                required property string targetType
                required property string targetValue
                required property string idealShare
                readonly property bool troubled: App.socialBudget.problemAt !== "" && App.socialBudget.problemAt === (level === "area" ? "area " + itemCode : itemCode)
                objectName: "budgetRow_" + itemCode
                width: ListView.view.width
                height: content.implicitHeight + 6
                color: troubled ? Qt.rgba(0.8, 0.1, 0.1, 0.12) : level === "area" ? palette.alternateBase : "transparent"
                border.color: troubled ? Theme.error : "transparent"
                border.width: troubled ? 2 : 0

                RowLayout {
                    id: content
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.leftMargin: row.level === "area" ? 4 : row.level === "goal" ? 20 : 36
                    anchors.rightMargin: 8
                    spacing: 8
                    Label {
                        text: row.level === "area" ? qsTr("Area %1").arg(row.itemCode) : row.itemCode
                        font.bold: row.level !== "indicator"
                        Layout.preferredWidth: row.level === "area" ? 70 : 50
                    }
                    Label {
                        text: row.wording
                        font.bold: row.level !== "indicator"
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                        ToolTip.visible: hover.hovered && truncated
                        ToolTip.text: row.wording
                        HoverHandler { id: hover }
                    }
                    // An area: its ideal share.
                    Label { visible: row.level === "area"; text: qsTr("Ideal share (%)") }
                    TextField {
                        objectName: "idealShare_" + row.itemCode
                        visible: row.level === "area"
                        text: row.idealShare
                        horizontalAlignment: Text.AlignRight
                        Layout.preferredWidth: 60
                        Accessible.name: qsTr("Ideal share of area %1").arg(row.itemCode)
                        onEditingFinished: if (text !== row.idealShare) App.socialBudget.setIdealShare(row.index, text)
                    }
                    // An indicator: kind, where, weight, target.
                    Label {
                        visible: row.level === "indicator"
                        text: row.kindText + " · " + row.scopeText
                        font.pixelSize: 11
                        opacity: 0.75
                        elide: Text.ElideRight
                        Layout.preferredWidth: 230
                    }
                    Label { visible: row.level === "indicator"; text: qsTr("Weight") }
                    TextField {
                        objectName: "weight_" + row.itemCode
                        visible: row.level === "indicator"
                        text: row.weight
                        horizontalAlignment: Text.AlignRight
                        Layout.preferredWidth: 44
                        Accessible.name: qsTr("Weight of %1").arg(row.itemCode)
                        onEditingFinished: if (text !== row.weight) App.socialBudget.setWeight(row.index, text)
                    }
                    ComboBox {
                        id: typeBox
                        objectName: "targetType_" + row.itemCode
                        visible: row.level === "indicator"
                        model: page.targetTypes
                        textRole: "label"
                        valueRole: "code"
                        currentIndex: page.targetIndex(row.targetType)
                        Layout.preferredWidth: 120
                        Accessible.name: qsTr("Kind of target of %1").arg(row.itemCode)
                        onActivated: if (currentValue !== row.targetType) App.socialBudget.setTarget(row.index, currentValue, targetField.text)
                    }
                    TextField {
                        id: targetField
                        objectName: "target_" + row.itemCode
                        visible: row.level === "indicator"
                        enabled: typeBox.currentValue !== "none"
                        text: row.targetValue
                        placeholderText: typeBox.currentValue === "between" ? "40–60" : ""
                        horizontalAlignment: Text.AlignRight
                        Layout.preferredWidth: 80
                        Accessible.name: qsTr("Target of %1").arg(row.itemCode)
                        onEditingFinished: if (text !== row.targetValue) App.socialBudget.setTarget(row.index, typeBox.currentValue, text)
                    }
                }
            }
        }
    }
}
