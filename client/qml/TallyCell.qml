// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

/// One cell of the survey grid: the count typed for a question × option ×
/// gender, with the round's total so far under it. Emptied when `clearCount`
/// changes (after a save), without a Connections object per cell.
ColumnLayout {
    id: cell
    required property string cellKey
    property int total: 0
    property int clearCount: 0
    property int cellWidth: 70
    signal edited(string key, string text)

    spacing: 0
    onClearCountChanged: input.text = ""

    TextField {
        id: input
        objectName: "cell_" + cell.cellKey
        Layout.preferredWidth: cell.cellWidth
        placeholderText: "0"
        inputMethodHints: Qt.ImhDigitsOnly
        onTextEdited: cell.edited(cell.cellKey, text)
    }
    Label {
        text: qsTr("now %1").arg(cell.total)
        font.pixelSize: 11
        opacity: 0.7
    }
}
