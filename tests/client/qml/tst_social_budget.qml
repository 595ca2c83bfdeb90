// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Social budget: the saved budget's rows; next year started from it by the
/// button; a weight typed out of range is named by the import's check and its
/// row framed, a weight that is no number is named and changes nothing, a
/// good one makes the draft hold; the draft let go shows the saved one again.
TestCase {
    id: testCase
    name: "SocialBudget"
    when: windowShown
    visible: true
    width: 1200
    height: 700

    Component { id: pageComponent; SocialBudgetPage { width: 1200; height: 700 } }

    function firstIndicator() {
        for (let i = 0; i < App.socialBudget.count; ++i)
            if (App.socialBudget.data(App.socialBudget.index(i, 0), SocialBudgetEditor.LevelRole) === "indicator")
                return App.socialBudget.data(App.socialBudget.index(i, 0), SocialBudgetEditor.CodeRole)
        return ""
    }
    function weightOf(code) {
        for (let i = 0; i < App.socialBudget.count; ++i)
            if (App.socialBudget.data(App.socialBudget.index(i, 0), SocialBudgetEditor.CodeRole) === code)
                return App.socialBudget.data(App.socialBudget.index(i, 0), SocialBudgetEditor.WeightRole)
        return ""
    }
    function typeInto(field, text) {
        field.forceActiveFocus()
        field.selectAll()
        keyClick(Qt.Key_Delete)
        for (const ch of text)
            keyClick(ch)
        keyClick(Qt.Key_Tab)
    }

    function test_nextYearWeightsChecked() {
        tryVerify(() => App.socialBudget.count > 0 && !App.socialBudget.draft, 5000)
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        const year = App.socialBudget.year
        const code = firstIndicator()
        verify(code !== "")
        const start = findChild(page, "startNextYear")
        verify(start.visible)
        mouseClick(start)
        tryCompare(App.socialBudget, "draft", true)
        compare(App.socialBudget.year, year + 1)
        tryCompare(App.socialBudget, "problem", "", 5000)
        verify(findChild(page, "saveBudget").visible)
        verify(findChild(page, "saveBudget").enabled)

        // 12 is read, and the import's check says the weight does not hold, on that row.
        tryVerify(() => findChild(page, "weight_" + code) !== null, 5000)
        typeInto(findChild(page, "weight_" + code), "12")
        tryVerify(() => App.socialBudget.problem !== "", 5000)
        compare(App.socialBudget.problemAt, code)
        verify(findChild(page, "budgetProblem").text.indexOf("weight") >= 0, findChild(page, "budgetProblem").text)
        verify(findChild(page, "budgetRow_" + code).troubled)
        verify(!findChild(page, "saveBudget").enabled)

        // Not a number: named, nothing changed.
        typeInto(findChild(page, "weight_" + code), "tolv")
        tryVerify(() => page.message !== "", 2000)
        verify(page.isError)
        compare(weightOf(code), "12")

        // 4 holds again.
        typeInto(findChild(page, "weight_" + code), "4")
        tryCompare(App.socialBudget, "problem", "", 5000)
        verify(findChild(page, "saveBudget").enabled)

        // Let go: the saved budget again.
        mouseClick(findChild(page, "discardBudget"))
        tryCompare(App.socialBudget, "draft", false)
        tryCompare(App.socialBudget, "year", year)
    }
}
