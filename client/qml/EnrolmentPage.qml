// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// First start: the server address and the enrolment code from the central office.
Page {
    id: page
    FormErrors { id: errors }
    property alias errorField: errors.field
    property alias errorMessage: errors.message

    function submit() {
        errors.clear()
        App.enrol(serverField.text, codeField.text, certificateField.text)
    }

    Connections {
        target: App
        function onEnrolmentFinished(ok, field, message) {
            if (ok)
                errors.clear()
            else
                errors.set(field, message)
            if (!ok)
                (field === "code" ? codeField : field === "certificate" ? certificateField : serverField).forceActiveFocus()
        }
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 520)
        spacing: 8

        Label {
            text: qsTr("Welcome to Samkoll")
            font.pixelSize: 24
            font.bold: true
        }
        Label {
            text: qsTr("Enter the server address and the enrolment code you got from the central office. "
                       + "You only do this once; after that Samkoll starts straight into your team's work, "
                       + "with or without a network.")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label { text: qsTr("Server address"); Layout.topMargin: 12 }
        TextField {
            id: serverField
            objectName: "serverField"
            Layout.fillWidth: true
            placeholderText: "https://samkoll.example.se:8443"
            focus: true
            onAccepted: codeField.forceActiveFocus()
        }
        FieldError { message: errors.of("server"); Layout.fillWidth: true }
        Label { text: qsTr("Enrolment code") }
        TextField {
            id: codeField
            objectName: "codeField"
            Layout.fillWidth: true
            onAccepted: page.submit()
        }
        FieldError { message: errors.of("code"); Layout.fillWidth: true }
        Label { text: qsTr("Server certificate file (only for a server with its own certificate)") }
        TextField {
            id: certificateField
            objectName: "certificateField"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. /home/me/samkoll-server.pem")
            onAccepted: page.submit()
        }
        FieldError { message: errors.of("certificate"); Layout.fillWidth: true }
        FieldError {
            message: errors.of("")
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.topMargin: 8
            Button {
                objectName: "enrolButton"
                text: qsTr("Enrol this computer")
                highlighted: true
                enabled: !App.syncing
                onClicked: page.submit()
            }
            BusyIndicator { running: App.syncing; visible: App.syncing; implicitWidth: 28; implicitHeight: 28 }
        }
    }
}
