// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

/// An index value in its colour (green, orange, red; grey when not assessable).
Rectangle {
    property var value: null      // number or null
    property string colour: "none"
    property int size: 44
    implicitWidth: Math.max(size * 1.6, label.implicitWidth + 16)
    implicitHeight: size
    radius: 6
    color: Theme.indexColour(colour)
    Accessible.name: label.text
    Label {
        id: label
        anchors.centerIn: parent
        text: parent.value === null || parent.value === undefined ? "–" : String(parent.value)
        color: "white"
        font.bold: true
        font.pixelSize: parent.size * 0.5
    }
}
