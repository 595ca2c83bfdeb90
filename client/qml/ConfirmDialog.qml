// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

/// A question before something that cannot be taken back, with its buttons in
/// the user's language (Qt's standard buttons are not translated into
/// Swedish) and following a language switch. A fixed width: the dialog does
/// not size itself from its title and buttons while they size themselves from
/// it (a binding loop when a language switch changes every text at once).
///     ConfirmDialog { title: qsTr("Delete?"); text: …; acceptText: qsTr("Delete"); onAccepted: … }
/// With `discardText` it offers three choices: accept, discard (discarded()) and cancel.
Dialog {
    id: dialog
    property string text
    property string acceptText: qsTr("OK")
    property string cancelText: qsTr("Cancel")
    property string discardText: ""
    /// objectNames of the buttons, for tests and the screen tour.
    property string acceptName: ""
    property string discardName: ""

    anchors.centerIn: parent
    implicitWidth: 460
    width: Math.min(parent ? parent.width - 48 : implicitWidth, implicitWidth)
    modal: true
    standardButtons: discardText !== "" ? Dialog.Ok | Dialog.Discard | Dialog.Cancel : Dialog.Ok | Dialog.Cancel
    Component.onCompleted: {
        const ok = standardButton(Dialog.Ok)
        ok.text = Qt.binding(() => dialog.acceptText)
        ok.objectName = dialog.acceptName
        standardButton(Dialog.Cancel).text = Qt.binding(() => dialog.cancelText)
        const discard = standardButton(Dialog.Discard)
        if (discard) {
            discard.text = Qt.binding(() => dialog.discardText)
            discard.objectName = dialog.discardName
        }
    }
    // A child of a fixed width (not the contentItem, which the popup would
    // size from its own size): its wrapped height never feeds back into itself.
    Label {
        width: dialog.implicitWidth - dialog.leftPadding - dialog.rightPadding
        wrapMode: Text.WordWrap
        text: dialog.text
    }
}
