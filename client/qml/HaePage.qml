// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Samkoll

/// HÅE statistics (the kansli's): open a file of the kommuner's figures; the
/// server checks every row and shows what it would change — each kommun-year
/// new or changed, the figures before and after — and nothing is saved until
/// Import. A wrong row is named (file, row, column) and nothing is imported.
Page {
    id: page
    objectName: "haePage"

    FileDialog {
        id: openDialog
        objectName: "haeOpenDialog"
        title: qsTr("Open a HÅE file")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("CSV (*.csv *.txt)")]
        onAccepted: App.hae.openFile(selectedFile)
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth - 24
            x: 12
            spacing: 10

            Label {
                text: qsTr("HÅE statistics")
                font.bold: true
                font.pixelSize: 20
                Layout.topMargin: 12
            }
            Label {
                text: qsTr("The kommuner's helårsekvivalenter and population aged 20–64 per year, as Statistics Sweden gives them: a semicolon file with the columns kommun; year; hae_total; hae_illness; hae_unemployment; hae_assistance; population_20_64. The index's statistics trend indicators use them.")
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: 8
                Button {
                    objectName: "haeOpen"
                    text: qsTr("Open a HÅE file…")
                    enabled: !App.hae.busy
                    onClicked: openDialog.open()
                }
                Button {
                    objectName: "haeApply"
                    visible: App.hae.previewing
                    enabled: App.hae.changes.length > 0 && !App.hae.busy
                    highlighted: true
                    text: qsTr("Import %n kommun-year(s)", "", App.hae.changes.length)
                    onClicked: App.hae.apply()
                }
                Button {
                    objectName: "haeCancel"
                    visible: App.hae.previewing
                    text: qsTr("Cancel")
                    onClicked: App.hae.cancel()
                }
                BusyIndicator { running: App.hae.busy; visible: running; Layout.preferredHeight: 32 }
            }
            Label {
                objectName: "haeMessage"
                visible: text !== ""
                text: App.hae.error !== "" ? App.hae.error : App.hae.message
                color: App.hae.error !== "" ? Theme.error : Theme.success
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "haeSummary"
                visible: App.hae.previewing
                text: qsTr("Preview of %1: %2 new or changed, %3 as already stored. Nothing is saved until you import.")
                      .arg(App.hae.file).arg(App.hae.changes.length).arg(App.hae.unchanged)
                font.bold: true
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            // The preview as a table: what each kommun-year becomes.
            Column {
                objectName: "haeChanges"
                visible: App.hae.changes.length > 0
                spacing: 2
                Layout.fillWidth: true
                Row {
                    spacing: 8
                    Repeater {
                        model: [qsTr("Kommun"), qsTr("Year"), qsTr("HÅE"), qsTr("Before"), qsTr("Illness"), qsTr("Unemployment"),
                                qsTr("Assistance"), qsTr("Population 20–64")]
                        Label {
                            required property string modelData
                            required property int index
                            text: modelData
                            font.bold: true
                            width: index === 0 ? 180 : 100
                            horizontalAlignment: index === 0 ? Text.AlignLeft : Text.AlignRight
                        }
                    }
                }
                Repeater {
                    model: App.hae.changes
                    Row {
                        id: change
                        required property var modelData
                        objectName: "hae_" + modelData.kommun + "_" + modelData.year
                        spacing: 8
                        Label { text: change.modelData.kommun; width: 180; elide: Text.ElideRight }
                        Label { text: change.modelData.year; width: 100; horizontalAlignment: Text.AlignRight }
                        Label { text: change.modelData.total; width: 100; horizontalAlignment: Text.AlignRight; font.bold: true }
                        Label {
                            text: change.modelData.isNew ? qsTr("new") : change.modelData.totalBefore
                            width: 100
                            horizontalAlignment: Text.AlignRight
                            opacity: 0.75
                        }
                        Label { text: change.modelData.illness; width: 100; horizontalAlignment: Text.AlignRight }
                        Label { text: change.modelData.unemployment; width: 100; horizontalAlignment: Text.AlignRight }
                        Label { text: change.modelData.assistance; width: 100; horizontalAlignment: Text.AlignRight }
                        Label { text: change.modelData.population; width: 100; horizontalAlignment: Text.AlignRight }
                    }
                }
            }
            Item { height: 12 }
        }
    }
}
