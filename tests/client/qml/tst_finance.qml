// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Budget och utfall: the year's follow-up on the device's budget line (set
/// up in qml_main.cpp): each tertial as a bar chart with the same figures as
/// a table beside it, the driftredovisning and equity against the maximum.
TestCase {
    id: testCase
    name: "Finance"
    when: windowShown
    visible: true
    width: 1200
    height: 800

    Component { id: pageComponent; FinancePage { width: 1200; height: 800 } }

    function test_tertialChartWithItsTable() {
        App.finance.year = 2021
        tryVerify(() => App.finance.year === 2021 && App.finance.tertials.length === 3, 5000)
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        tryVerify(() => findChild(page, "tertialSection").visible, 2000)
        const chart = findChild(page, "budgetChart")
        verify(chart)
        compare(chart.tertials.length, 3)
        // The table has a row per tertial, with the core's figures as text.
        const table = findChild(page, "tertialTable")
        verify(table.visible)
        compare(App.finance.tertials[0].tertial, 1)
        verify(App.finance.tertials[0].cells.length >= 5)
        // January's utfall (−95 500 kr) is in T1's costs, not in T3's.
        verify(App.finance.tertials[0].cells[1] !== "–", JSON.stringify(App.finance.tertials[0].cells))
        compare(App.finance.tertials[2].cells[1], "–")
        verify(App.finance.rows.length > 0)
    }
}
