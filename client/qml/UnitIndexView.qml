// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// One unit's Impactindex with its drill-down: the total, the areas (click
/// one, or Tab here, arrows and Enter), the area's indicators with target,
/// result, signal and fairness marks, and the counts behind the chosen one.
/// `unit` is the core's JSON of a unit (unitIndexToJson) — the coordinator's
/// team on the Översikt, any team or the förbund on the Förbundet screen.
ColumnLayout {
    id: view
    /// The core's JSON of one unit; {} when there is none.
    property var unit: ({})
    /// The unit's name in the heading (empty: the name in `unit`).
    property string title: ""
    /// A tertial rather than the whole year: says how many indicators cannot be judged yet.
    property bool partOfYear: false
    /// What stands when there is no index.
    property string emptyText: qsTr("No social budget for this year yet.")
    property int area: 0            // 0 = all areas
    property var indicator: null    // the indicator whose counts are shown
    readonly property bool hasIndex: unit !== undefined && unit !== null && unit.total !== undefined
    spacing: 8

    onUnitChanged: indicator = null

    function signalText(code) {
        return code === "achieved" ? qsTr("Achieved") : code === "not_achieved" ? qsTr("Not achieved") : qsTr("Not assessable")
    }
    function signalMark(code) { return code === "achieved" ? "✔" : code === "not_achieved" ? "✖" : "–" }
    function countText(c) { return c ? qsTr("%1 of %2").arg(c.n === null ? "–" : c.n).arg(c.N === null ? "–" : c.N) : "–" }

    Label {
        visible: !view.hasIndex
        text: view.emptyText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    RowLayout {
        visible: view.hasIndex
        spacing: 12
        Layout.fillWidth: true
        IndexBadge {
            objectName: "teamIndex"
            value: view.hasIndex ? view.unit.total.index : null
            colour: view.hasIndex ? view.unit.total.colour : "none"
            size: 56
        }
        ColumnLayout {
            Layout.fillWidth: true
            Label {
                text: view.hasIndex ? qsTr("Impactindex %1, %2").arg(view.title !== "" ? view.title : view.unit.unit.name).arg(view.unit.period.label) : ""
                font.bold: true
                font.pixelSize: 17
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                text: view.hasIndex
                      ? qsTr("%1 of %2 indicators achieved, %3 not assessable · impact value %4 of %5")
                        .arg(view.unit.total.achieved_count).arg(view.unit.total.assessable)
                        .arg(view.unit.total.not_assessable).arg(view.unit.total.achieved).arg(view.unit.total.max)
                      : ""
                opacity: 0.8
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            // A tertial has less to judge than the year (stories, HÅE and
            // composition are yearly; a question may not be asked yet):
            // say how many, so they do not read as failures.
            Label {
                objectName: "periodCoverage"
                visible: view.hasIndex && view.partOfYear && view.unit.total.not_assessable > 0
                text: visible
                      ? qsTr("In this tertial %1 of %2 indicators cannot be judged yet: they have no result in the period and are left out of the index, not counted as not achieved.")
                        .arg(view.unit.total.not_assessable)
                        .arg(view.unit.total.assessable + view.unit.total.not_assessable)
                      : ""
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                opacity: 0.8
            }
            Label {
                visible: view.hasIndex
                text: view.hasIndex
                      ? qsTr("Beside it: %1 swing, %2 low volume, %3 inconclusive · volume-adjusted index %4")
                        .arg(view.unit.beyond_published_method.swing_count)
                        .arg(view.unit.beyond_published_method.low_volume_count)
                        .arg(view.unit.beyond_published_method.inconclusive_count)
                        .arg(view.unit.beyond_published_method.volume_adjusted.index === null ? "–" : view.unit.beyond_published_method.volume_adjusted.index)
                      : ""
                font.pixelSize: 12
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                opacity: 0.7
            }
            // What the marks mean, where they appear (the indicator's own reason is in its details).
            Label {
                objectName: "fairnessLegend"
                visible: view.hasIndex
                text: view.hasIndex
                      ? qsTr("Swing: one person the other way changes whether the target is met · low volume: fewer than %1 in the base · inconclusive: not met, but the 90 % interval reaches the target. The volume-adjusted and graded indexes are beside the published method, not part of it.")
                        .arg(view.unit.settings.low_volume_below)
                      : ""
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                font.pixelSize: 11
                opacity: 0.7
            }
        }
    }

    // Areas: click one — or Tab here, arrows and Enter — to see its indicators.
    ListView {
        id: areaList
        objectName: "areaList"
        visible: view.hasIndex
        Layout.fillWidth: true
        Layout.preferredHeight: contentHeight
        interactive: false
        activeFocusOnTab: true
        keyNavigationEnabled: true
        spacing: 2
        // No qsTr in the model: a language switch retranslates the rows, not rebuilds them.
        model: view.hasIndex ? [{ number: 0, name: "", figures: view.unit.total }].concat(view.unit.areas) : []
        function choose() {
            if (currentIndex < 0 || currentIndex >= model.length)
                return
            view.area = model[currentIndex].number
            view.indicator = null
            indicatorList.forceActiveFocus()
        }
        Keys.onReturnPressed: choose()
        Keys.onEnterPressed: choose()
        Keys.onEscapePressed: { view.area = 0; view.indicator = null; currentIndex = 0 }
        delegate: ItemDelegate {
            id: areaRow
            required property var modelData
            required property int index
            objectName: "area" + modelData.number
            width: ListView.view.width
            Rectangle {  // where the keyboard is
                objectName: "focusFrame"
                anchors.fill: parent
                color: "transparent"
                border.color: Theme.focus
                border.width: 2
                radius: 3
                visible: areaRow.ListView.isCurrentItem && areaList.activeFocus
                z: 2
            }
            focusPolicy: Qt.NoFocus  // the list takes the keyboard, not each row
            highlighted: view.area === modelData.number
            onClicked: { areaList.currentIndex = index; view.area = modelData.number; view.indicator = null }
            contentItem: RowLayout {
                spacing: 8
                IndexBadge { value: areaRow.modelData.figures.index; colour: areaRow.modelData.figures.colour; size: 24 }
                Label {
                    text: areaRow.modelData.number > 0 ? areaRow.modelData.number + ". " + areaRow.modelData.name : qsTr("All areas")
                    font.bold: areaRow.modelData.number === 0
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("%1 of %2 achieved").arg(areaRow.modelData.figures.achieved_count).arg(areaRow.modelData.figures.assessable)
                    opacity: 0.8
                }
            }
        }
    }

    ListView {
        id: indicatorList
        objectName: "indicatorList"
        visible: view.hasIndex
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: 2
        ScrollBar.vertical: ScrollBar {}
        // Keyboard: arrows move, Enter shows the counts, Escape closes
        // them and then goes back to the areas.
        activeFocusOnTab: true
        keyNavigationEnabled: true
        onCurrentIndexChanged: if (currentIndex >= 0) positionViewAtIndex(currentIndex, ListView.Contain)
        Keys.onReturnPressed: if (currentIndex >= 0) view.indicator = model[currentIndex]
        Keys.onEnterPressed: if (currentIndex >= 0) view.indicator = model[currentIndex]
        Keys.onEscapePressed: {
            if (view.indicator !== null)
                view.indicator = null
            else
                areaList.forceActiveFocus()
        }
        model: view.hasIndex ? view.unit.indicators.filter(i => view.area === 0 || i.area === view.area) : []
        delegate: ItemDelegate {
            id: row
            required property var modelData
            required property int index
            width: ListView.view.width
            Rectangle {  // where the keyboard is
                objectName: "focusFrame"
                anchors.fill: parent
                color: "transparent"
                border.color: Theme.focus
                border.width: 2
                radius: 3
                visible: row.ListView.isCurrentItem && indicatorList.activeFocus
                z: 2
            }
            focusPolicy: Qt.NoFocus
            highlighted: view.indicator !== null && view.indicator.display_code === modelData.display_code
            onClicked: { indicatorList.currentIndex = index; view.indicator = modelData }
            ToolTip.visible: hovered && modelData.fairness.reasons.length > 0
            ToolTip.text: modelData.fairness.reasons.join("\n")
            contentItem: RowLayout {
                spacing: 8
                Label {
                    text: view.signalMark(row.modelData.signal)
                    color: row.modelData.signal === "achieved" || row.modelData.signal === "not_achieved" ? Theme.indexColour(row.modelData.signal) : Theme.signalNone
                    font.bold: true
                    font.pixelSize: 16
                    Layout.preferredWidth: 18
                    Accessible.name: view.signalText(row.modelData.signal)
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label {
                        text: row.modelData.display_code + "  " + row.modelData.text
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        spacing: 12
                        Label { text: qsTr("Target: %1").arg(row.modelData.target.text); opacity: 0.8; font.pixelSize: 12 }
                        Label { text: row.modelData.result; font.bold: true; font.pixelSize: 12 }
                        Label {
                            text: [row.modelData.fairness.swing ? qsTr("swing") : "",
                                   row.modelData.fairness.low_volume ? qsTr("low volume") : "",
                                   row.modelData.fairness.inconclusive ? qsTr("inconclusive") : ""].filter(s => s !== "").join(" · ")
                            color: Theme.warning
                            font.pixelSize: 12
                        }
                    }
                }
            }
        }
    }

    // The counts behind the chosen indicator.
    Frame {
        objectName: "indicatorDetails"
        visible: view.indicator !== null
        Layout.fillWidth: true
        GridLayout {
            width: parent.width
            columns: 2
            columnSpacing: 16
            Label {
                Layout.columnSpan: 2
                text: view.indicator ? view.indicator.display_code + " " + view.indicator.text : ""
                font.bold: true
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label { text: qsTr("Target") }
            Label { text: view.indicator ? view.indicator.target.text : "" }
            Label { text: qsTr("Result") }
            Label { objectName: "detailResult"; text: view.indicator ? view.indicator.result + " – " + view.signalText(view.indicator.signal) : "" }
            Label { text: qsTr("Counted") }
            Label { text: view.indicator ? qsTr("%1 of %2").arg(view.indicator.n).arg(view.indicator.N) : "" }
            Label { text: qsTr("Women") }
            Label { text: view.indicator ? view.countText(view.indicator.women) : "" }
            Label { text: qsTr("Men") }
            Label { text: view.indicator ? view.countText(view.indicator.men) : "" }
            Label { text: qsTr("90 % interval") }
            Label {
                text: view.indicator && view.indicator.fairness.interval90
                      ? Number(view.indicator.fairness.interval90.lo).toLocaleString(Qt.locale(), "f", 1) + "–"
                        + Number(view.indicator.fairness.interval90.hi).toLocaleString(Qt.locale(), "f", 1) + " %"
                      : "–"
            }
            Label { text: qsTr("Weight") }
            Label { text: view.indicator ? view.indicator.weight : "" }
            Label { visible: view.indicator !== null && view.indicator.fairness.reasons.length > 0; text: qsTr("Marks") }
            Label {
                objectName: "detailReasons"
                visible: view.indicator !== null && view.indicator.fairness.reasons.length > 0
                text: view.indicator ? view.indicator.fairness.reasons.join("\n") : ""
                color: Theme.warning
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label { visible: view.indicator && view.indicator.note !== ""; text: qsTr("Note") }
            Label {
                visible: view.indicator && view.indicator.note !== ""
                text: view.indicator ? view.indicator.note : ""
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
}
