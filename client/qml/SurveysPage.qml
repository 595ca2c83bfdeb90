// SPDX-License-Identifier: GPL-3.0-or-later
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
    property bool messageIsError: false
    property var gridValues: ({})   // "question|option|gender" → text typed
    property var sheetAnswers: ({}) // question → option
    property int sheetsSaved: 0
    signal cleared()

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

    Connections {
        target: App.surveys
        function onSaved(rows) {
            if (tabs.currentIndex === 1 && rows > 0) {
                page.sheetsSaved += 1
                page.say(qsTr("Sheet saved (%1 this session). Next one!").arg(page.sheetsSaved), false)
            } else {
                page.say(rows > 0 ? qsTr("%n answer(s) saved.", "", rows) : qsTr("The counter-entry is saved."), false)
            }
            page.gridValues = {}
            page.sheetAnswers = {}
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
            ComboBox {
                id: questionnaireBox
                objectName: "questionnaireBox"
                Layout.preferredWidth: 300
                textRole: "title"
                valueRole: "code"
                model: App.surveys.questionnaires
                onActivated: App.surveys.questionnaire = currentValue
                Component.onCompleted: currentIndex = Math.max(0, indexOfValue(App.surveys.questionnaire))
                Connections {
                    target: App.surveys
                    function onDefinitionsChanged() { questionnaireBox.currentIndex = Math.max(0, questionnaireBox.indexOfValue(App.surveys.questionnaire)) }
                }
            }
            ComboBox {
                id: groupBox
                objectName: "groupBox"
                Layout.preferredWidth: 230
                textRole: "label"
                valueRole: "code"
                model: App.surveys.groups
                Component.onCompleted: currentIndex = Math.max(0, indexOfValue(App.surveys.group))
                onActivated: App.surveys.group = currentValue
                Connections {
                    target: App.surveys
                    function onSelectionChanged() { groupBox.currentIndex = Math.max(0, groupBox.indexOfValue(App.surveys.group)) }
                }
            }
            ComboBox {
                id: periodBox
                objectName: "periodBox"
                Layout.preferredWidth: 180
                textRole: "label"
                valueRole: "code"
                model: App.surveys.periods
                Component.onCompleted: currentIndex = Math.max(0, indexOfValue(App.surveys.period))
                onActivated: App.surveys.period = currentValue
                Connections {
                    target: App.surveys
                    function onSelectionChanged() { periodBox.currentIndex = Math.max(0, periodBox.indexOfValue(App.surveys.period)) }
                }
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
            color: page.messageIsError ? "#b3261e" : "#1b5e20"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12

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
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            contentWidth: availableWidth
                            clip: true
                            ColumnLayout {
                                width: parent.width
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
                                            Layout.fillWidth: true
                                        }
                                        GridLayout {
                                            columns: 1 + page.genders.length
                                            columnSpacing: 8
                                            rowSpacing: 2
                                            Label { text: "" }
                                            Repeater {
                                                model: page.genders
                                                Label { required property var modelData; text: modelData.label; font.pixelSize: 12 }
                                            }
                                            Repeater {
                                                model: questionBlock.modelData.options.length * (1 + page.genders.length)
                                                Loader {
                                                    required property int index
                                                    readonly property int option: Math.floor(index / (1 + page.genders.length)) + 1
                                                    readonly property int column: index % (1 + page.genders.length)
                                                    sourceComponent: column === 0 ? optionLabel : countField
                                                    Component {
                                                        id: optionLabel
                                                        Label {
                                                            text: questionBlock.modelData.options[option - 1]
                                                            Layout.preferredWidth: 220
                                                            elide: Text.ElideRight
                                                        }
                                                    }
                                                    Component {
                                                        id: countField
                                                        ColumnLayout {
                                                            spacing: 0
                                                            readonly property string cellKey: questionBlock.modelData.code + "|" + option + "|" + page.genders[column - 1].code
                                                            TextField {
                                                                id: countInput
                                                                objectName: "cell_" + parent.cellKey
                                                                Layout.preferredWidth: 70
                                                                placeholderText: "0"
                                                                inputMethodHints: Qt.ImhDigitsOnly
                                                                onTextEdited: page.gridValues[parent.cellKey] = text
                                                                Connections { target: page; function onCleared() { countInput.text = "" } }
                                                            }
                                                            Label {
                                                                text: qsTr("now %1").arg(App.surveys.totals[parent.cellKey] || 0)
                                                                font.pixelSize: 11
                                                                opacity: 0.7
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        Button {
                            objectName: "saveGridButton"
                            text: qsTr("Save the entry")
                            highlighted: true
                            onClicked: page.saveGrid()
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
                        Button {
                            objectName: "saveSheetButton"
                            text: qsTr("Save the sheet")
                            highlighted: true
                            onClicked: page.saveSheet()
                        }
                    }
                }
            }

            // --- Entry batches ---
            Frame {
                Layout.preferredWidth: 330
                Layout.fillHeight: true
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
                            required property var modelData
                            width: ListView.view.width
                            Label {
                                text: modelData.enteredAt + " · " + (modelData.enteredBy || qsTr("unknown"))
                                font.bold: true
                            }
                            Label {
                                text: modelData.correction
                                      ? qsTr("Counter-entry: %1 answers").arg(modelData.sum)
                                      : qsTr("%1 answers in %2 cells").arg(modelData.sum).arg(modelData.rows)
                                opacity: 0.8
                            }
                            Button {
                                visible: !modelData.correction
                                text: qsTr("Correct (counter-entry)…")
                                onClicked: confirmCorrection.ask(modelData.batch, modelData.sum)
                            }
                        }
                    }
                }
            }
        }
    }

    Dialog {
        id: confirmCorrection
        property string batch
        property int sum
        function ask(b, s) { batch = b; sum = s; open() }
        anchors.centerIn: parent
        modal: true
        title: qsTr("Correct this entry?")
        standardButtons: Dialog.Yes | Dialog.No
        Label {
            width: 380
            wrapMode: Text.WordWrap
            text: qsTr("A counter-entry subtracts all %1 answers of the entry again. Nothing is erased: both entries stay visible. Enter the right answers afterwards.").arg(confirmCorrection.sum)
        }
        onAccepted: App.surveys.correct(batch)
    }
}
