// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import Samkoll

/// The index of each unit over the years as lines (Qt Quick Shapes), 0–100,
/// with the colour thresholds as dashed guides; one line per row of a
/// TrendModel, the förbund black and thick, each team in its own colour and
/// dash pattern (readable printed in grey). A year without an index breaks
/// the line. Only positions are computed here — every value is the core's.
Item {
    id: chart
    /// A TrendModel (rows: units; values per year).
    property var model: null
    /// The years of the columns.
    property var years: []
    /// The unit drawn on top, thicker ("" = the förbund).
    property string selected: ""
    property int greenFrom: 75
    property int orangeFrom: 50
    implicitHeight: 260
    implicitWidth: 420

    readonly property real padLeft: 34
    readonly property real padRight: 12
    readonly property real padTop: 10
    readonly property real padBottom: 26
    readonly property real plotWidth: Math.max(10, width - padLeft - padRight)
    readonly property real plotHeight: Math.max(10, height - padTop - padBottom)

    function xOf(i) {
        const n = years.length
        const inset = 24  // the first and last year's marks and labels clear of the edges
        return n <= 1 ? padLeft + plotWidth / 2 : padLeft + inset + (plotWidth - 2 * inset) * i / (n - 1)
    }
    function yOf(v) { return padTop + plotHeight * (1 - v / 100) }
    /// The line's pieces: consecutive years with an index.
    function segments(values) {
        const out = []
        let run = []
        for (let i = 0; i < values.length; ++i) {
            if (values[i] === undefined || values[i] === null) {
                if (run.length > 0) out.push(run)
                run = []
            } else {
                run.push(Qt.point(xOf(i), yOf(values[i])))
            }
        }
        if (run.length > 0) out.push(run)
        return out
    }

    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("The index of each unit over the years; the same figures are in the table beside it.")

    // Grid: 0, 25, 50, 75, 100.
    Repeater {
        model: [0, 25, 50, 75, 100]
        Item {
            id: tick
            required property int modelData
            Rectangle {
                x: chart.padLeft
                y: chart.yOf(tick.modelData)
                width: chart.plotWidth
                height: 1
                color: "#d0d0d0"
            }
            Label {
                x: chart.padLeft - width - 6
                y: chart.yOf(tick.modelData) - height / 2
                text: tick.modelData
                font.pixelSize: 11
                opacity: 0.7
            }
        }
    }
    // The colour thresholds.
    Shape {
        anchors.fill: parent
        ShapePath {
            strokeColor: Theme.indexGreen
            strokeWidth: 1
            strokeStyle: ShapePath.DashLine
            dashPattern: [4, 4]
            fillColor: "transparent"
            startX: chart.padLeft; startY: chart.yOf(chart.greenFrom)
            PathLine { x: chart.padLeft + chart.plotWidth; y: chart.yOf(chart.greenFrom) }
        }
        ShapePath {
            strokeColor: Theme.indexOrange
            strokeWidth: 1
            strokeStyle: ShapePath.DashLine
            dashPattern: [4, 4]
            fillColor: "transparent"
            startX: chart.padLeft; startY: chart.yOf(chart.orangeFrom)
            PathLine { x: chart.padLeft + chart.plotWidth; y: chart.yOf(chart.orangeFrom) }
        }
    }
    // What the guides are.
    Label {
        x: chart.padLeft + 4
        y: chart.yOf(chart.greenFrom) - height - 1
        text: qsTr("green from %1").arg(chart.greenFrom)
        color: Theme.indexGreen
        font.pixelSize: 10
    }
    Label {
        x: chart.padLeft + 4
        y: chart.yOf(chart.orangeFrom) - height - 1
        text: qsTr("orange from %1").arg(chart.orangeFrom)
        color: Theme.indexOrange
        font.pixelSize: 10
    }
    // The years.
    Repeater {
        model: chart.years
        Label {
            required property var modelData
            required property int index
            x: chart.xOf(index) - width / 2
            y: chart.padTop + chart.plotHeight + 6
            text: modelData
            font.pixelSize: 11
        }
    }
    // One line per unit, with a mark at each year.
    Repeater {
        model: chart.model
        Item {
            id: series
            required property int index
            required property string code
            required property string type
            required property var values
            readonly property bool chosen: (type === "federation" ? "" : code) === chart.selected
            anchors.fill: parent
            z: chosen ? 2 : 1
            Shape {
                anchors.fill: parent
                ShapePath {
                    strokeColor: Theme.seriesColour(series.index)
                    strokeWidth: series.chosen ? 3.5 : (series.type === "federation" ? 2.5 : 1.5)
                    strokeStyle: Theme.seriesDash(series.index).length > 0 ? ShapePath.DashLine : ShapePath.SolidLine
                    dashPattern: Theme.seriesDash(series.index).length > 0 ? Theme.seriesDash(series.index) : [1, 0]
                    fillColor: "transparent"
                    PathMultiline { paths: chart.segments(series.values) }
                }
            }
            Repeater {
                model: series.values
                Rectangle {
                    required property var modelData
                    required property int index
                    visible: modelData !== undefined && modelData !== null
                    width: series.chosen ? 8 : 6
                    height: width
                    radius: series.index % 2 === 0 ? width / 2 : 0  // circles and squares alternate
                    color: Theme.seriesColour(series.index)
                    x: chart.xOf(index) - width / 2
                    y: visible ? chart.yOf(modelData) - height / 2 : 0
                }
            }
        }
    }
}
