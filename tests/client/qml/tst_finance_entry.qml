// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Ekonomi: a month typed and left with Tab is saved as the office's own
/// utfall and shown as the core formats it; a wrong amount is named and stays
/// in its cell; an emptied month falls back; a conflict is shown and settled.
/// (The device has one budget line,
/// set up in qml_main.cpp.)
TestCase {
    id: testCase
    name: "FinanceEntry"
    when: windowShown
    visible: true
    width: 1200
    height: 700

    Component { id: pageComponent; FinanceEntryPage { width: 1200; height: 700 } }

    function monthsOf(code) {
        for (let i = 0; i < App.financeEntry.count; ++i)
            if (App.financeEntry.data(App.financeEntry.index(i, 0), FinanceEntry.CodeRole) === code)
                return App.financeEntry.data(App.financeEntry.index(i, 0), FinanceEntry.MonthsRole)
        return []
    }

    function test_monthByKeyboard() {
        App.financeEntry.year = 2021
        tryVerify(() => App.financeEntry.count === 1 && monthsOf("kansli")[0] !== "", 5000)
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        const january = findChild(page, "outcome_kansli_1")
        verify(january)
        compare(january.text, monthsOf("kansli")[0])

        // February typed, Tab saves it.
        const february = findChild(page, "outcome_kansli_2")
        february.forceActiveFocus()
        february.selectAll()
        for (const key of [Qt.Key_Minus, Qt.Key_1, Qt.Key_2, Qt.Key_5, Qt.Key_0, Qt.Key_0])
            keyClick(key)
        keyClick(Qt.Key_Tab)
        tryCompare(page, "message", "Saved – it is sent with the next sync.")
        tryVerify(() => monthsOf("kansli")[1] !== "", 5000)
        compare(monthsOf("kansli")[1], "−12 500")
        tryCompare(findChild(page, "outcome_kansli_2"), "text", "−12 500")

        // A wrong amount: named, and it stays in its cell; nothing is saved.
        const march = findChild(page, "outcome_kansli_3")
        march.forceActiveFocus()
        keyClick(Qt.Key_A); keyClick(Qt.Key_B)
        keyClick(Qt.Key_Tab)
        verify(page.isError)
        verify(page.message.indexOf("kronor") >= 0, page.message)
        compare(march.text, "ab")
        compare(monthsOf("kansli")[2], "")

        // February emptied: back to no utfall of the office's own.
        const again = findChild(page, "outcome_kansli_2")
        again.forceActiveFocus()
        again.selectAll()
        keyClick(Qt.Key_Delete)
        keyClick(Qt.Key_Tab)
        tryVerify(() => monthsOf("kansli")[1] === "", 5000)
    }

    // A month the server refused because another computer changed it first:
    // said in words above the grid, the cell framed, and settled by a button.
    function test_conflictShownAndSettled() {
        App.financeEntry.year = 2021
        tryVerify(() => App.financeEntry.count === 1, 5000)
        TestDevice.refuseMarchAsConflict()
        App.financeEntry.reload()
        tryVerify(() => App.financeEntry.conflicts.length === 1, 5000)
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        const banner = findChild(page, "financeConflicts")
        verify(banner.visible)
        const mark = findChild(findChild(page, "outcome_kansli_3"), "conflictMark")
        verify(mark && mark.visible)
        verify(!findChild(findChild(page, "outcome_kansli_4"), "conflictMark").visible)
        const seq = App.financeEntry.conflicts[0].seq
        verify(App.financeEntry.conflicts[0].message.indexOf("11 000") >= 0, App.financeEntry.conflicts[0].message)
        const take = findChild(page, "takeOther_" + seq)
        verify(take)
        tryVerify(() => banner.height > take.height, 2000)  // laid out above the grid, not over it
        take.forceActiveFocus()
        keyClick(Qt.Key_Space)
        tryVerify(() => App.financeEntry.conflicts.length === 0, 5000)
        tryCompare(banner, "visible", false)
        verify(!findChild(findChild(page, "outcome_kansli_3"), "conflictMark").visible)
    }

    // A new budget line from the form (runs last: the other tests count one line).
    function test_newLineFromTheForm() {
        App.financeEntry.year = 2021
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        verify(!findChild(page, "newLineForm").visible)
        mouseClick(findChild(page, "newLine"))
        verify(findChild(page, "newLineForm").visible)
        // Without a name: named, nothing made.
        findChild(page, "newLineCode").text = "projekt-x"
        const add = findChild(page, "newLineSave")
        add.forceActiveFocus()
        keyClick(Qt.Key_Space)
        tryVerify(() => page.isError, 2000)
        compare(App.financeEntry.count, 1)
        const name = findChild(page, "newLineName")
        name.forceActiveFocus()
        for (const ch of "Projekt X")
            keyClick(ch)
        add.forceActiveFocus()
        keyClick(Qt.Key_Space)
        tryVerify(() => App.financeEntry.count === 2, 5000)
        tryVerify(() => findChild(page, "line_projekt-x") !== null, 2000)
        verify(!findChild(page, "newLineForm").visible)
    }
}
