// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Ärenden: the team's cases with filters, and the form to create or edit one.
Page {
    id: page

    onVisibleChanged: if (!visible) confirmation = ""  // a status line belongs to what was just done
    function newCase() {
        confirmation = ""
        form.load(App.blankCase())
        form.visible = true
        form.focusFirst()
    }
    function edit(row) {
        form.load(App.cases.get(row))
        form.visible = true
        form.focusNextStep()
    }
    /// After a save: the case selected in the list, and a confirmation that
    /// says so — or that the filter hides it.
    property string selectAfterSave: ""
    property bool createdLast: false
    Connections {
        target: App
        function onCaseSaved(savedUid, created) {
            page.selectAfterSave = savedUid
            page.createdLast = created
            selectTimer.tries = 0
            selectTimer.restart()
        }
    }
    Timer {
        id: selectTimer
        property int tries: 0
        interval: 100
        repeat: true
        onTriggered: {
            const row = App.cases.rowOf(page.selectAfterSave)
            const filtered = page.filtered
            if (row >= 0 || ++tries >= 20 || App.cases.loading === false && tries >= 3 && filtered) {
                stop()
                if (row >= 0)
                    list.currentIndex = row
                const what = page.createdLast ? qsTr("Case %1 created.").arg(form.savedCode) : qsTr("Case %1 saved.").arg(form.savedCode)
                page.confirmation = row >= 0 || !filtered ? what : what + " " + qsTr("It is hidden by the filter.")
            }
        }
    }
    property string confirmation: ""
    readonly property bool filtered: App.cases.search !== "" || App.cases.statusFilter !== "" || App.cases.yearFilter !== 0
    /// For the screen tour: a new case whose code is a personnummer.
    function demonstrateValidation() {
        newCase()
        form.fill({ code: "19800101-1234", gender: "woman", birth_year: "1980" })
        form.save()
    }

    Shortcut { sequence: "Ctrl+N"; onActivated: page.newCase() }
    Shortcut { sequence: "Ctrl+F"; onActivated: searchField.forceActiveFocus() }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 10
            TextField {
                id: searchField
                objectName: "searchField"
                placeholderText: qsTr("Search case code (Ctrl+F)")
                Layout.preferredWidth: 220
                onTextChanged: searchDelay.restart()
                // Down goes to the first hit, Enter opens it.
                Keys.onDownPressed: {
                    App.cases.search = searchField.text
                    if (list.count > 0) {
                        list.currentIndex = 0
                        list.forceActiveFocus()
                    }
                }
                Keys.onReturnPressed: {
                    App.cases.search = searchField.text
                    if (list.count > 0)
                        page.edit(list.currentIndex >= 0 ? list.currentIndex : 0)
                }
                Timer {
                    id: searchDelay
                    interval: 250
                    onTriggered: App.cases.search = searchField.text
                }
            }
            // Bound: the choice survives a language switch rebuilding the options.
            BoundComboBox {
                id: statusBox
                objectName: "statusFilter"
                Layout.preferredWidth: 210
                textRole: "label"
                valueRole: "code"
                model: App.termOptions("status", qsTr("All statuses"))
                value: App.cases.statusFilter
                onPicked: v => App.cases.statusFilter = v
            }
            BoundComboBox {
                id: yearBox
                objectName: "yearFilter"
                Layout.preferredWidth: 130
                textRole: "label"
                valueRole: "year"
                model: {
                    const years = [{ year: 0, label: qsTr("All years") }]
                    const now = new Date().getFullYear()
                    for (let y = now; y >= now - 8; --y)
                        years.push({ year: y, label: String(y) })
                    return years
                }
                value: App.cases.yearFilter
                onPicked: v => App.cases.yearFilter = v
            }
            Label {
                objectName: "caseCount"
                text: App.cases.totalText
                opacity: 0.8
            }
            Label {
                objectName: "caseConfirmation"
                visible: page.confirmation !== ""
                text: page.confirmation
                color: Theme.success
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Item { Layout.fillWidth: page.confirmation === "" }
            Button {
                objectName: "newCaseButton"
                text: qsTr("New case")
                highlighted: true
                onClicked: page.newCase()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+N")
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0
            // The column names, above the list (a ListView header component is
            // never made under ComponentBehavior: Bound in Qt 6.4).
            Rectangle {
                objectName: "caseListHeader"
                Layout.fillWidth: true
                Layout.preferredHeight: 32
                color: palette.window
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 6  // where the rows' text begins (the delegate's padding)
                    spacing: 8
                    Label { text: qsTr("Code"); font.bold: true; Layout.preferredWidth: 170 }
                    Label { text: qsTr("Status"); font.bold: true; Layout.preferredWidth: 170 }
                    Label { text: qsTr("Gender"); font.bold: true; Layout.preferredWidth: 110 }
                    Label { text: qsTr("Referred"); font.bold: true; Layout.preferredWidth: 100 }
                    Label { text: qsTr("Started"); font.bold: true; Layout.preferredWidth: 100 }
                    Label { text: qsTr("Outcome"); font.bold: true; Layout.fillWidth: true }
                }
            }
            ListView {
                id: list
                objectName: "caseList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: App.cases
                activeFocusOnTab: true
                keyNavigationEnabled: true
                highlightMoveDuration: 0
                reuseItems: true
                ScrollBar.vertical: ScrollBar {}
                // Fetch the next page while a few screens of rows are still ahead.
                onContentYChanged: if (contentY + 3 * height > contentHeight) App.cases.fetchNext()
                Keys.onReturnPressed: if (currentIndex >= 0) page.edit(currentIndex)
                Keys.onDeletePressed: {
                    const c = App.cases.get(currentIndex)
                    if (c.uid)
                        confirmDelete.ask(c.uid, c.code)
                }

                delegate: ItemDelegate {
                    id: row
                    // Where the keyboard is: a frame round the current row while the list has focus.
                    Rectangle {
                        objectName: "focusFrame"
                        anchors.fill: parent
                        color: "transparent"
                        border.color: Theme.focus
                        border.width: 2
                        visible: row.ListView.isCurrentItem && list.activeFocus
                        z: 2
                    }
                    required property int index
                    required property string uid
                    required property string code
                    required property string statusLabel
                    required property string genderLabel
                    required property string referralDate
                    required property string startDate
                    required property string outcomeLabel
                    required property bool pendingSync
                    property string caseUid: uid
                    property string caseCode: code
                    width: ListView.view.width
                    height: 36
                    highlighted: ListView.isCurrentItem
                    onClicked: {
                        list.currentIndex = index
                        page.edit(index)
                    }
                    contentItem: RowLayout {
                        spacing: 8
                        Label { text: row.code; Layout.preferredWidth: 170; elide: Text.ElideRight }
                        Label { text: row.statusLabel; Layout.preferredWidth: 170; elide: Text.ElideRight }
                        Label { text: row.genderLabel; Layout.preferredWidth: 110; elide: Text.ElideRight }
                        Label { text: row.referralDate; Layout.preferredWidth: 100 }
                        Label { text: row.startDate; Layout.preferredWidth: 100 }
                        Label { text: row.outcomeLabel; Layout.fillWidth: true; elide: Text.ElideRight }
                        Label {
                            visible: row.pendingSync
                            text: qsTr("not synced")
                            font.pixelSize: 12
                            color: Theme.warning
                        }
                    }
                }

                Label {
                    anchors.centerIn: parent
                    visible: list.count === 0 && !App.cases.loading
                    text: page.filtered
                          ? qsTr("No cases match the filter.")
                          : qsTr("No cases yet. Create the first one with “New case” (Ctrl+N).")
                    opacity: 0.7
                }
            }
        }

        CaseForm {
            id: form
            visible: false
            Layout.preferredWidth: 460
            Layout.fillHeight: true
            onClosed: {
                visible = false
                list.forceActiveFocus()
            }
            onDeleteRequested: (uid, code) => confirmDelete.ask(uid, code)
        }
    }

    ConfirmDialog {
        id: confirmDelete
        property string uid
        property string code
        function ask(u, c) {
            uid = u
            code = c
            open()
        }
        title: qsTr("Delete case %1?").arg(code)
        text: qsTr("The case disappears from the list and from all figures. You can undo it until it has been synced.")
        acceptText: qsTr("Delete the case")
        acceptName: "confirmDeleteButton"
        onAccepted: {
            form.visible = false
            App.deleteCase(uid)
        }
    }
}
