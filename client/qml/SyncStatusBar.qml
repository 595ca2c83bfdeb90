// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Always visible: online or not, changes waiting, last sync, conflicts, "Synka nu".
ToolBar {
    id: bar
    signal openSync()

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        spacing: 16

        Rectangle {
            width: 12; height: 12; radius: 6
            color: App.online ? Theme.online : Theme.offline
            Accessible.name: App.online ? qsTr("Online") : qsTr("Offline")
        }
        Label {
            objectName: "onlineLabel"
            text: App.online ? qsTr("Online") : qsTr("Offline – everything is saved on this computer")
        }
        Label {
            objectName: "pendingLabel"
            text: App.pending === 0 ? qsTr("All changes synced") : qsTr("%n change(s) waiting", "", App.pending)
            font.bold: App.pending > 0
        }
        Label {
            text: qsTr("Last sync: %1").arg(App.lastSync)
            opacity: 0.8
            ToolTip.visible: hoverHandler.hovered && App.offlineNote.length > 0
            ToolTip.text: App.offlineNote
            HoverHandler { id: hoverHandler }
        }
        Item { Layout.fillWidth: true }
        Button {
            visible: App.conflictCount > 0 || App.refusedCount > 0
            flat: true
            text: App.conflictCount > 0 ? qsTr("%n conflict(s) to resolve", "", App.conflictCount)
                                        : qsTr("%n refused change(s)", "", App.refusedCount)
            palette.buttonText: Theme.error
            onClicked: bar.openSync()
        }
        BusyIndicator {
            running: App.syncing
            visible: App.syncing
            implicitWidth: 24
            implicitHeight: 24
        }
        Button {
            objectName: "syncNowButton"
            text: qsTr("Sync now")
            enabled: !App.syncing
            onClicked: App.syncNow()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("F5")
        }
    }
}
