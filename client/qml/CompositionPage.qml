// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Sammansättning: women and men among the team's staff and steering group for the year.
Page {
    id: page
    objectName: "compositionPage"
    property string message
    onVisibleChanged: if (!visible) message = ""  // a status line belongs to what was just done
    // Ctrl+S saves the row being typed in (the staff when neither has the cursor).
    Shortcut {
        sequence: "Ctrl+S"
        enabled: page.visible
        onActivated: groupWomen.activeFocus || groupMen.activeFocus
                     ? App.composition.save("steering_group", groupWomen.text, groupMen.text)
                     : App.composition.save("staff", staffWomen.text, staffMen.text)
    }
    property bool isError: false

    readonly property var values: App.composition.values  // a map: "staff"/"steering_group" → {known, women, men}
    function known(body) { return page.values[body] !== undefined && page.values[body].known }

    Connections {
        target: App.composition
        function onSaved(body) {
            page.isError = false
            page.message = qsTr("Saved.")
        }
        function onRejected(field, message) {
            page.isError = true
            page.message = message
        }
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: 24
        width: Math.min(parent.width - 48, 640)
        spacing: 10

        Label { text: qsTr("Composition"); font.pixelSize: 22; font.bold: true }
        Label {
            text: qsTr("Women and men among the team's staff and in its steering group. The gender-balance indicators of the index use these numbers.")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        RowLayout {
            Label { text: qsTr("Year") }
            BoundComboBox {
                id: yearBox
                objectName: "compositionYear"
                model: {
                    const now = new Date().getFullYear()
                    const years = []
                    for (let y = now; y >= now - 6; --y)
                        years.push(y)
                    return years
                }
                value: App.composition.year
                onPicked: v => { page.message = ""; App.composition.year = v }
            }
        }
        GridLayout {
            columns: 4
            columnSpacing: 12
            Label { text: "" }
            Label { text: qsTr("Women") }
            Label { text: qsTr("Men") }
            Label { text: "" }
            Label { text: qsTr("Staff") }
            TextField {
                id: staffWomen
                objectName: "women_staff"
                Layout.preferredWidth: 80
                text: page.known("staff") ? String(page.values.staff.women) : ""
                inputMethodHints: Qt.ImhDigitsOnly
            }
            TextField {
                id: staffMen
                objectName: "men_staff"
                Layout.preferredWidth: 80
                text: page.known("staff") ? String(page.values.staff.men) : ""
                inputMethodHints: Qt.ImhDigitsOnly
            }
            Button {
                objectName: "save_staff"
                text: qsTr("Save")
                onClicked: App.composition.save("staff", staffWomen.text, staffMen.text)
            }
            Label { text: qsTr("Steering group") }
            TextField {
                id: groupWomen
                objectName: "women_steering_group"
                Layout.preferredWidth: 80
                text: page.known("steering_group") ? String(page.values.steering_group.women) : ""
                inputMethodHints: Qt.ImhDigitsOnly
            }
            TextField {
                id: groupMen
                objectName: "men_steering_group"
                Layout.preferredWidth: 80
                text: page.known("steering_group") ? String(page.values.steering_group.men) : ""
                inputMethodHints: Qt.ImhDigitsOnly
            }
            Button {
                objectName: "save_steering_group"
                text: qsTr("Save")
                onClicked: App.composition.save("steering_group", groupWomen.text, groupMen.text)
            }
        }
        Label {
            objectName: "compositionMessage"
            visible: page.message !== ""
            text: page.message
            color: page.isError ? Theme.error : Theme.success
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}
