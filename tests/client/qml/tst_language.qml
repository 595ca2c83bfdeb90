// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Switching the language retranslates in place: the window stays on the
/// screen the user was on, the Översikt keeps its rows apart, a chosen filter
/// stays chosen, and the core's words (targets, results, notes, the
/// driftredovisning's labels) follow the language with the client's own.
TestCase {
    id: testCase
    name: "Language"
    when: windowShown
    width: 400
    height: 300

    Component { id: mainComponent; Main {} }

    function cleanup() {
        App.language = "en"  // the other tests run in the source language
    }

    /// The rows of a ListView lie one below the other, none on top of another.
    function assertRowsApart(list, what) {
        verify(list.count > 1, what + ": rows " + list.count)
        // The list makes its rows when it is next laid out.
        tryVerify(() => list.itemAtIndex(list.count - 1) !== null, 5000, what + ": the rows are made")
        let bottom = -1
        for (let i = 0; i < list.count; ++i) {
            const row = list.itemAtIndex(i)
            verify(row !== null, what + ": row " + i)
            verify(row.y >= bottom, what + ": row " + i + " at " + row.y + " overlaps the one above (ends at " + bottom + ")")
            verify(row.height > 0, what + ": row " + i + " has no height")
            bottom = row.y + row.height
        }
    }

    function test_switchKeepsTheViewAndTranslatesTheCore() {
        const win = createTemporaryObject(mainComponent, testCase, { width: 1280, height: 800 })
        tryVerify(() => App.ready, 5000)
        win.workday = true  // this device has no server to enrol with: show its workday as if it had
        const nav = findChild(win.contentItem, "nav")
        verify(nav !== null)
        // The Översikt of 2021, area list showing.
        App.overview.year = 2021
        tryVerify(() => App.overview.periods.length === 4 && App.overview.periods[0].total !== undefined, 10000)
        const overview = findChild(win.contentItem, "overviewPage")
        const areas = findChild(overview, "areaList")
        tryVerify(() => areas.count > 2, 5000)
        assertRowsApart(areas, "English")
        const indicator = App.overview.periods[0].indicators.find(i => i.target.type === "at_least")
        verify(indicator.target.text.startsWith("at least "), indicator.target.text)
        verify(indicator.result.indexOf(" of ") > 0, indicator.result)

        // On the Sync screen (where the language is chosen), switch to Swedish.
        win.showScreen("sync")
        const syncIndex = nav.currentIndex
        verify(syncIndex > 0)
        compare(nav.currentItem.text, "Sync")
        App.language = "sv"
        compare(nav.currentIndex, syncIndex)            // still on the same screen
        compare(nav.currentItem.text, "Synk")           // now in Swedish
        compare(nav.itemAtIndex(0).text, "Översikt")
        // The core's words follow: the targets and results of the Översikt.
        tryVerify(() => App.overview.periods.length === 4 && App.overview.periods[0].indicators !== undefined
                  && App.overview.periods[0].indicators.find(i => i.code === indicator.code).target.text.startsWith("minst "), 10000)
        const sv = App.overview.periods[0].indicators.find(i => i.code === indicator.code)
        verify(sv.result.indexOf(" av ") > 0, sv.result)
        compare(sv.n, indicator.n)                      // the same figures, other words
        compare(sv.N, indicator.N)
        // The Översikt's area list is rows, not one overlapping heap.
        win.showScreen("overview")
        tryVerify(() => areas.count > 2, 5000)
        assertRowsApart(areas, "Swedish")
        compare(areas.itemAtIndex(0).contentItem.children[1].text, "Alla målområden")

        // A chosen filter survives the switch back.
        win.showScreen("cases")
        const status = findChild(win.contentItem, "statusFilter")
        App.cases.statusFilter = "active"
        tryCompare(status, "currentValue", "active")
        App.language = "en"
        compare(win.screens[nav.currentIndex], "cases")
        tryCompare(status, "currentValue", "active")
        compare(status.currentText, "Ongoing")
        App.cases.statusFilter = ""
    }
}
