// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Shapes
import Samkoll

/// Förbundet (the kansli's and the board's first screen): the förbund's
/// Impactindex and every team side by side for a year or a tertial — ranked,
/// coloured, with the areas of each team and its fairness marks; any unit
/// opens into areas → indicators → counts; and each unit's index over the
/// years as a chart with the same figures as a table beside it. Computed by
/// the server (aggregates only for the board), kept for offline use.
Page {
    id: page
    objectName: "federationPage"
    readonly property var view: App.federationView
    readonly property var federation: view.federation
    readonly property bool hasIndex: federation.total !== undefined
    /// The unit opened below: "" = the förbund, else a team's code.
    property string selected: ""
    readonly property var selectedUnit: {
        view.federation  // depend on a new answer
        return view.unit(selected)
    }
    readonly property var areaNames: hasIndex ? federation.areas.map(a => a.number + ". " + a.name) : []

    /// Opens a unit below ("" = the förbund) — also used by the screen tour.
    function choose(code) {
        selected = code
        tabs.currentIndex = 0
    }
    /// " · 2 swing, 1 low volume", or nothing when a team has no marks.
    function marksText(swing, lowVolume, inconclusive) {
        let marks = ""
        if (swing > 0) marks += qsTr("%n swing", "", swing)
        if (lowVolume > 0) marks += (marks !== "" ? ", " : "") + qsTr("%n low volume", "", lowVolume)
        if (inconclusive > 0) marks += (marks !== "" ? ", " : "") + qsTr("%n inconclusive", "", inconclusive)
        return marks !== "" ? " · " + marks : ""
    }
    /// Shows every unit over the years.
    function showTrend() { tabs.currentIndex = 1 }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 12
            Label { text: qsTr("Year") }
            BoundComboBox {
                objectName: "federationYear"
                model: page.view.years
                value: page.view.year
                onPicked: v => page.view.year = v
            }
            Repeater {
                // No qsTr in the model: the buttons' texts are translated in place.
                model: [0, 1, 2, 3]
                Button {
                    required property int modelData
                    objectName: "federationPeriod" + modelData
                    checkable: true
                    checked: page.view.tertial === modelData
                    text: modelData === 0 ? qsTr("Whole year") : modelData === 1 ? qsTr("T1 (Jan–Apr)")
                          : modelData === 2 ? qsTr("T2 (May–Aug)") : qsTr("T3 (Sep–Dec)")
                    onClicked: page.view.tertial = modelData
                }
            }
            BusyIndicator { running: page.view.busy; visible: running; implicitWidth: 24; implicitHeight: 24 }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "federationRefresh"
                text: qsTr("Update")
                enabled: !page.view.busy
                onClicked: page.view.reload()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        // Where the figures come from, and from when.
        Label {
            objectName: "federationBasis"
            text: page.view.computedAt === "" ? ""
                  : (page.view.stale ? qsTr("Shown as the server computed it %1 – it cannot be asked now.").arg(page.view.computedAt)
                                     : qsTr("Computed by the server %1.").arg(page.view.computedAt))
                    + (page.view.lastTeamSync !== "" ? " " + qsTr("Last from the teams %1.").arg(page.view.lastTeamSync) : "")
            visible: text !== ""
            color: page.view.stale ? Theme.warning : palette.windowText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "federationApproval"
            visible: page.view.approval.by !== undefined
            text: visible ? qsTr("Approved %1 by %2: the figures as approved, whatever changed after.")
                            .arg(page.view.approval.at).arg(page.view.approval.by) : ""
            font.bold: true
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "federationError"
            visible: page.view.error !== ""
            text: page.view.error
            color: Theme.error
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        RowLayout {
            visible: page.hasIndex
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 16

            // --- The förbund and its teams, ranked -----------------------------------
            ColumnLayout {
                // Its own width, whatever the unit beside it would like to take.
                Layout.preferredWidth: Math.max(330, Math.min(460, page.width * 0.42))
                Layout.minimumWidth: Layout.preferredWidth
                Layout.maximumWidth: Layout.preferredWidth
                Layout.fillWidth: false
                Layout.fillHeight: true
                spacing: 6

                ItemDelegate {
                    objectName: "federationRow"
                    Layout.fillWidth: true
                    highlighted: page.selected === ""
                    onClicked: page.choose("")
                    contentItem: RowLayout {
                        spacing: 10
                        IndexBadge {
                            objectName: "federationIndex"
                            value: page.hasIndex ? page.federation.total.index : null
                            colour: page.hasIndex ? page.federation.total.colour : "none"
                            size: 44
                        }
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: true
                            Label {
                                text: App.federationName !== "" ? App.federationName : qsTr("The association")
                                font.bold: true
                                font.pixelSize: 16
                                wrapMode: Text.WordWrap
                                maximumLineCount: 2
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                text: page.hasIndex
                                      ? qsTr("%1 of %2 indicators achieved, %3 not assessable")
                                        .arg(page.federation.total.achieved_count).arg(page.federation.total.assessable)
                                        .arg(page.federation.total.not_assessable)
                                      : ""
                                opacity: 0.8
                                wrapMode: Text.WordWrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
                // The area numbers above the teams' area badges.
                RowLayout {
                    spacing: 4
                    Layout.fillWidth: true
                    Label { text: qsTr("Teams, best first"); font.bold: true; Layout.fillWidth: true }
                    Row {
                        spacing: 4
                        Repeater {
                            model: page.areaNames
                            Label {
                                required property var modelData
                                required property int index
                                text: String(index + 1)
                                horizontalAlignment: Text.AlignHCenter
                                width: 26
                                font.pixelSize: 11
                                opacity: 0.7
                                ToolTip.visible: hoverArea.hovered
                                ToolTip.text: modelData
                                HoverHandler { id: hoverArea }
                            }
                        }
                    }
                }
                ListView {
                    id: rankingList
                    objectName: "rankingList"
                    model: page.view.ranking
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 2
                    activeFocusOnTab: true
                    keyNavigationEnabled: true
                    ScrollBar.vertical: ScrollBar {}
                    Keys.onReturnPressed: if (currentIndex >= 0) page.choose(page.view.ranking.codeAt(currentIndex))
                    Keys.onEnterPressed: if (currentIndex >= 0) page.choose(page.view.ranking.codeAt(currentIndex))
                    Keys.onEscapePressed: page.choose("")
                    delegate: ItemDelegate {
                        id: teamRow
                        required property int index
                        required property int place
                        required property string code
                        required property string name
                        required property var unitIndex
                        required property var colour
                        required property int achieved
                        required property int assessable
                        required property var areas
                        required property int swing
                        required property int lowVolume
                        required property int inconclusive
                        objectName: "team_" + code
                        width: ListView.view.width
                        focusPolicy: Qt.NoFocus
                        highlighted: page.selected === code
                        onClicked: { rankingList.currentIndex = index; page.choose(code) }
                        Rectangle {  // where the keyboard is
                            anchors.fill: parent
                            color: "transparent"
                            border.color: Theme.focus
                            border.width: 2
                            radius: 3
                            visible: teamRow.ListView.isCurrentItem && rankingList.activeFocus
                            z: 2
                        }
                        contentItem: RowLayout {
                            spacing: 4
                            Label {
                                text: teamRow.place > 0 ? teamRow.place + "." : "–"
                                font.bold: true
                                Layout.preferredWidth: 24
                            }
                            IndexBadge { value: teamRow.unitIndex; colour: teamRow.colour; size: 26 }
                            ColumnLayout {
                                spacing: 0
                                Layout.fillWidth: true
                                Label { text: teamRow.name; elide: Text.ElideRight; Layout.fillWidth: true }
                                Label {
                                    text: qsTr("%1 of %2 achieved").arg(teamRow.achieved).arg(teamRow.assessable)
                                          + page.marksText(teamRow.swing, teamRow.lowVolume, teamRow.inconclusive)
                                    font.pixelSize: 11
                                    opacity: 0.8
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                            }
                            Repeater {
                                model: teamRow.areas
                                IndexBadge {
                                    required property var modelData
                                    value: modelData.index
                                    colour: modelData.colour
                                    size: 20
                                    implicitWidth: 26
                                    Accessible.description: modelData.number + ". " + modelData.name
                                }
                            }
                        }
                    }
                }
            }

            // --- The chosen unit, or every unit over the years --------------------------
            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 100  // the rest of the width, not its long lines' width
                Layout.minimumWidth: 200
                clip: true
                Layout.fillHeight: true
                spacing: 6
                TabBar {
                    id: tabs
                    objectName: "federationTabs"
                    Layout.fillWidth: true
                    TabButton { text: page.selectedUnit.unit ? page.selectedUnit.unit.name : qsTr("The association") }
                    TabButton { objectName: "trendTab"; text: qsTr("Over the years") }
                }
                StackLayout {
                    currentIndex: tabs.currentIndex
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    UnitIndexView {
                        id: unitView
                        objectName: "federationUnit"
                        unit: page.selectedUnit
                        partOfYear: page.view.tertial > 0
                    }
                    // No Repeater sits directly in a layout here: a hidden layout (this pane
                    // behind the other tab) would keep rows a new answer replaced (Qt 6.4).
                    ColumnLayout {
                        objectName: "trendPane"
                        spacing: 8
                        TrendChart {
                            objectName: "trendChart"
                            model: page.view.trend
                            years: page.view.trend.years
                            selected: page.selected
                            greenFrom: page.hasIndex ? page.federation.settings.green_from : 75
                            orangeFrom: page.hasIndex ? page.federation.settings.orange_from : 50
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Layout.minimumHeight: 140
                        }
                        // The same figures as a table, each row keyed by its line's colour and pattern.
                        Column {
                            id: trendTable
                            objectName: "trendTable"
                            spacing: 2
                            Layout.fillWidth: true
                            readonly property real nameWidth: Math.max(120, width - 36 - (page.view.trend.years.length * 60))
                            Row {
                                spacing: 8
                                Item { width: 28; height: 1 }
                                Label { text: qsTr("Unit"); font.bold: true; width: trendTable.nameWidth }
                                Repeater {
                                    model: page.view.trend.years
                                    Label {
                                        required property var modelData
                                        required property int index
                                        text: page.view.trend.approved[index] ? qsTr("%1 ✓").arg(modelData) : String(modelData)
                                        font.bold: true
                                        horizontalAlignment: Text.AlignRight
                                        width: 52
                                        ToolTip.visible: page.view.trend.approved[index] === true && yearHover.hovered
                                        ToolTip.text: qsTr("Approved: the figures the board approved")
                                        HoverHandler { id: yearHover }
                                    }
                                }
                            }
                            Repeater {
                                model: page.view.trend
                                Row {
                                    id: trendRow
                                    required property int index
                                    required property string code
                                    required property string name
                                    required property string type
                                    required property var texts
                                    objectName: "trendRow_" + (type === "federation" ? "" : code)
                                    spacing: 8
                                    Shape {  // the line's key: its colour and dash pattern
                                        width: 28
                                        height: 14
                                        ShapePath {
                                            strokeColor: Theme.seriesColour(trendRow.index)
                                            strokeWidth: trendRow.type === "federation" ? 2.5 : 1.5
                                            strokeStyle: Theme.seriesDash(trendRow.index).length > 0 ? ShapePath.DashLine : ShapePath.SolidLine
                                            dashPattern: Theme.seriesDash(trendRow.index).length > 0 ? Theme.seriesDash(trendRow.index) : [1, 0]
                                            fillColor: "transparent"
                                            startX: 0; startY: 7
                                            PathLine { x: 28; y: 7 }
                                        }
                                    }
                                    Label {
                                        text: trendRow.name
                                        font.bold: trendRow.type === "federation" || (trendRow.type === "team" && trendRow.code === page.selected)
                                        elide: Text.ElideRight
                                        width: trendTable.nameWidth
                                    }
                                    Repeater {
                                        model: trendRow.texts
                                        Label {
                                            required property var modelData
                                            text: modelData
                                            horizontalAlignment: Text.AlignRight
                                            width: 52
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        Label {
            visible: !page.hasIndex && page.view.error === "" && !page.view.busy
            text: qsTr("Nothing fetched yet – the figures come from the server with the next sync.")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}
