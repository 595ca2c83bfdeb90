// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Samkoll

/// A thick frame around a field whose value met another computer's change (a
/// conflict to settle). Not by colour alone: the page also says in words which
/// figures they are.
Rectangle {
    objectName: "conflictMark"
    anchors.fill: parent
    color: "transparent"
    border.color: Theme.error
    border.width: 3
    radius: 2
}
