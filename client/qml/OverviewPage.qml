// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Översikt: the team's Impactindex (computed on this computer, works offline)
/// for the year and each tertial, with drill-down index → area → indicator →
/// the counts behind it; beside it the förbund's index as of the last sync.
Page {
    id: page
    objectName: "overviewPage"
    property int periodIndex: 0
    property int area: 0            // 0 = all areas
    property var indicator: null    // the indicator whose counts are shown
    readonly property var unit: App.overview.periods.length > periodIndex ? App.overview.periods[periodIndex] : ({})
    readonly property bool hasIndex: unit.total !== undefined
    readonly property var federation: App.overview.federation  // the förbund's index as of the last sync

    function signalText(code) {
        return code === "achieved" ? qsTr("Achieved") : code === "not_achieved" ? qsTr("Not achieved") : qsTr("Not assessable")
    }
    function signalMark(code) { return code === "achieved" ? "✔" : code === "not_achieved" ? "✖" : "–" }
    function countText(c) { return c ? qsTr("%1 of %2").arg(c.n).arg(c.N) : "–" }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 12
            Label { text: qsTr("Year") }
            BoundComboBox {
                id: yearBox
                objectName: "overviewYear"
                model: App.overview.years
                value: App.overview.year
                onPicked: v => App.overview.year = v
            }
            Repeater {
                model: App.overview.periods
                Button {
                    required property var modelData
                    required property int index
                    objectName: "period" + index
                    checkable: true
                    checked: page.periodIndex === index
                    text: modelData.label + ": " + (modelData.total && modelData.total.index !== null ? modelData.total.index : "–")
                    onClicked: { page.periodIndex = index; page.indicator = null }
                    ToolTip.visible: (hovered || activeFocus) && modelData.total !== undefined
                    ToolTip.delay: 500
                    ToolTip.text: modelData.total !== undefined
                                  ? qsTr("%1 of %2 indicators achieved, %3 cannot be judged for the period")
                                    .arg(modelData.total.achieved_count).arg(modelData.total.assessable)
                                    .arg(modelData.total.not_assessable)
                                  : ""
                }
            }
            BusyIndicator { running: App.overview.busy; visible: running; implicitWidth: 24; implicitHeight: 24 }
            Item { Layout.fillWidth: true }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 16

        // --- The team -----------------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            Label {
                visible: !page.hasIndex
                text: App.overview.error !== "" ? App.overview.error : qsTr("No social budget for this year yet.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                visible: page.hasIndex
                spacing: 12
                Layout.fillWidth: true
                IndexBadge {
                    objectName: "teamIndex"
                    value: page.hasIndex ? page.unit.total.index : null
                    colour: page.hasIndex ? page.unit.total.colour : "none"
                    size: 56
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    Label {
                        text: qsTr("Impactindex %1, %2").arg(App.teamName).arg(page.hasIndex ? page.unit.period.label : "")
                        font.bold: true
                        font.pixelSize: 17
                    }
                    Label {
                        text: page.hasIndex
                              ? qsTr("%1 of %2 indicators achieved, %3 not assessable · impact value %4 of %5")
                                .arg(page.unit.total.achieved_count).arg(page.unit.total.assessable)
                                .arg(page.unit.total.not_assessable).arg(page.unit.total.achieved).arg(page.unit.total.max)
                              : ""
                        opacity: 0.8
                    }
                    // A tertial has less to judge than the year (stories, HÅE and
                    // composition are yearly; a question may not be asked yet):
                    // say how many, so they do not read as failures.
                    Label {
                        objectName: "periodCoverage"
                        visible: page.hasIndex && page.periodIndex > 0 && page.unit.total.not_assessable > 0
                        text: visible
                              ? qsTr("In this tertial %1 of %2 indicators cannot be judged yet: they have no result in the period and are left out of the index, not counted as not achieved.")
                                .arg(page.unit.total.not_assessable)
                                .arg(page.unit.total.assessable + page.unit.total.not_assessable)
                              : ""
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                        opacity: 0.8
                    }
                    Label {
                        visible: page.hasIndex
                        text: page.hasIndex
                              ? qsTr("Beside it: %1 swing, %2 low volume, %3 inconclusive · volume-adjusted index %4")
                                .arg(page.unit.beyond_published_method.swing_count)
                                .arg(page.unit.beyond_published_method.low_volume_count)
                                .arg(page.unit.beyond_published_method.inconclusive_count)
                                .arg(page.unit.beyond_published_method.volume_adjusted.index === null ? "–" : page.unit.beyond_published_method.volume_adjusted.index)
                              : ""
                        font.pixelSize: 12
                        opacity: 0.7
                    }
                    // What the marks mean, where they appear (the indicator's own reason is in its details).
                    Label {
                        objectName: "fairnessLegend"
                        visible: page.hasIndex
                        text: page.hasIndex
                              ? qsTr("Swing: one person the other way changes whether the target is met · low volume: fewer than %1 in the base · inconclusive: not met, but the 90 % interval reaches the target. The volume-adjusted and graded indexes are beside the published method, not part of it.")
                                .arg(page.unit.settings.low_volume_below)
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
                visible: page.hasIndex
                Layout.fillWidth: true
                Layout.preferredHeight: contentHeight
                interactive: false
                activeFocusOnTab: true
                keyNavigationEnabled: true
                spacing: 2
                // No qsTr in the model: a language switch retranslates the rows, not rebuilds them.
                model: page.hasIndex ? [{ number: 0, name: "", figures: page.unit.total }].concat(page.unit.areas) : []
                function choose() {
                    if (currentIndex < 0 || currentIndex >= model.length)
                        return
                    page.area = model[currentIndex].number
                    page.indicator = null
                    indicatorList.forceActiveFocus()
                }
                Keys.onReturnPressed: choose()
                Keys.onEnterPressed: choose()
                Keys.onEscapePressed: { page.area = 0; page.indicator = null; currentIndex = 0 }
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
                    highlighted: page.area === modelData.number
                    onClicked: { areaList.currentIndex = index; page.area = modelData.number; page.indicator = null }
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
                visible: page.hasIndex
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
                Keys.onReturnPressed: if (currentIndex >= 0) page.indicator = model[currentIndex]
                Keys.onEnterPressed: if (currentIndex >= 0) page.indicator = model[currentIndex]
                Keys.onEscapePressed: {
                    if (page.indicator !== null)
                        page.indicator = null
                    else
                        areaList.forceActiveFocus()
                }
                model: page.hasIndex ? page.unit.indicators.filter(i => page.area === 0 || i.area === page.area) : []
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
                    highlighted: page.indicator !== null && page.indicator.display_code === modelData.display_code
                    onClicked: { indicatorList.currentIndex = index; page.indicator = modelData }
                    ToolTip.visible: hovered && modelData.fairness.reasons.length > 0
                    ToolTip.text: modelData.fairness.reasons.join("\n")
                    contentItem: RowLayout {
                        spacing: 8
                        Label {
                            text: page.signalMark(row.modelData.signal)
                            color: row.modelData.signal === "achieved" || row.modelData.signal === "not_achieved" ? Theme.indexColour(row.modelData.signal) : Theme.signalNone
                            font.bold: true
                            font.pixelSize: 16
                            Layout.preferredWidth: 18
                            Accessible.name: page.signalText(row.modelData.signal)
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
                visible: page.indicator !== null
                Layout.fillWidth: true
                GridLayout {
                    width: parent.width
                    columns: 2
                    columnSpacing: 16
                    Label {
                        Layout.columnSpan: 2
                        text: page.indicator ? page.indicator.display_code + " " + page.indicator.text : ""
                        font.bold: true
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label { text: qsTr("Target") }
                    Label { text: page.indicator ? page.indicator.target.text : "" }
                    Label { text: qsTr("Result") }
                    Label { objectName: "detailResult"; text: page.indicator ? page.indicator.result + " – " + page.signalText(page.indicator.signal) : "" }
                    Label { text: qsTr("Counted") }
                    Label { text: page.indicator ? qsTr("%1 of %2").arg(page.indicator.n).arg(page.indicator.N) : "" }
                    Label { text: qsTr("Women") }
                    Label { text: page.indicator ? page.countText(page.indicator.women) : "" }
                    Label { text: qsTr("Men") }
                    Label { text: page.indicator ? page.countText(page.indicator.men) : "" }
                    Label { text: qsTr("90 % interval") }
                    Label {
                        text: page.indicator && page.indicator.fairness.interval90
                              ? Number(page.indicator.fairness.interval90.lo).toLocaleString(Qt.locale(), "f", 1) + "–"
                                + Number(page.indicator.fairness.interval90.hi).toLocaleString(Qt.locale(), "f", 1) + " %"
                              : "–"
                    }
                    Label { text: qsTr("Weight") }
                    Label { text: page.indicator ? page.indicator.weight : "" }
                    Label { visible: page.indicator !== null && page.indicator.fairness.reasons.length > 0; text: qsTr("Marks") }
                    Label {
                        objectName: "detailReasons"
                        visible: page.indicator !== null && page.indicator.fairness.reasons.length > 0
                        text: page.indicator ? page.indicator.fairness.reasons.join("\n") : ""
                        color: Theme.warning
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label { visible: page.indicator && page.indicator.note !== ""; text: qsTr("Note") }
                    Label {
                        visible: page.indicator && page.indicator.note !== ""
                        text: page.indicator ? page.indicator.note : ""
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }
        }

        // --- The förbund, as of the last sync --------------------------------------
        Frame {
            Layout.preferredWidth: 300
            Layout.fillHeight: true
            ColumnLayout {
                anchors.fill: parent
                spacing: 8
                Label { text: qsTr("The association"); font.bold: true; font.pixelSize: 17 }
                Label {
                    objectName: "federationTime"
                    text: App.overview.federationTime !== ""
                          ? qsTr("As of the last sync, %1").arg(App.overview.federationTime)
                          : qsTr("Not fetched yet – it comes with the next sync.")
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    opacity: 0.8
                }
                IndexBadge {
                    objectName: "federationIndex"
                    visible: page.federation.total !== undefined
                    value: page.federation.total ? page.federation.total.index : null
                    colour: page.federation.total ? page.federation.total.colour : "none"
                    size: 48
                }
                Label {
                    visible: page.federation.period !== undefined
                    text: page.federation.period ? page.federation.period.label : ""
                }
                Repeater {
                    model: page.federation.areas || []
                    RowLayout {
                        id: fedArea
                        required property var modelData
                        Layout.fillWidth: true
                        IndexBadge { value: fedArea.modelData.figures.index; colour: fedArea.modelData.figures.colour; size: 22 }
                        Label { text: fedArea.modelData.number + ". " + fedArea.modelData.name; elide: Text.ElideRight; Layout.fillWidth: true }
                    }
                }
                Item { Layout.fillHeight: true }
            }
        }
    }
}
