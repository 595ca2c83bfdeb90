// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

/// Keeps the control with keyboard focus visible inside a scrolling view: when
/// focus moves (Tab, a field focused after an error, a program) to an item in
/// `flickable`, the view scrolls just enough — vertically and horizontally —
/// to show it with a margin. One piece for every scrolling form and grid:
/// a view with fixed bars above or below it (the grid's save button, a
/// dialog's buttons) keeps them outside its own area, so nothing scrolled into
/// view is covered.
///
///     ScrollView { id: scroll; … }
///     KeepFocusVisible { flickable: scroll.contentItem }
QtObject {
    id: keeper
    property Flickable flickable: null
    property real margin: 12

    function inside(item) {
        for (let p = item; p; p = p.parent)
            if (p === keeper.flickable)
                return true
        return false
    }
    /// Scrolls `flickable` so that `item` is in view (no-op for an item outside it).
    function reveal(item) {
        const f = keeper.flickable
        if (!item || !f || !inside(item) || item === f)
            return
        const pos = item.mapToItem(f.contentItem, 0, 0)
        const top = pos.y - margin
        const bottom = pos.y + item.height + margin
        const maxY = Math.max(0, f.contentHeight - f.height)
        if (top < f.contentY)
            f.contentY = Math.max(0, Math.min(maxY, top))
        else if (bottom > f.contentY + f.height)
            f.contentY = Math.max(0, Math.min(maxY, bottom - f.height))
        const left = pos.x - margin
        const right = pos.x + item.width + margin
        const maxX = Math.max(0, f.contentWidth - f.width)
        if (left < f.contentX)
            f.contentX = Math.max(0, Math.min(maxX, left))
        else if (right > f.contentX + f.width)
            f.contentX = Math.max(0, Math.min(maxX, right - f.width))
    }

    property Connections watcher: Connections {
        target: keeper.flickable ? keeper.flickable.Window.window : null
        ignoreUnknownSignals: true
        function onActiveFocusItemChanged() {
            keeper.reveal(keeper.flickable.Window.window.activeFocusItem)
        }
    }
}
