// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

/// A ComboBox that shows a C++ property and reports the user's choice:
///     BoundComboBox { value: App.surveys.group; onPicked: v => App.surveys.group = v }
/// It follows `value` and a replaced model (a picked item would otherwise break
/// a currentIndex binding), so pages need no Connections of their own.
ComboBox {
    id: box
    /// The value (by valueRole, or the item itself) to show.
    property var value
    /// The user chose `value` (with the mouse or the keyboard).
    signal picked(var value)

    function follow() { currentIndex = Math.max(0, indexOfValue(value)) }
    onValueChanged: follow()
    onCountChanged: follow()
    onModelChanged: follow()
    Component.onCompleted: follow()
    onActivated: picked(currentValue)
}
