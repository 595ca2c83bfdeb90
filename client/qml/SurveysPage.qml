// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Enkäter: enter paper questionnaires as a grid or one sheet at a time, see
/// totals and the response rate, correct a batch by a counter-entry.
Page {
    id: page
    objectName: "surveysPage"
    property string message
    // A status line belongs to what was just done: leaving the view clears it.
    onVisibleChanged: if (!visible) message = ""
    property bool messageIsError: false
    property var gridValues: ({})   // "question|option|gender" → text typed
    property var sheetAnswers: ({}) // question → option
    property int sheetsSaved: 0
    signal cleared()
    property int clearCount: 0   // bumped after a save: the grid's cells empty themselves
    readonly property int cellWidth: 84  // a grid column; its heading wraps ("Annat/ej angivet")
    readonly property int optionWidth: 200  // the option column
    // A narrow window (150 % on a 1280×800 laptop): the entries go under the grid, which gets the width.
    readonly property bool narrow: width < 1000
    // A grid row: the option, then a cell per gender (8 px apart), with the scroll bar's room.
    readonly property int gridWidth: optionWidth + genders.length * (cellWidth + 8) + 24

    readonly property var genders: App.termOptions("tally_gender")

    function say(text, isError) {
        message = text
        messageIsError = isError
    }
    function saveGrid() {
        const cells = []
        for (const key in gridValues) {
            const parts = key.split("|")
            cells.push({ question: parts[0], option: parseInt(parts[1]), gender: parts[2], count: gridValues[key] })
        }
        App.surveys.saveGrid(cells)
    }
    function saveSheet() {
        App.surveys.saveSheet(sheetAnswers, sheetGender.currentValue)
    }

    // Ctrl+S saves the entry in front of you: the grid or the answer sheet.
    Shortcut {
        sequence: "Ctrl+S"
        enabled: page.visible
        onActivated: tabs.currentIndex === 0 ? page.saveGrid() : page.saveSheet()
    }

    Connections {
        target: App.surveys
        function onSaved(rows, answers, correction) {
            if (correction) {
                page.say(qsTr("The correction is saved: %n cell(s) changed.", "", rows), false)
            } else if (tabs.currentIndex === 1 && rows > 0) {
                page.sheetsSaved += 1
                page.say(qsTr("Sheet saved (%1 this session). Next one!").arg(page.sheetsSaved), false)
            } else {
                // Answers and the cells they were typed in: "65 svar i 38 rutor sparade."
                page.say(rows > 0 ? qsTr("%n answer(s)", "", answers) + " " + qsTr("in %n cell(s) saved.", "", rows)
                                  : qsTr("The counter-entry is saved."), false)
            }
            page.gridValues = {}
            page.sheetAnswers = {}
            page.clearCount += 1
            page.cleared()
        }
        function onRejected(field, message) { page.say(message, true) }
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 10
            BoundComboBox {
                id: questionnaireBox
                objectName: "questionnaireBox"
                // Narrow windows (150 % on a laptop): the three choices share the width.
                Layout.preferredWidth: 300
                Layout.fillWidth: page.narrow
                Layout.minimumWidth: 120
                textRole: "title"
                valueRole: "code"
                model: App.surveys.questionnaires
                value: App.surveys.questionnaire
                onPicked: v => App.surveys.questionnaire = v
            }
            BoundComboBox {
                id: groupBox
                objectName: "groupBox"
                Layout.preferredWidth: 230
                Layout.fillWidth: page.narrow
                Layout.minimumWidth: 110
                textRole: "label"
                valueRole: "code"
                model: App.surveys.groups
                value: App.surveys.group
                onPicked: v => App.surveys.group = v
            }
            BoundComboBox {
                id: periodBox
                objectName: "periodBox"
                Layout.preferredWidth: 180
                Layout.fillWidth: page.narrow
                Layout.minimumWidth: 100
                textRole: "label"
                valueRole: "code"
                model: App.surveys.periods
                value: App.surveys.period
                onPicked: v => App.surveys.period = v
            }
            Item { Layout.fillWidth: true }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        RowLayout {
            spacing: 8
            Label { text: qsTr("Invited") }
            TextField {
                id: invitedField
                objectName: "invitedField"
                Layout.preferredWidth: 80
                text: App.surveys.invited > 0 ? String(App.surveys.invited) : ""
                inputMethodHints: Qt.ImhDigitsOnly
                onAccepted: App.surveys.setInvited(text)
            }
            Button { text: qsTr("Save number"); onClicked: App.surveys.setInvited(invitedField.text) }
            Label {
                objectName: "responseRate"
                text: App.surveys.responseRateText
                font.bold: true
                Layout.leftMargin: 12
            }
        }
        Label {
            objectName: "surveyMessage"
            visible: page.message !== ""
            text: page.message
            color: page.messageIsError ? Theme.error : Theme.success
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: page.narrow ? 1 : 2
            columnSpacing: 12
            rowSpacing: 8

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                TabBar {
                    id: tabs
                    Layout.fillWidth: true
                    TabButton { text: qsTr("Grid (questions × options × gender)") }
                    TabButton { objectName: "sheetTab"; text: qsTr("One answer sheet at a time") }
                }
                StackLayout {
                    currentIndex: tabs.currentIndex
                    Layout.fillWidth: true
                    Layout.fillHeight: true

                    // --- Grid ---
                    ColumnLayout {
                        ScrollView {
                            id: gridScroll
                            objectName: "gridScroll"
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            // As wide as the grid's rows when the window is narrow
                            // (150 % on a laptop): it scrolls sideways instead of cutting columns.
                            contentWidth: Math.max(availableWidth, page.gridWidth)
                            clip: true
                            ColumnLayout {
                                width: gridScroll.contentWidth
                                spacing: 14
                                Repeater {
                                    model: App.surveys.questions
                                    ColumnLayout {
                                        id: questionBlock
                                        required property var modelData
                                        required property int index
                                        Layout.fillWidth: true
                                        Label {
                                            text: (questionBlock.index + 1) + ". " + questionBlock.modelData.text
                                            font.bold: true
                                            wrapMode: Text.WordWrap
                                            // Wraps in what is visible, even when the grid scrolls sideways.
                                            Layout.maximumWidth: gridScroll.availableWidth - 8
                                            Layout.fillWidth: true
                                        }
                                        // Header and one row per option; fixed widths keep the columns aligned.
                                        RowLayout {
                                            spacing: 8
                                            Item { Layout.preferredWidth: page.optionWidth }
                                            Repeater {
                                                model: page.genders
                                                Label {
                                                    required property var modelData
                                                    text: modelData.label
                                                    font.pixelSize: 12
                                                    wrapMode: Text.WordWrap
                                                    Layout.preferredWidth: page.cellWidth
                                                }
                                            }
                                        }
                                        Repeater {
                                            model: questionBlock.modelData.options
                                            RowLayout {
                                                id: optionRow
                                                required property var modelData
                                                required property int index
                                                spacing: 8
                                                Label {
                                                    text: optionRow.modelData
                                                    Layout.preferredWidth: page.optionWidth
                                                    elide: Text.ElideRight
                                                }
                                                Repeater {
                                                    model: page.genders
                                                    TallyCell {
                                                        required property var modelData
                                                        cellKey: questionBlock.modelData.code + "|" + (optionRow.index + 1) + "|" + modelData.code
                                                        total: App.surveys.totals[cellKey] || 0
                                                        clearCount: page.clearCount
                                                        cellWidth: page.cellWidth
                                                        onEdited: (key, text) => page.gridValues[key] = text
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        KeepFocusVisible { flickable: gridScroll.contentItem as Flickable }
                        RowLayout {
                            Layout.fillWidth: true
                            Button {
                                objectName: "saveGridButton"
                                text: qsTr("Save the entry")
                                highlighted: true
                                onClicked: page.saveGrid()
                            }
                            Label {
                                text: qsTr("To correct one cell: type −1 where an answer was wrong and 1 where it belongs, then save.")
                                wrapMode: Text.WordWrap
                                opacity: 0.7
                                font.pixelSize: 12
                                Layout.fillWidth: true
                            }
                        }
                    }

                    // --- One sheet at a time ---
                    ColumnLayout {
                        RowLayout {
                            Label { text: qsTr("Respondent") }
                            ComboBox {
                                id: sheetGender
                                objectName: "sheetGender"
                                Layout.preferredWidth: 200
                                textRole: "label"
                                valueRole: "code"
                                model: page.genders
                            }
                        }
                        ScrollView {
                            id: sheetScroll
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            contentWidth: availableWidth
                            clip: true
                            ColumnLayout {
                                width: parent.width
                                spacing: 10
                                Repeater {
                                    model: App.surveys.questions
                                    ColumnLayout {
                                        id: sheetQuestion
                                        required property var modelData
                                        required property int index
                                        Layout.fillWidth: true
                                        Label {
                                            text: (sheetQuestion.index + 1) + ". " + sheetQuestion.modelData.text
                                            wrapMode: Text.WordWrap
                                            Layout.fillWidth: true
                                        }
                                        Flow {
                                            Layout.fillWidth: true
                                            spacing: 6
                                            ButtonGroup { id: choice }
                                            RadioButton {
                                                id: noAnswer
                                                text: qsTr("No answer")
                                                checked: true
                                                ButtonGroup.group: choice
                                                onClicked: delete page.sheetAnswers[sheetQuestion.modelData.code]
                                                Connections { target: page; function onCleared() { noAnswer.checked = true } }
                                            }
                                            Repeater {
                                                model: sheetQuestion.modelData.options
                                                RadioButton {
                                                    required property var modelData
                                                    required property int index
                                                    objectName: "answer_" + sheetQuestion.modelData.code + "_" + (index + 1)
                                                    text: modelData
                                                    ButtonGroup.group: choice
                                                    onClicked: page.sheetAnswers[sheetQuestion.modelData.code] = index + 1
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        KeepFocusVisible { flickable: sheetScroll.contentItem as Flickable }
                        Button {
                            objectName: "saveSheetButton"
                            text: qsTr("Save the sheet")
                            highlighted: true
                            onClicked: page.saveSheet()
                        }
                    }
                }
            }

            // --- Entry batches (under the grid in a narrow window) ---
            Frame {
                Layout.preferredWidth: page.narrow ? -1 : 330
                Layout.fillWidth: page.narrow
                Layout.fillHeight: !page.narrow
                Layout.preferredHeight: page.narrow ? 110 : -1
                ColumnLayout {
                    anchors.fill: parent
                    Label { text: qsTr("Entries in this round"); font.bold: true }
                    Label {
                        visible: App.surveys.batches.length === 0
                        text: qsTr("Nothing entered yet.")
                        opacity: 0.7
                    }
                    ListView {
                        objectName: "batchList"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        spacing: 6
                        model: App.surveys.batches
                        delegate: ColumnLayout {
                            id: batchRow
                            required property var modelData
                            width: ListView.view.width
                            Label {
                                text: batchRow.modelData.enteredAt + " · " + (batchRow.modelData.enteredBy || qsTr("unknown"))
                                font.bold: true
                            }
                            Label {
                                text: batchRow.modelData.kind === "counterEntry"
                                      ? qsTr("Counter-entry: %1 answers").arg(batchRow.modelData.sum)
                                      : batchRow.modelData.kind === "correction"
                                        ? qsTr("Correction of %1 cells (net %2)").arg(batchRow.modelData.rows).arg(batchRow.modelData.sum)
                                        : qsTr("%1 answers in %2 cells").arg(batchRow.modelData.sum).arg(batchRow.modelData.rows)
                                        + (batchRow.modelData.counterEntered ? " · " + qsTr("counter-entered") : "")
                                opacity: 0.8
                            }
                            Button {
                                // An entry is counter-entered once; a single wrong cell is corrected in the grid (−1 / +1).
                                visible: batchRow.modelData.kind === "entry" && !batchRow.modelData.counterEntered
                                text: qsTr("Correct (counter-entry)…")
                                onClicked: confirmCorrection.ask(batchRow.modelData.batch, batchRow.modelData.sum)
                            }
                        }
                    }
                }
            }
        }
    }

    ConfirmDialog {
        id: confirmCorrection
        property string batch
        property int sum
        function ask(b, s) { batch = b; sum = s; open() }
        title: qsTr("Correct this entry?")
        text: qsTr("A counter-entry subtracts all %1 answers of the entry again. Nothing is erased: both entries stay visible. Enter the right answers afterwards.").arg(confirmCorrection.sum)
        acceptText: qsTr("Correct")
        acceptName: "confirmCorrectionButton"
        onAccepted: App.surveys.correct(batch)
    }
}
