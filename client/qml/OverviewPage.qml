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
    property alias area: teamView.area
    property alias indicator: teamView.indicator
    readonly property var unit: App.overview.periods.length > periodIndex ? App.overview.periods[periodIndex] : ({})
    readonly property var federation: App.overview.federation  // the förbund's index as of the last sync

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
        UnitIndexView {
            id: teamView
            unit: page.unit
            title: App.teamName
            partOfYear: page.periodIndex > 0
            emptyText: App.overview.error !== "" ? App.overview.error : qsTr("No social budget for this year yet.")
            Layout.fillWidth: true
            Layout.fillHeight: true
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
