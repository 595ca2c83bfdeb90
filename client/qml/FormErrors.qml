// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick

/// The refusals a form shows: each field named with its message, the first
/// one also as `field`/`message` (where the cursor goes). Pages keep one of
/// these instead of their own field/message pair:
///     FormErrors { id: errors }
///     FieldError { message: errors.of("code") }
QtObject {
    property string field
    property string message
    property var messages: ({})  ///< field → message
    property int count: 0
    readonly property bool any: count > 0

    /// One refusal (replaces what was shown).
    function set(f, m) {
        field = f
        message = m
        const all = {}
        all[f] = m
        messages = all
        count = 1
    }
    /// Every refusal at once: [{field, message}], the first where the cursor goes.
    function setAll(list) {
        clear()
        const all = {}
        for (let i = 0; i < list.length; ++i)
            if (all[list[i].field] === undefined)
                all[list[i].field] = list[i].message
        if (list.length > 0) {
            field = list[0].field
            message = list[0].message
        }
        messages = all
        count = Object.keys(all).length
    }
    function clear() { field = ""; message = ""; messages = ({}); count = 0 }
    /// The message when it concerns one of `fields` (a name or a list), else "".
    function of(fields) {
        const list = Array.isArray(fields) ? fields : [fields]
        for (let i = 0; i < list.length; ++i)
            if (messages[list[i]] !== undefined)
                return messages[list[i]]
        return ""
    }
}
