// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// HÅE statistics: the page offers a file; one that cannot be read is named,
/// and nothing is shown to import.
TestCase {
    id: testCase
    name: "Hae"
    when: windowShown
    visible: true
    width: 1000
    height: 600

    Component { id: pageComponent; HaePage { width: 1000; height: 600 } }

    function test_unreadableFileNamed() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        const open = findChild(page, "haeOpen")
        verify(open.visible && open.enabled)
        verify(!findChild(page, "haeApply").visible)
        App.hae.openFile("file:///finns/inte/hae-2024.csv")
        const message = findChild(page, "haeMessage")
        tryVerify(() => message.visible, 2000)
        verify(message.text.indexOf("hae-2024.csv") >= 0, message.text)
        compare(App.hae.errorField, "file")
        verify(!App.hae.previewing)
        verify(!findChild(page, "haeApply").visible)
        verify(!findChild(page, "haeChanges").visible)
    }
}
