// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Sammansättning on a kansli computer: the förbund's own bodies (the board,
/// the partner managers) instead of a team's staff and steering group; typed and saved by keyboard,
/// a count that is no number named with what was typed kept.
TestCase {
    id: testCase
    name: "CompositionKansli"
    when: windowShown
    visible: true
    width: 1000
    height: 600

    Component { id: pageComponent; CompositionPage { width: 1000; height: 600 } }

    function cleanup() { TestDevice.federationComposition(false) }

    function test_boardCompositionByKeyboard() {
        TestDevice.federationComposition(true)
        tryVerify(() => App.composition.forFederation, 5000)
        compare(App.composition.bodies, ["board", "partner_managers"])
        App.composition.year = 2021
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        tryVerify(() => page.field("women_board") !== null, 2000)
        verify(page.field("women_staff") === null)
        verify(page.field("women_partner_managers") !== null)
        const women = page.field("women_board")
        const men = page.field("men_board")

        // A count that is no number: named, and what was typed stays.
        wait(100)  // the year's values in (a reload would set the fields again)
        women.text = "fem"
        men.text = "4"
        women.forceActiveFocus()
        keySequence("Ctrl+S")
        tryVerify(() => page.isError, 2000)
        compare(women.text, "fem")

        // Five women and four men, Ctrl+S.
        women.forceActiveFocus()
        women.selectAll()
        keyClick(Qt.Key_5)
        keySequence("Ctrl+S")
        tryCompare(page, "message", "Saved.")
        // (This test device is a team's: after a save the program puts the form back on the
        // team, as on a coordinator's computer — so the förbund's is asked for again.)
        tryVerify(() => {
            TestDevice.federationComposition(true)
            return page.known("board") && page.values["board"].women === 5 && page.values["board"].men === 4
        }, 5000)
    }
}
