// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Perioder: the years as the server answers (2021 fastställt by the board,
/// set up in qml_main.cpp): what was approved, by whom, with the förbund's
/// and each team's index; on the kansli's page the year's action opens the
/// dialog; a lock without the decision is named at its field; on the
/// board's page there is nothing to change. Without a server the reload says
/// why and the years stay.
TestCase {
    id: testCase
    name: "Periods"
    when: windowShown
    visible: true
    width: 1000
    height: 700

    Component { id: officePage; PeriodPage { width: 1000; height: 700; office: true } }
    Component { id: boardPage; PeriodPage { width: 1000; height: 700; office: false } }

    function yearOf(y) {
        for (const year of App.periods.years)
            if (year.year === y)
                return year
        return null
    }

    function test_approvedYearShownAndActions() {
        const approved = yearOf(2021)
        verify(approved !== null)
        verify(approved.locked)
        compare(approved.lockedBy, "Styrelsen 2022-03-14 § 12")
        verify(approved.teams.length > 0)

        const page = createTemporaryObject(officePage, testCase)
        verify(page)
        const row = findChild(page, "period_2021")
        verify(row)
        // No server here: a reload says why, and the years stay shown.
        App.periods.reload()
        tryVerify(() => !App.periods.busy, 5000)
        verify(App.periods.error !== "")
        verify(findChild(page, "periodError").visible)
        verify(yearOf(2021) !== null)

        // The kansli's action on an approved year: open it again, asked first.
        const action = findChild(page, "periodAction_2021")
        verify(action.visible)
        compare(action.text, "Open again…")
        mouseClick(action)
        const confirm = findChild(page, "unlockConfirm")
        tryVerify(() => confirm && confirm.visible, 2000)
        keyClick(Qt.Key_Escape)
        tryVerify(() => !confirm.visible, 2000)
        verify(yearOf(2021).locked)

        // A lock needs the decision: named at its field, nothing sent.
        App.periods.lock(2022, "   ")
        compare(App.periods.errorField, "by")
        verify(!App.periods.busy)
    }

    function test_boardSeesOnly() {
        const page = createTemporaryObject(boardPage, testCase)
        verify(page)
        verify(findChild(page, "period_2021"))
        verify(!findChild(page, "periodAction_2021").visible)
    }
}
