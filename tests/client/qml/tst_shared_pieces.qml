// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// The shared QML pieces the coordinator's, the kansli's and the board's views use.
TestCase {
    id: testCase
    name: "SharedPieces"
    when: windowShown
    visible: true
    width: 600
    height: 400

    Component {
        id: comboComponent
        BoundComboBox {
            width: 90
            model: ["Grundskola", "Högskola/Universitet upp till tre år", "Högskola/Universitet mer än tre år"]
        }
    }

    function test_dropDownIsAsWideAsItsLongestOption() {
        const box = createTemporaryObject(comboComponent, testCase)
        verify(box.widestOption > box.width, "the longest option is wider than the box")
        verify(box.popup.width >= box.widestOption, "the list shows whole options")
        box.model = ["A", "B"]
        tryVerify(() => box.popup.width === box.width)  // never narrower than the box
    }
}
