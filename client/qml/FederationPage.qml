// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Förbundet (the board's first page): the förbund-wide Impactindex for the
/// year as the server computed it at the last sync — the total and every
/// area. Aggregates only; no case is ever on a board device.
Page {
    id: page
    objectName: "federationPage"
    readonly property var federation: App.overview.federation

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10

        Label {
            text: qsTr("Impactindex %1").arg(App.federationName)
            font.bold: true
            font.pixelSize: 19
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "federationTime"
            text: App.overview.federationTime !== ""
                  ? qsTr("As of the last sync, %1").arg(App.overview.federationTime)
                  : qsTr("Not fetched yet – it comes with the next sync.")
            opacity: 0.8
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        RowLayout {
            visible: page.federation.total !== undefined
            spacing: 16
            IndexBadge {
                objectName: "federationIndex"
                value: page.federation.total ? page.federation.total.index : null
                colour: page.federation.total ? page.federation.total.colour : "none"
                size: 64
            }
            ColumnLayout {
                Label {
                    text: page.federation.period ? page.federation.period.label : ""
                    font.bold: true
                    font.pixelSize: 16
                }
                Label {
                    text: page.federation.total
                          ? qsTr("%1 of %2 indicators achieved, %3 not assessable")
                            .arg(page.federation.total.achieved_count).arg(page.federation.total.assessable)
                            .arg(page.federation.total.not_assessable)
                          : ""
                    opacity: 0.8
                }
            }
        }
        Repeater {
            model: page.federation.areas || []
            RowLayout {
                id: area
                required property var modelData
                Layout.fillWidth: true
                spacing: 10
                IndexBadge { value: area.modelData.figures.index; colour: area.modelData.figures.colour; size: 30 }
                Label { text: area.modelData.number + ". " + area.modelData.name; Layout.fillWidth: true; elide: Text.ElideRight }
                Label {
                    text: qsTr("%1 of %2 achieved").arg(area.modelData.figures.achieved_count).arg(area.modelData.figures.assessable)
                    opacity: 0.8
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
