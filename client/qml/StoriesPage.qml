// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Goda exempel: the team's success stories; write, categorise and edit them.
Page {
    id: page
    objectName: "storiesPage"
    FormErrors { id: errors }
    property string uid
    property alias errorField: errors.field
    property alias errorMessage: errors.message

    function load(s) {
        uid = s.uid || ""
        category.currentIndex = Math.max(0, category.indexOfValue(s.category))
        date.text = s.date || ""
        title.text = s.title || ""
        body.text = s.text || ""
        errors.clear()
        title.forceActiveFocus()
    }
    function save() {
        errors.clear()
        App.stories.save({ uid: uid, category: category.currentValue, date: date.text, title: title.text, text: body.text })
    }
    Component.onCompleted: load(App.stories.blank())

    Connections {
        target: App.stories
        function onSaved(savedUid) {
            page.load(App.stories.blank())
            savedNote.visible = true
        }
        function onRejected(field, message) {
            errors.set(field, message)
            savedNote.visible = false
            ;(field === "date" ? date : field === "text" ? body : title).forceActiveFocus()
        }
    }
    Shortcut { sequence: "Ctrl+S"; enabled: page.visible; onActivated: page.save() }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 16

        // The form
        ColumnLayout {
            Layout.preferredWidth: 520
            Layout.fillHeight: true
            spacing: 6
            Label {
                text: page.uid === "" ? qsTr("New success story") : qsTr("Edit success story")
                font.pixelSize: 20
                font.bold: true
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: reminder.implicitHeight + 16
                color: Theme.notice
                radius: 4
                Label {
                    id: reminder
                    objectName: "anonymiseReminder"
                    anchors.fill: parent
                    anchors.margins: 8
                    wrapMode: Text.WordWrap
                    text: qsTr("Anonymise: no names, personal identity numbers, ages, places or details that could point out a person. Write so that the participant would recognise the story but nobody else could identify them.")
                }
            }
            Label { text: qsTr("Category") }
            ComboBox {
                id: category
                objectName: "storyCategory"
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "code"
                model: App.termOptions("story_category")
            }
            Label { text: qsTr("Date") }
            TextField { id: date; objectName: "storyDate"; Layout.fillWidth: true; placeholderText: qsTr("YYYY-MM-DD") }
            FieldError { message: errors.of("date"); Layout.fillWidth: true }
            Label { text: qsTr("Title") }
            TextField { id: title; objectName: "storyTitle"; Layout.fillWidth: true }
            FieldError { message: errors.of("title"); Layout.fillWidth: true }
            Label { text: qsTr("The story") }
            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                TextArea {
                    id: body
                    objectName: "storyText"
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("What was the situation, what did the team and the partners do, what changed?")
                    KeyNavigation.priority: KeyNavigation.BeforeItem
                    KeyNavigation.tab: saveButton
                    background: Rectangle { color: palette.base; border.color: body.activeFocus ? palette.highlight : palette.mid; radius: 2 }
                }
            }
            FieldError {
                objectName: "storyError"
                message: errors.of(["text", "category", ""])
                Layout.fillWidth: true
            }
            Label { id: savedNote; visible: false; text: qsTr("Saved."); color: Theme.success }
            RowLayout {
                Button {
                    id: saveButton
                    objectName: "saveStoryButton"
                    text: qsTr("Save")
                    highlighted: true
                    onClicked: page.save()
                }
                Button { text: qsTr("New"); onClicked: { savedNote.visible = false; page.load(App.stories.blank()) } }
            }
        }

        // The team's stories
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Label { text: qsTr("The team's success stories"); font.bold: true; font.pixelSize: 17 }
            Label {
                visible: App.stories.items.length === 0
                text: qsTr("None yet.")
                opacity: 0.7
            }
            ListView {
                objectName: "storyList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 4
                model: App.stories.items
                ScrollBar.vertical: ScrollBar {}
                delegate: ItemDelegate {
                    id: storyRow
                    required property var modelData
                    width: ListView.view.width
                    onClicked: page.load(modelData)
                    contentItem: ColumnLayout {
                        spacing: 0
                        Label { text: storyRow.modelData.title; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label {
                            text: storyRow.modelData.date + " · " + storyRow.modelData.categoryLabel
                                  + (storyRow.modelData.pendingSync ? " · " + qsTr("not synced") : "")
                            opacity: 0.8
                            font.pixelSize: 12
                        }
                        Label { text: storyRow.modelData.text; elide: Text.ElideRight; Layout.fillWidth: true; opacity: 0.8 }
                    }
                }
            }
        }
    }
}
