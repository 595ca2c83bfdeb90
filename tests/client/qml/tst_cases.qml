// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Ärenden: the list, a personnummer refused with what was typed kept, and a
/// new case created with the keyboard.
TestCase {
    id: testCase
    name: "Cases"
    when: windowShown
    visible: true  // TestCase is invisible by default; the views under test must be shown
    width: 1100
    height: 700

    // Shortcuts and focus need the test window to be the active one.
    function initTestCase() {
        testCase.Window.window.requestActivate()
        tryVerify(() => testCase.Window.window.active, 3000)
    }

    SignalSpy { id: notices; target: App; signalName: "notice" }

    Component { id: pageComponent; CasesPage { width: 1100; height: 700 } }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function test_1_listShowsTheTeamsCases() {
        const page = createTemporaryObject(pageComponent, testCase)
        tryCompare(App.cases, "totalCount", 30, 5000)
        const list = findChild(page, "caseList")
        verify(list)
        tryVerify(() => list.count > 0, 5000)
        compare(findChild(page, "caseCount").text, "30 case(s)")
        // The column names show above the rows (they were a list header that was never made).
        const header = findChild(page, "caseListHeader")
        verify(header.visible && header.height > 0)
        const first = list.itemAtIndex(0)
        verify(header.mapToItem(page, 0, header.height).y <= first.mapToItem(page, 0, 0).y + 1, "the header is above the first row")
    }

    function test_2_personnummerIsRefusedAndTheTypingKept() {
        const page = createTemporaryObject(pageComponent, testCase)
        tryCompare(App.cases, "totalCount", 30, 5000)
        keyClick(Qt.Key_N, Qt.ControlModifier)
        const form = findChild(page, "caseForm")
        tryVerify(() => form.visible)
        const code = findChild(form, "codeField")
        tryVerify(() => code.activeFocus)
        typeText("19800101-1234")
        form.fill({ gender: "woman", birth_year: "1980", referring_party: "af" })
        mouseClick(findChild(form, "saveButton"))
        const error = findChild(form, "formError")
        tryVerify(() => error.visible, 3000)
        compare(form.errorField, "code")
        verify(form.errorMessage.indexOf("personnummer") >= 0, form.errorMessage)
        compare(code.text, "19800101-1234")  // kept, to correct
        verify(code.activeFocus)              // and the focus is there
        compare(App.cases.totalCount, 30)     // nothing saved
    }

    function test_3_newCaseWithTheKeyboard() {
        const page = createTemporaryObject(pageComponent, testCase)
        tryCompare(App.cases, "totalCount", 30, 5000)
        keyClick(Qt.Key_N, Qt.ControlModifier)
        const form = findChild(page, "caseForm")
        const code = findChild(form, "codeField")
        tryVerify(() => code.activeFocus)
        typeText("VNS-2026-900")
        form.fill({ gender: "man", birth_year: "1990", referring_party: "fk" })
        keyClick(Qt.Key_S, Qt.ControlModifier)
        tryCompare(App.cases, "totalCount", 31, 5000)
        tryVerify(() => !form.visible, 3000)
        tryCompare(App, "pending", 1, 5000)  // the outbox count follows the save
    }

    function test_4_filterByStatus() {
        const page = createTemporaryObject(pageComponent, testCase)
        App.cases.statusFilter = "exited"
        tryCompare(App.cases, "totalCount", 2, 5000)  // cases 0 and 15 of the seed
        const list = findChild(page, "caseList")
        tryCompare(list, "count", 2, 5000)
        App.cases.statusFilter = ""
        tryCompare(App.cases, "totalCount", 31, 5000)
    }

    // From the search field: Down goes to the first hit, Enter opens it; a
    // date field selects its text when Tab enters it.
    function test_5_searchByKeyboard() {
        const page = createTemporaryObject(pageComponent, testCase)
        tryCompare(App.cases, "totalCount", 31, 5000)
        keyClick(Qt.Key_F, Qt.ControlModifier)
        const search = findChild(page, "searchField")
        tryVerify(() => search.activeFocus)
        typeText("VNS-2026-900")
        const list = findChild(page, "caseList")
        tryCompare(App.cases, "totalCount", 1, 5000)
        tryCompare(list, "count", 1, 5000)
        keyClick(Qt.Key_Down)
        verify(list.activeFocus)
        compare(list.currentIndex, 0)
        const frame = findChild(list.currentItem, "focusFrame")
        verify(frame !== null && frame.visible, "the focus frame shows where the keyboard is")
        keyClick(Qt.Key_Return)
        const form = findChild(page, "caseForm")
        tryVerify(() => form.visible)
        compare(findChild(form, "codeField").text, "VNS-2026-900")
        // From the code, Tab until the referral date: its text is selected, ready to be typed over.
        findChild(form, "codeField").forceActiveFocus()
        const referral = findChild(form, "referralDateField").input
        for (let i = 0; i < 12 && !referral.activeFocus; ++i)
            keyClick(Qt.Key_Tab)
        verify(referral.activeFocus)
        verify(referral.text.length > 0)
        compare(referral.selectedText, referral.text)
        keyClick(Qt.Key_Escape)
        tryVerify(() => !form.visible)
        // Enter in the search field opens the first hit at once.
        search.forceActiveFocus()
        keyClick(Qt.Key_Return)
        tryVerify(() => form.visible)
        keyClick(Qt.Key_Escape)
        App.cases.search = ""
        tryCompare(App.cases, "totalCount", 31, 5000)
    }

    // Esc with unsaved changes asks before anything is thrown away; opening a
    // case for its next step puts the cursor there; a save is confirmed and the
    // case selected.
    function test_6_escAsksNextStepAndConfirmation() {
        App.cases.search = ""
        const page = createTemporaryObject(pageComponent, testCase)
        tryVerify(() => App.cases.totalCount >= 31, 5000)
        const list = findChild(page, "caseList")
        tryVerify(() => list.count > 0, 5000)
        const form = findChild(page, "caseForm")
        // A case without a decision: the cursor is on the decision.
        let row = -1
        for (let i = 0; i < list.count && row < 0; ++i)
            if (!App.cases.get(i).decision)
                row = i
        verify(row >= 0, "a case awaiting its decision")
        list.currentIndex = row
        list.forceActiveFocus()
        keyClick(Qt.Key_Return)
        tryVerify(() => form.visible)
        tryVerify(() => findChild(form, "decisionBox").activeFocus)
        // Nothing changed: Esc closes at once.
        keyClick(Qt.Key_Escape)
        tryVerify(() => !form.visible)
        // Changed: Esc asks, "Keep editing" keeps the typing, "Discard" closes.
        keyClick(Qt.Key_Return)
        tryVerify(() => form.visible)
        const birth = findChild(form, "birthYearField")
        birth.forceActiveFocus()
        birth.selectAll()
        typeText("1991")
        verify(form.dirty)
        keyClick(Qt.Key_Escape)
        const dialog = findChild(form, "confirmDiscard")
        tryVerify(() => dialog.opened)
        keyClick(Qt.Key_Escape)  // Cancel: keep editing
        tryVerify(() => !dialog.visible)
        verify(form.visible)
        compare(birth.text, "1991")
        keyClick(Qt.Key_Escape)
        tryVerify(() => dialog.opened)
        mouseClick(findChild(dialog, "discardButton"))
        tryVerify(() => !form.visible)
        // A new case saved: confirmed, and selected in the list.
        keyClick(Qt.Key_N, Qt.ControlModifier)
        tryVerify(() => form.visible)
        typeText("VNS-2026-901")
        form.fill({ gender: "woman", birth_year: "1988", referring_party: "fk" })
        keyClick(Qt.Key_S, Qt.ControlModifier)
        const confirmation = findChild(page, "caseConfirmation")
        tryVerify(() => confirmation.visible, 5000)
        verify(confirmation.text.indexOf("VNS-2026-901") >= 0, confirmation.text)
        tryVerify(() => list.currentIndex >= 0 && App.cases.get(list.currentIndex).code === "VNS-2026-901", 5000)
    }

    // Three mistakes, one save: every field marked at once, a short summary,
    // and the cursor in the first.
    function test_7_allErrorsAtOnce() {
        const page = createTemporaryObject(pageComponent, testCase)
        keyClick(Qt.Key_N, Qt.ControlModifier)
        const form = findChild(page, "caseForm")
        tryVerify(() => form.visible)
        typeText("VNS-2026-902")
        form.fill({ gender: "woman", birth_year: "19x0", referring_party: "fk", decision: "yes",
                    decision_date: "2021-13-01", exit_outcome: "work" })
        keyClick(Qt.Key_S, Qt.ControlModifier)
        const summary = findChild(form, "formError")
        tryVerify(() => summary.visible, 3000)
        verify(summary.text.indexOf("3") >= 0, summary.text)
        tryVerify(() => findChild(form, "birthYearField").activeFocus)
        compare(form.errorField, "birth_year")
        keyClick(Qt.Key_Escape)
        const dialog = findChild(form, "confirmDiscard")
        tryVerify(() => dialog.opened)
        mouseClick(findChild(dialog, "discardButton"))
        tryVerify(() => !form.visible)
    }
}
