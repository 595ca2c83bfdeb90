// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Period: every year of the förbund, open or fastställt, with what the board
/// approved (the förbund's and each team's index as locked). The kansli
/// fastställer a year after the board's decision, or opens it again; the
/// board sees what it approved. On the server (App.periods), so online.
Page {
    id: page
    objectName: "periodPage"
    /// The kansli's page (fastställ, open again); the board's only shows.
    property bool office: App.role === "central_office"
    property int pendingYear: 0

    onVisibleChanged: if (visible) App.periods.reload()

    Dialog {
        id: lockDialog
        objectName: "lockDialog"
        title: qsTr("Approve %1").arg(page.pendingYear)
        anchors.centerIn: parent
        implicitWidth: 480
        width: Math.min(parent ? parent.width - 48 : implicitWidth, implicitWidth)
        modal: true
        standardButtons: Dialog.Ok | Dialog.Cancel
        Component.onCompleted: {
            standardButton(Dialog.Ok).text = Qt.binding(() => qsTr("Approve and lock"))
            standardButton(Dialog.Ok).objectName = "lockConfirm"
            standardButton(Dialog.Cancel).text = Qt.binding(() => qsTr("Cancel"))
        }
        onOpened: decision.forceActiveFocus()
        onAccepted: App.periods.lock(page.pendingYear, decision.text)
        ColumnLayout {
            width: lockDialog.implicitWidth - lockDialog.leftPadding - lockDialog.rightPadding
            spacing: 8
            Label {
                text: qsTr("The year's index is kept as it stands now, and every report of the year shows it. Cases, surveys and money of the year can no longer be changed until it is opened again.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label { text: qsTr("Decision (whose and when)") }
            TextField {
                id: decision
                objectName: "lockDecision"
                placeholderText: qsTr("e.g. Styrelsen 2022-03-14 § 12")
                Layout.fillWidth: true
                onAccepted: lockDialog.accept()
            }
        }
    }

    ConfirmDialog {
        id: unlockDialog
        title: qsTr("Open %1 again?").arg(page.pendingYear)
        text: qsTr("The approved figures are let go: the year's reports are computed from the data again, and changes to the year are accepted.")
        acceptText: qsTr("Open again")
        acceptName: "unlockConfirm"
        onAccepted: App.periods.unlock(page.pendingYear)
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 10

            Label {
                text: qsTr("Periods")
                font.bold: true
                font.pixelSize: 20
                Layout.margins: 16
                Layout.bottomMargin: 0
            }
            Label {
                text: page.office
                      ? qsTr("Approve (fastställ) a year after the board's decision: its figures are kept as approved. Open it again if the board decides so.")
                      : qsTr("The years the central office has approved after the board's decision, with the index as it was approved.")
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }
            Label {
                objectName: "periodMessage"
                visible: text !== ""
                text: App.periods.message
                Layout.leftMargin: 16
            }
            FieldError {
                objectName: "periodError"
                message: App.periods.error
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }
            BusyIndicator {
                running: App.periods.busy
                visible: running
                Layout.leftMargin: 16
            }

            Repeater {
                model: App.periods.years
                delegate: Frame {
                    id: yearRow
                    required property var modelData
                    objectName: "period_" + modelData.year
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                    ColumnLayout {
                        width: parent.width
                        spacing: 6
                        RowLayout {
                            spacing: 12
                            Layout.fillWidth: true
                            Label {
                                text: String(yearRow.modelData.year)
                                font.bold: true
                                font.pixelSize: 18
                            }
                            Label {
                                text: yearRow.modelData.locked
                                      ? qsTr("Approved %1 – %2").arg(yearRow.modelData.lockedAt).arg(yearRow.modelData.lockedBy)
                                      : qsTr("Open")
                                wrapMode: Text.WordWrap
                                Layout.fillWidth: true
                            }
                            Button {
                                objectName: "periodAction_" + yearRow.modelData.year
                                visible: page.office
                                enabled: !App.periods.busy
                                text: yearRow.modelData.locked ? qsTr("Open again…") : qsTr("Approve…")
                                onClicked: {
                                    page.pendingYear = yearRow.modelData.year
                                    if (yearRow.modelData.locked) {
                                        unlockDialog.open()
                                    } else {
                                        decision.text = ""
                                        lockDialog.open()
                                    }
                                }
                            }
                        }
                        // What was approved: the förbund's index and each team's.
                        Flow {
                            visible: yearRow.modelData.teams !== undefined
                            spacing: 10
                            Layout.fillWidth: true
                            RowLayout {
                                spacing: 6
                                Label { text: qsTr("The association") ; font.bold: true }
                                IndexBadge {
                                    size: 26
                                    value: yearRow.modelData.index === undefined ? null : yearRow.modelData.index
                                    colour: yearRow.modelData.colour || "none"
                                }
                            }
                            Repeater {
                                model: yearRow.modelData.teams || []
                                delegate: RowLayout {
                                    id: teamBadge
                                    required property var modelData
                                    spacing: 6
                                    Label { text: teamBadge.modelData.name }
                                    IndexBadge {
                                        size: 26
                                        value: teamBadge.modelData.index === undefined ? null : teamBadge.modelData.index
                                        colour: teamBadge.modelData.colour
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Label {
                visible: App.periods.loaded && App.periods.years.length === 0
                text: qsTr("No year with a social budget yet.")
                Layout.leftMargin: 16
            }
        }
    }
}
