// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Synk: the status bar and a conflict resolved by picking the other value.
TestCase {
    id: testCase
    name: "Sync"
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

    Component { id: barComponent; SyncStatusBar { width: 1100 } }
    Component { id: pageComponent; SyncPage { width: 1100; height: 700 } }

    function test_1_statusBarSaysOfflineAndWhatWaits() {
        const bar = createTemporaryObject(barComponent, testCase)
        tryVerify(() => App.ready)
        const online = findChild(bar, "onlineLabel")
        verify(online.text.indexOf("Offline") === 0, online.text)
        const pending = findChild(bar, "pendingLabel")
        compare(pending.text, App.pending === 0 ? "All changes synced" : App.pending + " change(s) waiting")
    }

    function test_2_conflictShowsBothValuesAndTheChoiceIsSaved() {
        const page = createTemporaryObject(pageComponent, testCase)
        tryCompare(App, "conflictCount", 1, 5000)
        const conflict = App.conflicts[0]
        compare(conflict.fieldLabel, "Referred by")
        compare(conflict.kept, "Public Employment Service")
        compare(conflict.other, "Social Insurance Agency")
        const before = App.pending
        const use = findChild(page, "useOther")
        verify(use)
        mouseClick(use)
        wait(500)
        compare(notices.count, 0, notices.count ? notices.signalArguments[0][0] : "")
        tryCompare(App, "conflictCount", 0, 5000)
        // The choice is an edit of the case plus the resolution, both queued.
        tryCompare(App, "pending", before + 2, 5000)
    }
}
