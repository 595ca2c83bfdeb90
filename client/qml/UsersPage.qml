// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Användare: the kansli adds users, makes a one-time enrolment code for a
/// user's next computer, and revokes a lost or replaced device (App.users, on
/// the server at once).
Page {
    id: page
    objectName: "usersPage"
    property string pendingDevice: ""

    onVisibleChanged: if (visible) App.users.reload()

    ConfirmDialog {
        id: revokeDialog
        title: qsTr("Revoke the device?")
        text: qsTr("The device can no longer sync; what it has not synced stays on it. Use this for a lost or replaced computer – the user gets a new enrolment code for the next one.")
        acceptText: qsTr("Revoke")
        acceptName: "revokeConfirm"
        onAccepted: App.users.revoke(page.pendingDevice)
    }

    function roleName(role) {
        switch (role) {
        case "coordinator": return qsTr("Coordinator")
        case "central_office": return qsTr("Central office")
        case "board": return qsTr("Board")
        }
        return role
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 10

            Label {
                text: qsTr("Users")
                font.bold: true
                font.pixelSize: 20
                Layout.margins: 16
                Layout.bottomMargin: 0
            }
            Label {
                text: qsTr("Add a user, then make an enrolment code for the user's computer: the code is used once, at the first start of Samkoll there. No names or personal identity numbers – a login such as \"anna.k\" is enough.")
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            // A new user.
            GridLayout {
                columns: 4
                columnSpacing: 8
                rowSpacing: 6
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Label { text: qsTr("Login") }
                Label { text: qsTr("Role") }
                Label { text: qsTr("Team"); visible: roleBox.currentValue === "coordinator" }
                Item { width: 1; height: 1 }
                TextField {
                    id: login
                    objectName: "newLogin"
                    placeholderText: qsTr("e.g. anna.k")
                    Layout.preferredWidth: 180
                    onAccepted: addButton.clicked()
                }
                BoundComboBox {
                    id: roleBox
                    objectName: "newRole"
                    property string chosen: "coordinator"
                    textRole: "text"
                    valueRole: "value"
                    model: [{ value: "coordinator", text: qsTr("Coordinator") },
                            { value: "central_office", text: qsTr("Central office") },
                            { value: "board", text: qsTr("Board") }]
                    value: chosen
                    onPicked: v => chosen = v
                }
                BoundComboBox {
                    id: teamBox
                    objectName: "newTeam"
                    property string chosen: App.reports.teams.length > 0 ? App.reports.teams[0].code : ""
                    visible: roleBox.currentValue === "coordinator"
                    Layout.preferredWidth: 260
                    textRole: "name"
                    valueRole: "code"
                    model: App.reports.teams
                    value: chosen
                    onPicked: v => chosen = v
                }
                Button {
                    id: addButton
                    objectName: "addUser"
                    text: qsTr("Add user")
                    enabled: !App.users.busy
                    onClicked: App.users.addUser(login.text, roleBox.chosen, teamBox.chosen)
                }
            }
            FieldError {
                objectName: "usersError"
                message: App.users.error
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }
            Label {
                objectName: "usersMessage"
                visible: text !== ""
                text: App.users.message
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
            }
            // The code, shown once: large enough to read out over the phone.
            Frame {
                visible: App.users.code !== ""
                Layout.leftMargin: 16
                ColumnLayout {
                    Label { text: qsTr("Enrolment code for %1").arg(App.users.codeLogin) }
                    TextField {
                        objectName: "enrolmentCode"
                        text: App.users.code
                        readOnly: true
                        selectByMouse: true
                        font.pixelSize: 22
                        font.family: "monospace"
                        Layout.preferredWidth: 320
                    }
                }
            }

            Label {
                text: qsTr("Users")
                font.bold: true
                font.pixelSize: 16
                Layout.leftMargin: 16
                Layout.topMargin: 8
            }
            Repeater {
                model: App.users.users
                delegate: RowLayout {
                    id: userRow
                    required property var modelData
                    spacing: 12
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                    Label { text: userRow.modelData.login; font.bold: true; Layout.preferredWidth: 160 }
                    Label {
                        text: page.roleName(userRow.modelData.role)
                              + (userRow.modelData.teamName !== "" ? " – " + userRow.modelData.teamName : "")
                        Layout.preferredWidth: 320
                    }
                    Button {
                        objectName: "code_" + userRow.modelData.login
                        text: qsTr("New enrolment code")
                        enabled: !App.users.busy
                        onClicked: App.users.makeCode(userRow.modelData.login)
                    }
                }
            }

            Label {
                text: qsTr("Devices")
                font.bold: true
                font.pixelSize: 16
                Layout.leftMargin: 16
                Layout.topMargin: 8
            }
            Repeater {
                model: App.users.devices
                delegate: RowLayout {
                    id: deviceRow
                    required property var modelData
                    spacing: 12
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                    opacity: deviceRow.modelData.revoked ? 0.55 : 1
                    Label { text: deviceRow.modelData.name; Layout.preferredWidth: 200; elide: Text.ElideRight }
                    Label { text: deviceRow.modelData.login; Layout.preferredWidth: 120 }
                    Label {
                        text: deviceRow.modelData.revoked ? qsTr("Revoked")
                              : deviceRow.modelData.lastSeenAt !== "" ? qsTr("Last seen %1").arg(deviceRow.modelData.lastSeenAt)
                              : qsTr("Never synced")
                        Layout.preferredWidth: 240
                    }
                    Label {
                        visible: deviceRow.modelData.thisDevice
                        text: qsTr("(this computer)")
                        opacity: 0.7
                    }
                    Button {
                        objectName: "revoke_" + deviceRow.modelData.login
                        visible: !deviceRow.modelData.revoked && !deviceRow.modelData.thisDevice
                        text: qsTr("Revoke…")
                        enabled: !App.users.busy
                        onClicked: {
                            page.pendingDevice = deviceRow.modelData.id
                            revokeDialog.open()
                        }
                    }
                }
            }
        }
    }
}
