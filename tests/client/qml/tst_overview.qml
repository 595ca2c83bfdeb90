// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Översikt: the team's index computed on this computer, and the drill-down
/// index → area → indicator → the counts behind it.
TestCase {
    id: testCase
    name: "Overview"
    when: windowShown
    visible: true
    width: 1200
    height: 800

    Component { id: pageComponent; OverviewPage { width: 1200; height: 800 } }

    // Before anyone picks a year: the Översikt opens on the latest year that has
    // a social budget and the team's cases (the seeded device's 2021), not on
    // the calendar year with nothing in it.
    function test_0_opensOnTheLatestYearWithData() {
        createTemporaryObject(pageComponent, testCase)
        verify(new Date().getFullYear() > 2021)
        tryCompare(App.overview, "year", 2021, 10000)
        verify(App.overview.years.indexOf(2021) >= 0)
    }

    function test_drillDown() {
        const page = createTemporaryObject(pageComponent, testCase)
        App.overview.year = 2021
        tryVerify(() => App.overview.periods.length === 4 && App.overview.periods[0].total !== undefined, 10000)
        const whole = App.overview.periods[0]
        compare(whole.period.label, "2021")
        compare(App.overview.periods[2].period.label, "2021 T2")
        verify(whole.total.assessable > 0)
        const badge = findChild(page, "teamIndex")
        tryVerify(() => badge.visible)
        compare(badge.value, whole.total.index)

        // Area 1 → its indicators only.
        const list = findChild(page, "indicatorList")
        const all = list.count
        const areas = findChild(page, "areaList")
        tryVerify(() => areas.count > 1 && areas.itemAtIndex(1) !== null, 3000)
        mouseClick(areas.itemAtIndex(1))  // area 1 (the first row is all areas)
        tryVerify(() => list.count > 0 && list.count < all, 3000)
        for (let i = 0; i < list.model.length; ++i)
            compare(list.model[i].area, 1)

        // An indicator → the counts behind it.
        const details = findChild(page, "indicatorDetails")
        verify(!details.visible)
        list.currentIndex = 0
        mouseClick(list.itemAtIndex(0))
        tryVerify(() => details.visible, 3000)
        const result = findChild(page, "detailResult")
        verify(result.text.indexOf(list.model[0].result) === 0, result.text)

        // A tertial.
        mouseClick(findChild(page, "period2"))
        tryCompare(page, "periodIndex", 2)
        compare(page.unit.period.label, "2021 T2")
        // No förbund figure before a sync with the server.
        compare(findChild(page, "federationIndex").visible, false)
    }

    // The fairness marks are explained where they appear: a legend under the
    // index, and for an indicator with a mark the reason in its details.
    /// A tertial says how many indicators cannot be judged in it, so the ones
    /// without a result do not read as failures; the whole year does not need to.
    function test_tertialSaysWhatCannotBeJudged() {
        const page = createTemporaryObject(pageComponent, testCase)
        App.overview.year = 2021
        tryVerify(() => App.overview.periods.length === 4 && App.overview.periods[1].total !== undefined, 10000)
        const coverage = findChild(page, "periodCoverage")
        verify(!coverage.visible)
        mouseClick(findChild(page, "period1"))
        const t1 = App.overview.periods[1].total
        verify(t1.not_assessable > 0, "the seeded tertial has indicators without a result")
        tryVerify(() => coverage.visible)
        verify(coverage.text.indexOf(t1.not_assessable + " of " + (t1.assessable + t1.not_assessable)) >= 0, coverage.text)
        verify(coverage.text.indexOf("not counted as not achieved") >= 0)
    }

    function test_fairnessExplained() {
        const page = createTemporaryObject(pageComponent, testCase)
        App.overview.year = 2021
        tryVerify(() => App.overview.periods.length === 4 && App.overview.periods[0].total !== undefined, 10000)
        const legend = findChild(page, "fairnessLegend")
        tryVerify(() => legend.visible)
        verify(legend.text.indexOf("90 %") >= 0, legend.text)
        verify(legend.text.indexOf(String(page.unit.settings.low_volume_below)) >= 0, legend.text)
        const list = findChild(page, "indicatorList")
        let marked = -1
        for (let i = 0; i < list.model.length && marked < 0; ++i)
            if (list.model[i].fairness.reasons.length > 0)
                marked = i
        verify(marked >= 0, "some indicator carries a mark")
        list.positionViewAtIndex(marked, ListView.Contain)
        list.currentIndex = marked
        list.forceActiveFocus()
        keyClick(Qt.Key_Return)
        const reasons = findChild(page, "detailReasons")
        tryVerify(() => reasons.visible, 3000)
        compare(reasons.text, list.model[marked].fairness.reasons.join("\n"))
        // The graded index names what it counts: indicators given partial credit, none left out.
        const graded = page.unit.beyond_published_method.graded
        compare(graded.left_out, 0)
        verify(graded.partly_credited !== undefined)
    }
}
