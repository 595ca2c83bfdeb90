// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Bedömningar: the units without a judgment stand out and can be shown
/// alone; a row is judged by keyboard (arrows, Enter, the choice, the
/// motivation, Ctrl+S), saved at once and marked not synced; what is missing
/// is named and nothing typed is lost.
TestCase {
    id: testCase
    name: "Judgments"
    when: windowShown
    visible: true
    width: 1100
    height: 720

    Component { id: pageComponent; JudgmentsPage { width: 1100; height: 720 } }

    function rowFor(indicator, unit) {
        for (let i = 0; i < App.judgments.count; ++i)
            if (App.judgments.data(App.judgments.index(i, 0), Judgments.IndicatorRole) === indicator
                    && App.judgments.data(App.judgments.index(i, 0), Judgments.UnitRole) === unit)
                return i
        return -1
    }
    function stateOf(row) { return App.judgments.data(App.judgments.index(row, 0), Judgments.StateRole) }

    function test_judgeByKeyboard() {
        tryVerify(() => App.judgments.count > 0, 5000)
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        const list = findChild(page, "judgmentList")
        tryCompare(list, "count", App.judgments.count)
        // Nothing judged on this device: every row stands out, and the summary says what that means.
        compare(App.judgments.missing, App.judgments.count)
        verify(findChild(page, "judgmentsSummary").text.indexOf("not assessable") >= 0)

        // The förbund's 4.1.3, by keyboard.
        const row = rowFor("4.1.3", "")
        verify(row >= 0)
        list.forceActiveFocus()
        list.currentIndex = 0
        for (let i = 0; i < row; ++i)
            keyClick(Qt.Key_Down)
        compare(list.currentIndex, row)
        keyClick(Qt.Key_Return)
        compare(page.current, row)
        const editor = findChild(page, "judgmentEditor")
        verify(editor.visible)
        const motivation = findChild(page, "judgeMotivation")
        verify(motivation.activeFocus)

        // Without a choice: named, and the motivation typed stays.
        keyClick(Qt.Key_F); keyClick(Qt.Key_A); keyClick(Qt.Key_L); keyClick(Qt.Key_L)
        keySequence("Ctrl+S")
        compare(page.errorField, "achieved")
        compare(motivation.text, "fall")
        compare(stateOf(row), "none")

        // Chosen and saved: shown at once, not synced yet.
        findChild(page, "judgeAchieved").checked = true
        motivation.text = "Fallstudien är gjord."
        motivation.forceActiveFocus()
        keySequence("Ctrl+S")
        tryCompare(page, "message", "Saved – it is sent with the next sync.")
        tryVerify(() => stateOf(rowFor("4.1.3", "")) === "achieved", 5000)
        compare(App.judgments.missing, App.judgments.count - 1)
        verify(App.judgments.data(App.judgments.index(rowFor("4.1.3", ""), 0), Judgments.PendingRole))

        // Only those not judged: the judged row is out of the list.
        page.onlyMissing = true
        list.currentIndex = rowFor("4.1.3", "")
        tryVerify(() => list.currentItem !== null && !list.currentItem.visible)
        page.onlyMissing = false

        // An empty motivation is refused by the model, naming it; the choice stays.
        motivation.text = ""
        keySequence("Ctrl+S")
        compare(page.errorField, "motivation")
        verify(findChild(page, "judgeAchieved").checked)

        // Taken away again (the device stays as the other tests expect it).
        findChild(page, "judgeClear").clicked()
        tryVerify(() => stateOf(rowFor("4.1.3", "")) === "none", 5000)
    }
}
