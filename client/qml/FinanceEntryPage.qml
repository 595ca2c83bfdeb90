// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Ekonomi (the kansli's entry): the year's budget lines × months. Type the
/// utfall of a month (kronor, costs negative) and leave the cell (Tab, Enter):
/// it is the kansli's own utfall for the month, made at once and sent with the
/// next sync; an emptied cell falls back to the SIE or CSV import. The year's
/// budget and the prognos of each line, and the opening equity, the same way.
/// Every sum is the finance core's (Budget och utfall shows the follow-up).
Page {
    id: page
    objectName: "financeEntryPage"
    readonly property var model: App.financeEntry
    readonly property int nameWidth: 190
    readonly property int cellWidth: 84
    property string message: ""
    property bool isError: false
    /// A budget typed now is a revision (a new version; the original stays).
    property bool revising: false
    /// The form for a new budget line is open.
    property bool addingLine: false
    readonly property var groups: [
        { code: "income", label: qsTr("Income") },
        { code: "administration", label: qsTr("Central office, board and administration") },
        { code: "operations", label: qsTr("Operating costs") },
        { code: "interventions", label: qsTr("Interventions") },
        { code: "financial", label: qsTr("Financial items") }
    ]
    onVisibleChanged: if (!visible) message = ""

    Connections {
        target: page.model
        function onSaved() {
            page.isError = false
            page.message = qsTr("Saved – it is sent with the next sync.")
            if (page.addingLine && newCode.text !== "") {
                newCode.text = ""
                newName.text = ""
                page.addingLine = false
            }
        }
        function onRejected(field, message) { page.isError = true; page.message = message }
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 12
            Label { text: qsTr("Year") }
            BoundComboBox {
                objectName: "financeEntryYear"
                model: App.financeEntry.years
                value: App.financeEntry.year
                onPicked: v => App.financeEntry.year = v
            }
            Label { text: qsTr("Opening equity (kr)") }
            TextField {
                objectName: "openingEquity"
                text: App.financeEntry.openingEquity
                placeholderText: qsTr("not entered")
                horizontalAlignment: Text.AlignRight
                Layout.preferredWidth: 120
                onEditingFinished: if (text !== App.financeEntry.openingEquity) App.financeEntry.setOpeningEquity(text)
            }
            CheckBox {
                objectName: "reviseBudget"
                text: qsTr("Budget changes as a revision")
                checked: page.revising
                onToggled: page.revising = checked
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "newLine"
                text: qsTr("New budget line…")
                visible: !page.addingLine
                onClicked: { page.addingLine = true; newCode.forceActiveFocus() }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 6

        Label {
            text: App.financeEntry.count === 0
                  ? (App.financeEntry.error !== "" ? App.financeEntry.error : qsTr("No budget lines yet – add one (New budget line…), or they come with the next sync."))
                  : qsTr("Kronor; costs negative. A month you type is the office's own outcome; empty it to fall back to the imported one. Tab or Enter saves the cell.")
            wrapMode: Text.WordWrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        // A new budget line: code, name, group, unit, and the team of an insats.
        Frame {
            objectName: "newLineForm"
            visible: page.addingLine
            Layout.fillWidth: true
            RowLayout {
                spacing: 8
                TextField { id: newCode; objectName: "newLineCode"; placeholderText: qsTr("Code, e.g. insats-vindeln"); Layout.preferredWidth: 160 }
                TextField { id: newName; objectName: "newLineName"; placeholderText: qsTr("Name"); Layout.preferredWidth: 220 }
                ComboBox {
                    id: newGroup
                    objectName: "newLineGroup"
                    model: page.groups
                    textRole: "label"
                    valueRole: "code"
                    currentIndex: 3
                    Layout.preferredWidth: 230
                    Accessible.name: qsTr("Group")
                }
                TextField { id: newUnit; objectName: "newLineUnit"; text: "SAMO"; placeholderText: qsTr("Unit"); Layout.preferredWidth: 80; Accessible.name: qsTr("Unit") }
                ComboBox {
                    id: newTeam
                    objectName: "newLineTeam"
                    model: {
                        const choices = [{ code: "", name: qsTr("(no team)") }]
                        for (const t of App.reports.teams)
                            choices.push(t)
                        return choices
                    }
                    textRole: "name"
                    valueRole: "code"
                    Layout.preferredWidth: 220
                    Accessible.name: qsTr("Team (an insats)")
                }
                Button {
                    objectName: "newLineSave"
                    text: qsTr("Add")
                    onClicked: App.financeEntry.saveLine(newCode.text, newName.text, newGroup.currentValue, newUnit.text, newTeam.currentValue)
                }
                Button { text: qsTr("Cancel"); onClicked: page.addingLine = false }
            }
        }
        Label {
            objectName: "financeEntryMessage"
            visible: page.message !== ""
            text: page.message
            color: page.isError ? Theme.error : Theme.success
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        // Figures another computer changed before this one's arrived: nothing
        // was overwritten; the office chooses which stands.
        Column {
            objectName: "financeConflicts"
            visible: App.financeEntry.conflicts.length > 0
            spacing: 6
            Layout.fillWidth: true
            Label {
                text: qsTr("%n figure(s) were changed on another computer before yours arrived: choose which one stands.", "", App.financeEntry.conflicts.length)
                color: Theme.error
                font.bold: true
                wrapMode: Text.WordWrap
                width: parent.width
            }
            Repeater {
                model: App.financeEntry.conflicts
                Frame {
                    id: conflictRow
                    required property var modelData
                    width: parent.width
                    ColumnLayout {
                        width: parent.width
                        Label { text: conflictRow.modelData.what; font.bold: true }
                        Label { text: conflictRow.modelData.message; wrapMode: Text.WordWrap; Layout.fillWidth: true }
                        RowLayout {
                            Button {
                                objectName: "keepMine_" + conflictRow.modelData.seq
                                text: qsTr("Keep mine")
                                onClicked: App.financeEntry.settle(conflictRow.modelData.seq, true)
                            }
                            Button {
                                objectName: "takeOther_" + conflictRow.modelData.seq
                                text: qsTr("Take the other")
                                onClicked: App.financeEntry.settle(conflictRow.modelData.seq, false)
                            }
                        }
                    }
                }
            }
        }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: page.nameWidth + 15 * (page.cellWidth + 2) + 20
            Column {
                spacing: 2
                // The column heads: budget, the months, the year so far, the prognos.
                Row {
                    spacing: 2
                    Label { text: qsTr("Line"); font.bold: true; width: page.nameWidth }
                    Repeater {
                        model: [qsTr("Budget"), qsTr("Jan"), qsTr("Feb"), qsTr("Mar"), qsTr("Apr"), qsTr("May"), qsTr("Jun"),
                                qsTr("Jul"), qsTr("Aug"), qsTr("Sep"), qsTr("Oct"), qsTr("Nov"), qsTr("Dec"), qsTr("Year so far"),
                                qsTr("Forecast")]
                        Label {
                            required property string modelData
                            text: modelData
                            font.bold: true
                            horizontalAlignment: Text.AlignRight
                            width: page.cellWidth
                        }
                    }
                }
                Repeater {
                    model: App.financeEntry
                    Row {
                        id: line
                        required property int index
                        required property string lineCode
                        required property string lineName
                        required property string groupName
                        required property string budget
                        required property var months
                        required property string total
                        required property string forecast
                        required property var conflictCells
                        objectName: "line_" + lineCode
                        spacing: 2
                        Column {
                            width: page.nameWidth
                            Label { text: line.lineName; elide: Text.ElideRight; width: parent.width }
                            Label { text: line.groupName; font.pixelSize: 10; opacity: 0.7; elide: Text.ElideRight; width: parent.width }
                        }
                        TextField {
                            objectName: "budget_" + line.lineCode
                            text: line.budget
                            width: page.cellWidth
                            horizontalAlignment: Text.AlignRight
                            onEditingFinished: if (text !== line.budget) {
                                if (page.revising)
                                    App.financeEntry.reviseBudget(line.index, text)
                                else
                                    App.financeEntry.setBudget(line.index, text)
                            }
                            ConflictMark { visible: line.conflictCells.indexOf(0) >= 0 }
                        }
                        Repeater {
                            model: 12
                            TextField {
                                id: cell
                                required property int index
                                readonly property string stored: line.months[index]
                                objectName: "outcome_" + line.lineCode + "_" + (index + 1)
                                text: stored
                                width: page.cellWidth
                                horizontalAlignment: Text.AlignRight
                                onEditingFinished: if (text !== stored) App.financeEntry.setOutcome(line.index, index + 1, text)
                                ConflictMark { visible: line.conflictCells.indexOf(cell.index + 1) >= 0 }
                            }
                        }
                        Label {
                            text: line.total
                            width: page.cellWidth
                            horizontalAlignment: Text.AlignRight
                            font.bold: true
                            anchors.verticalCenter: parent.verticalCenter
                        }
                        TextField {
                            objectName: "forecast_" + line.lineCode
                            text: line.forecast
                            placeholderText: qsTr("computed")
                            width: page.cellWidth
                            horizontalAlignment: Text.AlignRight
                            onEditingFinished: if (text !== line.forecast) App.financeEntry.setForecast(line.index, text)
                            ConflictMark { visible: line.conflictCells.indexOf(13) >= 0 }
                        }
                    }
                }
            }
        }
    }
}
