// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Budget och utfall: the förbund's driftredovisning for the year or a tertial
/// to date and its equity against the recommended maximum — every figure the
/// finance core's (App.finance), computed on this computer from what sync
/// brought. The kansli and the board.
Page {
    id: page
    objectName: "financePage"
    readonly property int labelWidth: 250
    readonly property int cellWidth: 86
    readonly property int tableWidth: labelWidth + columns.length * cellWidth + 24
    readonly property list<string> columns: [qsTr("Budget year"), qsTr("Budget period"), qsTr("Outcome"), qsTr("Deviation"),
                                    qsTr("Used"), qsTr("Outcome last year"), qsTr("Forecast"), qsTr("Forecast deviation")]

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 12
            Label { text: qsTr("Year") }
            BoundComboBox {
                objectName: "financeYear"
                model: App.finance.years
                value: App.finance.year
                onPicked: v => App.finance.year = v
            }
            Repeater {
                model: [qsTr("Whole year"), qsTr("T1 (Jan–Apr)"), qsTr("T2 (Jan–Aug)")]
                Button {
                    required property string modelData
                    required property int index
                    objectName: "financePeriod" + index
                    checkable: true
                    checked: App.finance.tertial === index
                    text: modelData
                    onClicked: App.finance.tertial = index
                }
            }
            Item { Layout.fillWidth: true }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        Label {
            objectName: "financeTitle"
            text: App.finance.title !== "" ? qsTr("Operating statement %1").arg(App.finance.title)
                                           : (App.finance.error !== "" ? App.finance.error
                                                                       : qsTr("No budget or outcome yet – it comes with the next sync."))
            font.bold: true
            font.pixelSize: 17
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            visible: App.finance.title !== ""
            text: qsTr("Amounts in thousands of kronor (tkr), each cell rounded on its own; sums from kronor. * = forecast computed (outcome so far + the rest of the year's budget).")
            wrapMode: Text.WordWrap
            opacity: 0.75
            font.pixelSize: 12
            Layout.fillWidth: true
        }

        // Each tertial on its own: the chart, and its figures as a table beside it.
        RowLayout {
            objectName: "tertialSection"
            visible: App.finance.tertials.length > 0
            spacing: 24
            Layout.fillWidth: true
            ColumnLayout {
                spacing: 2
                Label { text: qsTr("Costs per tertial (tkr): budget and outcome"); font.bold: true }
                BudgetChart {
                    objectName: "budgetChart"
                    tertials: App.finance.tertials
                    Layout.preferredWidth: 340
                    Layout.preferredHeight: 150
                }
                Row {
                    spacing: 12
                    Rectangle { width: 14; height: 10; color: "#e6e6e6"; border.color: "#303030"; anchors.verticalCenter: parent.verticalCenter }
                    Label { text: qsTr("Budget"); font.pixelSize: 11 }
                    Rectangle { width: 14; height: 10; color: "#1f4e79"; anchors.verticalCenter: parent.verticalCenter }
                    Label { text: qsTr("Outcome"); font.pixelSize: 11 }
                }
            }
            Column {
                objectName: "tertialTable"
                spacing: 2
                Layout.alignment: Qt.AlignTop
                Layout.fillWidth: true
                Row {
                    Label { text: qsTr("Tertial"); font.bold: true; width: 110 }
                    Repeater {
                        model: [qsTr("Costs budget"), qsTr("Costs outcome"), qsTr("Deviation"), qsTr("Income budget"), qsTr("Income outcome")]
                        Label {
                            required property string modelData
                            text: modelData
                            font.bold: true
                            wrapMode: Text.WordWrap
                            horizontalAlignment: Text.AlignRight
                            width: 104
                        }
                    }
                }
                Repeater {
                    model: App.finance.tertials
                    Row {
                        id: tertialRow
                        required property var modelData
                        Label {
                            text: tertialRow.modelData.tertial === 1 ? qsTr("T1 (Jan–Apr)") : tertialRow.modelData.tertial === 2
                                  ? qsTr("T2 (May–Aug)") : qsTr("T3 (Sep–Dec)")
                            width: 110
                        }
                        Repeater {
                            model: tertialRow.modelData.cells
                            Label {
                                required property string modelData
                                text: modelData
                                horizontalAlignment: Text.AlignRight
                                width: 104
                            }
                        }
                    }
                }
                Label {
                    text: qsTr("Costs are negative; deviation = outcome − budget, positive is favourable. A tertial without outcome shows –.")
                    font.pixelSize: 11
                    opacity: 0.7
                    wrapMode: Text.WordWrap
                    width: 110 + 5 * 104
                }
            }
        }

        ScrollView {
            id: tableScroll
            objectName: "financeScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: Math.max(availableWidth, page.tableWidth)
            clip: true
            ColumnLayout {
                width: tableScroll.contentWidth
                spacing: 0
                // The column headings, then a row per unit, group, line and sum.
                RowLayout {
                    spacing: 0
                    Item { Layout.preferredWidth: page.labelWidth }
                    Repeater {
                        model: page.columns
                        Label {
                            required property string modelData
                            text: modelData
                            font.bold: true
                            wrapMode: Text.WordWrap
                            horizontalAlignment: Text.AlignRight
                            Layout.preferredWidth: page.cellWidth
                        }
                    }
                }
                Repeater {
                    model: App.finance.rows
                    Rectangle {
                        id: row
                        required property var modelData
                        readonly property bool heading: modelData.kind === "unit" || modelData.kind === "group"
                        readonly property bool sum: modelData.kind === "groupSum" || modelData.kind === "unitResult" || modelData.kind === "total"
                        Layout.fillWidth: true
                        implicitHeight: 26
                        color: modelData.kind === "total" ? palette.alternateBase : "transparent"
                        RowLayout {
                            anchors.fill: parent
                            spacing: 0
                            Label {
                                text: row.modelData.label
                                font.bold: row.heading || row.sum
                                font.pixelSize: row.modelData.kind === "unit" ? 15 : 13
                                leftPadding: row.modelData.kind === "line" || row.modelData.kind === "groupSum" ? 16 : 0
                                elide: Text.ElideRight
                                Layout.preferredWidth: page.labelWidth
                            }
                            Repeater {
                                model: row.modelData.cells
                                Label {
                                    required property string modelData
                                    text: modelData
                                    font.bold: row.sum
                                    horizontalAlignment: Text.AlignRight
                                    Layout.preferredWidth: page.cellWidth
                                }
                            }
                            Item { Layout.fillWidth: true }
                        }
                    }
                }
            }
        }

        Frame {
            visible: App.finance.equity.length > 0
            Layout.fillWidth: true
            ColumnLayout {
                width: parent.width
                spacing: 2
                // Equity beside the members' contributions: the page keeps its height for the driftredovisning.
                RowLayout {
                    spacing: 32
                    Layout.fillWidth: true
                    ColumnLayout {
                        spacing: 2
                        Layout.alignment: Qt.AlignTop
                        Layout.fillWidth: true
                        Label { text: qsTr("Equity (tkr)"); font.bold: true }
                        Column {
                            Repeater {
                                model: App.finance.equity
                                Row {
                                    id: equityRow
                                    required property var modelData
                                    Label { text: equityRow.modelData.label; width: page.labelWidth }
                                    Label { text: equityRow.modelData.value; horizontalAlignment: Text.AlignRight; width: page.cellWidth }
                                }
                            }
                        }
                        Label {
                            objectName: "equityVerdict"
                            text: App.finance.verdict
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                    }
                    // What each member pays for the year (the members' contributions by the key in force).
                    ColumnLayout {
                        visible: App.finance.members.length > 0
                        spacing: 2
                        Layout.alignment: Qt.AlignTop
                        Layout.preferredWidth: 420
                        Label { text: qsTr("Member contributions"); font.bold: true }
                        Label {
                            objectName: "allocation"
                            visible: App.finance.allocation !== ""
                            text: App.finance.allocation
                            wrapMode: Text.WordWrap
                            font.pixelSize: 12
                            Layout.fillWidth: true
                        }
                        Column {
                            objectName: "memberTable"
                            spacing: 1
                            Repeater {
                                model: App.finance.members
                                Row {
                                    id: memberRow
                                    required property var modelData
                                    Label { text: memberRow.modelData.cells[0]; width: 260; elide: Text.ElideRight }
                                    Label { text: memberRow.modelData.cells[1]; width: 120; horizontalAlignment: Text.AlignRight }
                                }
                            }
                        }
                    }
                }
                // Money next to impact: each insats against its team's participants and exits.
                Label {
                    visible: App.finance.costs.length > 0
                    text: qsTr("Cost per participant and outcome (kr)")
                    font.bold: true
                    topPadding: 6
                }
                Column {
                    objectName: "costTable"
                    visible: App.finance.costs.length > 0
                    spacing: 1
                    Row {
                        Repeater {
                            model: [qsTr("Intervention"), qsTr("Team"), qsTr("Outcome"), qsTr("Participants"), qsTr("Exits"),
                                    qsTr("Positive exits"), qsTr("Per participant"), qsTr("Per exit"), qsTr("Per positive exit")]
                            Label {
                                required property string modelData
                                required property int index
                                text: modelData
                                font.bold: true
                                font.pixelSize: 12
                                horizontalAlignment: index < 2 ? Text.AlignLeft : Text.AlignRight
                                width: index < 2 ? 150 : 92
                                elide: Text.ElideRight
                            }
                        }
                    }
                    Repeater {
                        model: App.finance.costs
                        Row {
                            id: costRow
                            required property var modelData
                            Repeater {
                                model: costRow.modelData.cells
                                Label {
                                    required property string modelData
                                    required property int index
                                    text: modelData
                                    font.pixelSize: 12
                                    horizontalAlignment: index < 2 ? Text.AlignLeft : Text.AlignRight
                                    width: index < 2 ? 150 : 92
                                    elide: Text.ElideRight
                                }
                            }
                        }
                    }
                }
                Repeater {
                    model: App.finance.notes
                    Label {
                        required property string modelData
                        text: modelData
                        color: Theme.warning
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
