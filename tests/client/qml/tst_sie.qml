// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// SIE import: the mapping's rules as fields (a rule added and removed), a
/// file's preview as each line's utfall before and after, the omappat account
/// listed with a line to give it; a save that fails (no server here) says
/// why and keeps what was typed.
TestCase {
    id: testCase
    name: "Sie"
    when: windowShown
    visible: true
    width: 1200
    height: 800

    Component { id: pageComponent; SiePage { width: 1200; height: 800 } }

    function test_mappingAndPreview() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        tryVerify(() => !App.sie.busy, 5000)  // the mapping is asked for on showing: no server here
        tryVerify(() => page.rows.length === 1, 2000)
        compare(findChild(page, "ruleFrom_0").text, "7010")
        compare(findChild(page, "ruleTo_0").text, "7099")
        compare(findChild(page, "ruleLine_0").currentValue, "kansli")

        // The preview: the line's utfall before and after, the omappat account with its Map button.
        verify(findChild(page, "sieAbout").text.indexOf("Samordningsförbundet Test") >= 0)
        verify(findChild(page, "sieChange_kansli"))
        verify(findChild(page, "sieUnmapped").visible)
        // No line is chosen for it beforehand: Map waits for the kansli's choice.
        const choice = findChild(page, "unmappedLine_5010")
        compare(choice.currentIndex, -1)
        verify(!findChild(page, "mapAccount_5010").enabled)
        choice.currentIndex = 0
        verify(findChild(page, "mapAccount_5010").enabled)
        verify(findChild(page, "sieApply").visible)

        // A rule added, typed, removed again; the first stays as typed.
        mouseClick(findChild(page, "ruleAdd"))
        tryVerify(() => page.rows.length === 2, 2000)
        const from = findChild(page, "ruleFrom_1")
        from.forceActiveFocus()
        for (const ch of "5010")
            keyClick(ch)
        compare(page.editedRules()[1].accountFrom, "5010")
        mouseClick(findChild(page, "ruleRemove_1"))
        tryVerify(() => page.rows.length === 1, 2000)

        // Saving without a server: said, and the rules stay as typed.
        findChild(page, "ruleTo_0").text = "7199"
        mouseClick(findChild(page, "mappingSave"))
        tryVerify(() => !App.sie.busy && App.sie.error !== "", 5000)
        verify(findChild(page, "sieMessage").visible)
        compare(findChild(page, "ruleTo_0").text, "7199")
    }
}
