// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

/// The message under a field that failed validation (empty: nothing shown).
Label {
    property string message
    visible: message !== ""
    text: message
    color: Theme.error
    wrapMode: Text.WordWrap
    font.pixelSize: 13
}
