// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Rapporter: the choices follow the report (a team only where the report has
/// one, "every unit" only for the bokslut), and a choice the server would
/// refuse is never sent.
TestCase {
    id: testCase
    name: "Reports"
    when: windowShown
    visible: true
    width: 1100
    height: 700

    Component { id: pageComponent; ReportsPage { width: 1100; height: 700 } }

    function test_unitFollowsTheReport() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        const unit = findChild(page, "reportUnit")
        verify(unit)
        // The bokslut: the förbund, every unit, then the teams.
        compare(page.kind, "bokslut")
        verify(unit.enabled)
        compare(unit.textAt(0), "The whole association")
        compare(unit.textAt(1), "The association and every team")
        page.team = "alla"
        compare(unit.currentText, "The association and every team")

        // Statistics have a unit but not "every unit": back to the förbund.
        page.kind = "statistik"
        compare(page.team, "")
        verify(unit.enabled)
        verify(unit.indexOfValue("alla") < 0)

        // The förbund's own reports: no unit to choose.
        for (const kind of ["drift", "delar", "ranking"]) {
            page.kind = kind
            verify(!unit.enabled, kind)
        }

        // The period's words follow the report: the money runs from January.
        const period = findChild(page, "reportPeriod")
        page.kind = "delar"
        compare(period.textAt(2), "T2 (Jan–Aug)")
        page.kind = "bokslut"
        compare(period.textAt(2), "T2 (May–Aug)")
    }
}
