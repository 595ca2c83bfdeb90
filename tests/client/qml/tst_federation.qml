// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Förbundet (kansli and board): the teams ranked as the core ranked them,
/// drill-down into any unit by mouse and by keyboard, and the trend as a chart
/// with the same figures in the table beside it. The view holds the demo
/// förbund's 2021 figures (set up in qml_main.cpp as the server computes them).
TestCase {
    id: testCase
    name: "Federation"
    when: windowShown
    visible: true
    width: 1200
    height: 760

    Component { id: pageComponent; FederationPage { width: 1200; height: 760 } }

    function rankingRow(list, i) {
        list.currentIndex = i
        return list.currentItem
    }

    function test_rankingFollowsTheCore() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        const ranking = App.federationView.ranking
        compare(ranking.count, 7)
        const list = findChild(page, "rankingList")
        verify(list)
        tryCompare(list, "count", 7)
        // Best first: places never fall back, indexes never rise.
        let previous = null
        for (let i = 0; i < list.count; ++i) {
            const row = rankingRow(list, i)
            verify(row, "row " + i)
            compare(row.code, ranking.codeAt(i))
            if (previous !== null) {
                verify(row.place >= previous.place)
                if (row.unitIndex !== undefined && previous.unitIndex !== undefined)
                    verify(row.unitIndex <= previous.unitIndex)
            }
            previous = { place: row.place, unitIndex: row.unitIndex }
        }
        compare(rankingRow(list, 0).place, 1)
        // The förbund's badge is the core's figure.
        compare(findChild(page, "federationIndex").value, App.federationView.federation.total.index)
        verify(findChild(page, "federationBasis").text.indexOf("2026-11-30 12:00") >= 0)
        verify(!findChild(page, "federationApproval").visible)
    }

    function test_drillDownByMouseAndKeyboard() {
        const page = createTemporaryObject(pageComponent, testCase)
        const list = findChild(page, "rankingList")
        tryCompare(list, "count", 7)
        const unitView = findChild(page, "federationUnit")
        verify(unitView)
        // The förbund first.
        compare(page.selected, "")
        compare(unitView.unit.unit.type, "federation")

        // A click on a team opens it: areas, then an area's indicators and counts.
        const code = App.federationView.ranking.codeAt(2)
        const row = rankingRow(list, 2)
        verify(row)
        compare(row.code, code)
        mouseClick(row)
        compare(page.selected, code)
        compare(unitView.unit.unit.code, code)
        compare(unitView.unit.total.index, rankingRow(list, 2).unitIndex)
        const areas = findChild(unitView, "areaList")
        verify(areas.count > 1)
        const indicators = findChild(unitView, "indicatorList")
        verify(indicators.count > 0)

        // By keyboard: into the list, down one, Enter opens it, Escape goes back to the förbund.
        list.forceActiveFocus()
        list.currentIndex = 0
        keyClick(Qt.Key_Down)
        keyClick(Qt.Key_Return)
        compare(page.selected, App.federationView.ranking.codeAt(1))
        compare(unitView.unit.unit.code, App.federationView.ranking.codeAt(1))
        keyClick(Qt.Key_Escape)
        compare(page.selected, "")
        compare(unitView.unit.unit.type, "federation")
    }

    function test_trendChartWithItsTable() {
        const page = createTemporaryObject(pageComponent, testCase)
        page.showTrend()
        const trend = App.federationView.trend
        compare(trend.years.length, 2)
        compare(trend.count, 8)  // the förbund and seven teams
        const chart = findChild(page, "trendChart")
        verify(chart)
        tryVerify(() => chart.visible && chart.width > 100 && chart.height > 100)
        // The table beside the chart: a row per unit, a figure per year, the chart's own numbers.
        const federationRow = findChild(page, "trendRow_")
        verify(federationRow)
        const ranking = App.federationView.ranking
        for (let i = 0; i < ranking.count; ++i) {
            const row = findChild(page, "trendRow_" + ranking.codeAt(i))
            verify(row, ranking.codeAt(i))
            compare(row.texts.length, 2)
        }
        // The year's column of the förbund is the förbund's index.
        compare(federationRow.texts[1], String(App.federationView.federation.total.index))
        // Choosing a unit opens it again.
        page.choose(ranking.codeAt(0))
        compare(findChild(page, "federationTabs").currentIndex, 0)
    }
}
