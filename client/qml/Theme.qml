// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

/// Colours and spacing shared by every workspace (coordinator, kansli, board).
/// The index colours follow the board's thresholds; each is dark enough to read
/// as text on white and stays distinct when printed in grey.
QtObject {
    readonly property color error: "#b3261e"      // a refusal, a field to correct
    readonly property color success: "#1b5e20"    // saved, done
    readonly property color warning: "#8a5a00"    // worth a look: swing, low volume, pending
    readonly property color notice: "#fff4e5"     // background of a reminder box
    readonly property color online: "#2e7d32"
    readonly property color offline: "#9e9e9e"
    readonly property color tooltip: "#2b2f36"
    readonly property color focus: "#1a5fb4"       // the frame round the row or field the keyboard is on

    readonly property color indexGreen: "#2e7d32"
    readonly property color indexOrange: "#ef6c00"
    readonly property color indexRed: "#c62828"
    readonly property color indexNone: "#9e9e9e"
    readonly property color signalNone: "#757575"

    /// The colour of an index or indicator signal by its code ("green", "achieved", …).
    function indexColour(code) {
        switch (code) {
        case "green": case "achieved": return indexGreen
        case "orange": return indexOrange
        case "red": case "not_achieved": return indexRed
        default: return indexNone
        }
    }

    /// Lines of a chart, one per unit: the förbund black, the teams in colours
    /// that stay apart for colour-blind readers (Okabe–Ito), each with its own
    /// dash pattern so a grey print tells them apart too.
    readonly property var seriesColours: ["#000000", "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7f5f00"]
    readonly property var seriesDashes: [[], [6, 3], [2, 2], [8, 3, 2, 3], [1, 3], [10, 4], [4, 2, 1, 2], [3, 5]]
    function seriesSlot(i, n) { return Number.isInteger(i) ? ((i % n) + n) % n : 0 }
    function seriesColour(i) { return seriesColours[seriesSlot(i, seriesColours.length)] }
    function seriesDash(i) { return seriesDashes[seriesSlot(i, seriesDashes.length)] }

    readonly property int spacing: 8
    readonly property int margin: 12
}
