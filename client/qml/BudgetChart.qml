// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

/// Budget against outcome of each tertial on its own, as bars: the budget an
/// outlined light bar, the utfall a solid dark one beside it (apart in grey
/// print too), each with its figure in tkr as the core wrote it. A tertial
/// without utfall yet has no outcome bar. Heights are the only thing computed
/// here, from the kronor FinanceView passes.
Item {
    id: chart
    /// FinanceView.tertials: {tertial, budgetCosts, outcomeCosts (kronor or undefined), cells}.
    property var tertials: []
    implicitWidth: 380
    implicitHeight: 190

    readonly property real padBottom: 22
    readonly property real padTop: 18
    readonly property real plotHeight: Math.max(10, height - padTop - padBottom)
    readonly property real largest: {
        let m = 1
        for (const t of tertials) {
            m = Math.max(m, t.budgetCosts)
            if (t.outcomeCosts !== undefined)
                m = Math.max(m, t.outcomeCosts)
        }
        return m
    }
    readonly property real slot: tertials.length > 0 ? width / tertials.length : width
    function barHeight(kronor) { return Math.max(1, plotHeight * Math.abs(kronor) / largest) }

    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Costs per tertial, budget against outcome; the same figures are in the table beside it.")

    Rectangle {  // the base line
        x: 0
        y: chart.padTop + chart.plotHeight
        width: chart.width
        height: 1
        color: "#707070"
    }
    Repeater {
        model: chart.tertials
        Item {
            id: group
            required property var modelData
            required property int index
            x: index * chart.slot
            width: chart.slot
            height: chart.height
            readonly property real barWidth: Math.min(44, (width - 24) / 2)
            // Budget: outlined, light.
            Rectangle {
                objectName: "budgetBar" + group.index
                x: group.width / 2 - group.barWidth - 2
                width: group.barWidth
                height: chart.barHeight(group.modelData.budgetCosts)
                y: chart.padTop + chart.plotHeight - height
                color: "#e6e6e6"
                border.color: "#303030"
                border.width: 1
            }
            Label {
                text: group.modelData.cells.length > 0 ? group.modelData.cells[0] : ""
                font.pixelSize: 10
                x: group.width / 2 - group.barWidth / 2 - 2 - width / 2
                y: chart.padTop + chart.plotHeight - chart.barHeight(group.modelData.budgetCosts) - height - 1
            }
            // Utfall: solid, dark.
            Rectangle {
                objectName: "outcomeBar" + group.index
                visible: group.modelData.outcomeCosts !== undefined
                x: group.width / 2 + 2
                width: group.barWidth
                height: visible ? chart.barHeight(group.modelData.outcomeCosts) : 0
                y: chart.padTop + chart.plotHeight - height
                color: "#1f4e79"
            }
            Label {
                visible: group.modelData.outcomeCosts !== undefined
                text: group.modelData.cells.length > 1 ? group.modelData.cells[1] : ""
                font.pixelSize: 10
                x: group.width / 2 + 2 + group.barWidth / 2 - width / 2
                y: visible ? chart.padTop + chart.plotHeight - chart.barHeight(group.modelData.outcomeCosts) - height - 1 : 0
            }
            Label {
                text: group.modelData.tertial === 1 ? qsTr("T1 (Jan–Apr)") : group.modelData.tertial === 2 ? qsTr("T2 (May–Aug)")
                                                                                                      : qsTr("T3 (Sep–Dec)")
                font.pixelSize: 11
                x: group.width / 2 - width / 2
                y: chart.padTop + chart.plotHeight + 4
            }
        }
    }
}
