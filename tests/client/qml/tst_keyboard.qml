// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// A coordinator's day by keyboard, at 100 % on a 1280×800 screen and at
/// 150 % on the same screen (853×533 logical pixels): Tab keeps the focused
/// control in view in the survey grid and the case form (sideways too, when
/// the grid is wider than the window), and the Översikt is explored with Tab,
/// arrows, Enter and Escape. Key events only, after a first click-equivalent
/// focus where a user would start.
TestCase {
    id: testCase
    name: "Keyboard"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: surveysComponent; SurveysPage {} }
    Component { id: overviewComponent; OverviewPage {} }
    Component { id: formComponent; CaseForm {} }

    function init_data() {
        return [{ tag: "100 %", w: 1280, h: 800 }, { tag: "150 %", w: 853, h: 533 }]
    }

    function initTestCase() {
        testCase.Window.window.requestActivate()
        tryVerify(() => testCase.Window.window.active, 3000)
    }

    function focused() { return testCase.Window.window.activeFocusItem }

    function inside(item, ancestor) {
        for (let p = item; p; p = p.parent)
            if (p === ancestor)
                return true
        return false
    }

    /// The item lies wholly inside `view`'s visible area.
    function assertVisibleIn(item, view, what) {
        const p = item.mapToItem(view, 0, 0)
        verify(p.y >= -1 && p.y + item.height <= view.height + 1,
               what + ": " + item.objectName + " at y " + Math.round(p.y) + "–" + Math.round(p.y + item.height) + " of " + Math.round(view.height))
        verify(p.x >= -1 && p.x + item.width <= view.width + 1,
               what + ": " + item.objectName + " at x " + Math.round(p.x) + "–" + Math.round(p.x + item.width) + " of " + Math.round(view.width))
    }

    function test_gridKeepsTheFocusedCellInView(data) {
        const page = createTemporaryObject(surveysComponent, testCase, { width: data.w, height: data.h })
        tryVerify(() => App.surveys.questions.length > 0, 5000)
        App.surveys.questionnaire = "deltagare_avslut"
        App.surveys.period = "2024"
        const scroll = findChild(page, "gridScroll")
        const questions = App.surveys.questions
        const first = questions[0].code + "|1|woman"
        let cell = null
        tryVerify(() => (cell = findChild(page, "cell_" + first)) !== null, 5000)
        cell.forceActiveFocus()  // where the user clicks to start
        const seen = {}
        let deepest = null
        for (let i = 0; i < 400; ++i) {
            const item = focused()
            if (!inside(item, scroll))
                break
            seen[item.objectName] = true
            assertVisibleIn(item, scroll, "after " + i + " Tab")
            deepest = item
            keyClick(Qt.Key_Tab)
        }
        // Every cell of the grid was reached and shown, the last column included.
        let cells = 0
        for (let q = 0; q < questions.length; ++q)
            cells += questions[q].options.length * page.genders.length
        compare(Object.keys(seen).length, cells)
        const lastGender = page.genders[page.genders.length - 1].code
        verify(deepest.objectName.endsWith("|" + lastGender), deepest.objectName)
        // Type into the last cell from the keyboard and save with Ctrl+S.
        deepest.forceActiveFocus()
        keyClick("2")
        const key = deepest.objectName.substring(5).split("|")
        const before = App.surveys.total(key[0], parseInt(key[1]), key[2])
        keySequence("Ctrl+S")
        tryVerify(() => App.surveys.total(key[0], parseInt(key[1]), key[2]) === before + 2, 5000)
        compare(deepest.text, "")
    }

    function test_caseFormKeepsTheFocusedFieldInView(data) {
        const form = createTemporaryObject(formComponent, testCase, { width: data.w, height: data.h })
        const scroll = findChild(form, "formScroll")
        findChild(form, "codeField").forceActiveFocus()
        let reached = 0
        for (let i = 0; i < 60; ++i) {
            const item = focused()
            if (!inside(item, scroll))
                break
            assertVisibleIn(item, scroll, "after " + i + " Tab")
            ++reached
            keyClick(Qt.Key_Tab)
        }
        verify(reached >= 10, "fields reached: " + reached)
        verify(findChild(form, "exitDateField") !== null)
    }

    function test_overviewByKeyboard(data) {
        const page = createTemporaryObject(overviewComponent, testCase, { width: data.w, height: data.h })
        App.overview.year = 2021
        tryVerify(() => App.overview.periods.length === 4 && App.overview.periods[0].total !== undefined, 10000)
        const areas = findChild(page, "areaList")
        const list = findChild(page, "indicatorList")
        const details = findChild(page, "indicatorDetails")
        tryVerify(() => areas.count > 1, 5000)
        // From the year (where a user starts), Tab reaches the areas.
        findChild(page, "overviewYear").forceActiveFocus()
        for (let i = 0; i < 12 && !areas.activeFocus; ++i)
            keyClick(Qt.Key_Tab)
        verify(areas.activeFocus, "Tab reaches the area list")
        verify(findChild(areas.currentItem, "focusFrame").visible, "a frame shows where the keyboard is")
        // Down to area 1, Enter: its indicators, and the keyboard moves to them.
        const all = list.count
        keyClick(Qt.Key_Down)
        compare(areas.currentIndex, 1)
        keyClick(Qt.Key_Return)
        compare(page.area, areas.model[1].number)
        tryVerify(() => list.count > 0 && list.count < all, 3000)
        verify(list.activeFocus)
        // Down, Enter: the counts of the second indicator.
        keyClick(Qt.Key_Down)
        compare(list.currentIndex, 1)
        assertVisibleIn(list.currentItem, list, "the indicator row")
        keyClick(Qt.Key_Return)
        tryVerify(() => details.visible, 3000)
        compare(page.indicator.display_code, list.model[1].display_code)
        // Escape closes the counts, Escape again goes back to the areas.
        keyClick(Qt.Key_Escape)
        verify(!details.visible)
        verify(list.activeFocus)
        keyClick(Qt.Key_Escape)
        verify(areas.activeFocus)
        // Escape in the areas: all areas again.
        keyClick(Qt.Key_Escape)
        compare(page.area, 0)
        compare(areas.currentIndex, 0)
        // The last indicator, by keyboard, is scrolled into view.
        keyClick(Qt.Key_Return)
        verify(list.activeFocus)
        for (let i = 0; i < list.count; ++i)
            keyClick(Qt.Key_Down)
        compare(list.currentIndex, list.count - 1)
        assertVisibleIn(list.currentItem, list, "the last indicator")
    }
}
