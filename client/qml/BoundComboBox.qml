// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

/// A ComboBox that shows a C++ property and reports the user's choice:
///     BoundComboBox { value: App.surveys.group; onPicked: v => App.surveys.group = v }
/// It follows `value` and a replaced model (a picked item would otherwise break
/// a currentIndex binding), so pages need no Connections of their own. Its
/// list opens as wide as its longest option, so long options can be told apart.
ComboBox {
    id: box
    /// The value (by valueRole, or the item itself) to show.
    property var value
    /// The user chose `value` (with the mouse or the keyboard).
    signal picked(var value)

    /// The width of the longest option's text.
    property real widestOption: 0

    function follow() { currentIndex = Math.max(0, indexOfValue(value)) }
    function measure() {
        let widest = 0
        for (let i = 0; i < count; ++i) {
            metrics.text = textAt(i)
            widest = Math.max(widest, metrics.advanceWidth)
        }
        widestOption = widest
    }
    onValueChanged: follow()
    onCountChanged: { follow(); measure() }
    onModelChanged: { follow(); measure() }
    onFontChanged: measure()
    Component.onCompleted: { follow(); measure() }

    TextMetrics { id: metrics; font: box.font }
    popup.width: Math.max(box.width, box.widestOption + box.leftPadding + box.rightPadding + 16)
    onActivated: picked(currentValue)
}
