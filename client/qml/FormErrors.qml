// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick

/// The one refusal a form shows: the field it names and the message. Pages
/// keep one of these instead of their own field/message pair:
///     FormErrors { id: errors }
///     FieldError { message: errors.of("code") }
QtObject {
    property string field
    property string message
    readonly property bool any: message !== ""

    function set(f, m) { field = f; message = m }
    function clear() { field = ""; message = "" }
    /// The message when it concerns one of `fields` (a name or a list), else "".
    function of(fields) {
        const list = Array.isArray(fields) ? fields : [fields]
        return list.indexOf(field) >= 0 ? message : ""
    }
}
