// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Enkäter: counts typed into the grid and one answer sheet are saved, the
/// totals under the cells follow, and a mistyped count is refused.
TestCase {
    id: testCase
    name: "Surveys"
    when: windowShown
    visible: true
    width: 1200
    height: 800

    Component { id: pageComponent; SurveysPage { width: 1200; height: 800 } }

    function initTestCase() {
        testCase.Window.window.requestActivate()
        tryVerify(() => testCase.Window.window.active, 3000)
    }

    function typeInto(item, text) {
        item.forceActiveFocus()
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function test_1_gridEntry() {
        const page = createTemporaryObject(pageComponent, testCase)
        tryVerify(() => App.surveys.questions.length > 0, 5000)
        App.surveys.questionnaire = "deltagare_avslut"
        App.surveys.period = "2025"
        let cell = null
        tryVerify(() => (cell = findChild(page, "cell_d_lyssnat|6|woman")) !== null, 5000)
        typeInto(cell, "4")
        typeInto(findChild(page, "cell_d_lyssnat|5|man"), "2")
        mouseClick(findChild(page, "saveGridButton"))
        tryCompare(App.surveys, "respondents", 6, 5000)
        compare(App.surveys.total("d_lyssnat", 6, "woman"), 4)
        compare(App.surveys.batches.length, 1)
        compare(cell.text, "")  // cleared for the next entry
        const message = findChild(page, "surveyMessage")
        verify(message.visible)
        // Answers and the cells they were typed in (6 answers in 2 cells), not cells alone.
        verify(message.text.indexOf("6 answer") === 0, message.text)
        verify(message.text.indexOf("2 cell") > 0, message.text)

        typeInto(cell, "x")
        mouseClick(findChild(page, "saveGridButton"))
        tryVerify(() => message.text.indexOf("“x”") >= 0, 3000)
        compare(App.surveys.batches.length, 1)  // nothing saved
    }

    // The national statements' "[plattform]" is the team the answers are about.
    function test_3_platformIsTheTeam() {
        createTemporaryObject(pageComponent, testCase)
        App.surveys.questionnaire = "deltagare_avslut"
        tryVerify(() => App.surveys.questions.length > 0, 5000)
        const texts = App.surveys.questions.map(q => q.text)
        verify(texts.every(t => t.indexOf("[plattform]") < 0), texts.join(" | "))
        verify(texts.some(t => t.indexOf(App.teamName) >= 0), texts.join(" | "))
    }

    // A status line belongs to what was just done: leaving the view clears it.
    function test_4_leavingClearsTheStatusLine() {
        const page = createTemporaryObject(pageComponent, testCase)
        page.say("Sparat.", false)
        const message = findChild(page, "surveyMessage")
        verify(message.visible)
        page.visible = false
        page.visible = true
        verify(!message.visible)
        compare(page.message, "")
    }

    function test_2_oneSheetAtATime() {
        const page = createTemporaryObject(pageComponent, testCase)
        App.surveys.period = "2025"
        tryVerify(() => App.surveys.questions.length > 0, 5000)
        const before = App.surveys.batches.length
        mouseClick(findChild(page, "sheetTab"))
        let answer = null
        tryVerify(() => (answer = findChild(page, "answer_d_lyssnat_3")) !== null, 5000)
        mouseClick(answer)
        mouseClick(findChild(page, "answer_d_stod_2"))
        mouseClick(findChild(page, "saveSheetButton"))
        tryCompare(App.surveys.batches, "length", before + 1, 5000)
        compare(App.surveys.total("d_lyssnat", 3, "woman"), 1)
        compare(App.surveys.total("d_stod", 2, "woman"), 1)
        verify(!answer.checked)  // the form is reset for the next sheet
    }
}
