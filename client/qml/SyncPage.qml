// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Synk: state in detail, conflicts to resolve, refused changes, settings.
Page {
    id: page

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width - 48
            x: 24
            spacing: 10

            Label { text: qsTr("Sync"); font.pixelSize: 22; font.bold: true; Layout.topMargin: 16 }
            GridLayout {
                columns: 2
                columnSpacing: 16
                Label { text: qsTr("Server") }
                Label { text: App.serverUrl }
                Label { text: qsTr("Certificate") }
                Label { objectName: "certificateTrust"; text: App.certificateTrust; wrapMode: Text.WordWrap; Layout.fillWidth: true }
                Label { text: qsTr("Connection") }
                Label { text: App.online ? qsTr("Online") : qsTr("Offline") }
                Label { text: qsTr("Waiting to be sent") }
                Label { objectName: "pendingCount"; text: qsTr("%n change(s)", "", App.pending) }
                Label { text: qsTr("Last sync") }
                Label { text: App.lastSync }
            }
            Label {
                objectName: "offlineNote"
                visible: App.offlineNote.length > 0
                text: App.offlineNote
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            FieldError { message: App.lastError; Layout.fillWidth: true }
            FieldError { message: App.clockWarning; Layout.fillWidth: true }
            Button {
                text: qsTr("Sync now")
                enabled: !App.syncing
                onClicked: App.syncNow()
            }

            Label { text: qsTr("Conflicts to resolve"); font.pixelSize: 17; font.bold: true; Layout.topMargin: 16 }
            Label {
                visible: App.conflicts.length === 0
                text: qsTr("No conflicts. When two computers change the same field of a case before syncing, it is shown here and you choose which value stays.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                opacity: 0.8
            }
            Repeater {
                objectName: "conflictList"
                model: App.conflicts
                Frame {
                    id: conflictRow
                    required property var modelData
                    Layout.fillWidth: true
                    ColumnLayout {
                        width: parent.width
                        Label {
                            text: qsTr("Case %1 – %2").arg(conflictRow.modelData.caseCode).arg(conflictRow.modelData.fieldLabel)
                            font.bold: true
                        }
                        Label {
                            text: qsTr("Now: %1 · Other computer: %2").arg(conflictRow.modelData.kept).arg(conflictRow.modelData.other)
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        RowLayout {
                            Button {
                                objectName: "keepCurrent"
                                text: qsTr("Keep “%1”").arg(conflictRow.modelData.kept)
                                onClicked: App.resolveConflict(conflictRow.modelData.uid, false)
                            }
                            Button {
                                objectName: "useOther"
                                text: qsTr("Use “%1”").arg(conflictRow.modelData.other)
                                onClicked: App.resolveConflict(conflictRow.modelData.uid, true)
                            }
                        }
                    }
                }
            }

            Label { text: qsTr("Refused changes"); font.pixelSize: 17; font.bold: true; Layout.topMargin: 16 }
            Label {
                visible: App.refused.length === 0
                text: qsTr("None. A change the server refuses (for example in a locked year) stays here with the reason until it is fixed.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                opacity: 0.8
            }
            Repeater {
                model: App.refused
                Frame {
                    id: refusedRow
                    required property var modelData
                    Layout.fillWidth: true
                    ColumnLayout {
                        width: parent.width
                        Label { text: refusedRow.modelData.what; font.bold: true }
                        Label { text: refusedRow.modelData.reason; wrapMode: Text.WordWrap; Layout.fillWidth: true }
                        Button {
                            visible: refusedRow.modelData.needsConfirmation
                            text: qsTr("Yes, delete these cases")
                            onClicked: App.syncNow(true)
                        }
                        RowLayout {
                            visible: refusedRow.modelData.settleable
                            Button {
                                text: qsTr("Keep mine")
                                onClicked: App.settle(refusedRow.modelData.seq, true)
                            }
                            Button {
                                text: qsTr("Take the other")
                                onClicked: App.settle(refusedRow.modelData.seq, false)
                            }
                        }
                    }
                }
            }

            Label { text: qsTr("Settings"); font.pixelSize: 17; font.bold: true; Layout.topMargin: 16 }
            RowLayout {
                Label { text: qsTr("Language") }
                ComboBox {
                    objectName: "languageBox"
                    textRole: "label"
                    valueRole: "code"
                    model: [{ code: "sv", label: "Svenska" }, { code: "en", label: "English" }]
                    Component.onCompleted: currentIndex = indexOfValue(App.language)
                    onActivated: App.language = currentValue
                }
            }
            Item { height: 24 }
        }
    }
}
