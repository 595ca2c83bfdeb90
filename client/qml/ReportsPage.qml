// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Samkoll

/// Skapa rapport: the kansli and the board choose a report, its year, period
/// and unit, and save it as PDF, HTML or CSV. The server makes the document
/// (App.reports) — the same one `samkolld report` writes; the board's copy
/// holds aggregates only.
Page {
    id: page
    objectName: "reportsPage"

    property string kind: "bokslut"
    property int year: App.reports.years.length > 0 ? App.reports.years[0] : new Date().getFullYear()
    property int tertial: 0
    property string team: ""
    property string format: "pdf"

    /// The förbund's own reports have no team to choose.
    readonly property bool perUnit: kind === "bokslut" || kind === "statistik"
    /// The money and the delårsrapport run from 1 January to a tertial's end.
    readonly property bool toDate: kind === "drift" || kind === "delar"

    // "Every unit" is the bokslut's only: another report falls back to the förbund.
    onKindChanged: if (kind !== "bokslut" && team === "alla") team = ""

    function make(file) {
        App.reports.make(kind, year, tertial, perUnit ? team : "", format, file)
    }

    FileDialog {
        id: saveDialog
        objectName: "reportSaveDialog"
        title: qsTr("Save the report")
        fileMode: FileDialog.SaveFile
        nameFilters: page.format === "pdf" ? [qsTr("PDF (*.pdf)")]
                   : page.format === "html" ? [qsTr("Web page (*.html)")] : [qsTr("CSV for Excel (*.csv)")]
        onAccepted: page.make(selectedFile)
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 12

            Label {
                text: qsTr("Create report")
                font.bold: true
                font.pixelSize: 20
                Layout.margins: 16
                Layout.bottomMargin: 0
            }
            Label {
                text: App.role === "board"
                      ? qsTr("The board's copy: aggregates only – a count of 1–4 people is hidden, as in every figure the board sees.")
                      : qsTr("The central office's copy: exact counts. Give the board its own copy (made from a board member's Samkoll) – small counts are hidden there.")
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            GridLayout {
                columns: 2
                columnSpacing: 12
                rowSpacing: 10
                Layout.margins: 16
                Layout.maximumWidth: 720

                Label { text: qsTr("Report") }
                BoundComboBox {
                    id: kindBox
                    objectName: "reportKind"
                    Layout.fillWidth: true
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { value: "bokslut", text: qsTr("Social report (socialt bokslut)") },
                        { value: "delar", text: qsTr("Interim report for the board (delårsrapport)") },
                        { value: "drift", text: qsTr("Operating statement (driftredovisning)") },
                        { value: "statistik", text: qsTr("Participant statistics") },
                        { value: "ranking", text: qsTr("Ranking and trend") }
                    ]
                    value: page.kind
                    onPicked: v => page.kind = v
                }

                Label { text: qsTr("Year") }
                BoundComboBox {
                    objectName: "reportYear"
                    model: App.reports.years
                    value: page.year
                    onPicked: v => page.year = v
                }

                Label { text: qsTr("Period") }
                BoundComboBox {
                    objectName: "reportPeriod"
                    Layout.fillWidth: true
                    textRole: "text"
                    valueRole: "value"
                    model: page.toDate
                           ? [{ value: 0, text: qsTr("Whole year") }, { value: 1, text: qsTr("T1 (Jan–Apr)") },
                              { value: 2, text: qsTr("T2 (Jan–Aug)") }, { value: 3, text: qsTr("T3 (Jan–Dec)") }]
                           : [{ value: 0, text: qsTr("Whole year") }, { value: 1, text: qsTr("T1 (Jan–Apr)") },
                              { value: 2, text: qsTr("T2 (May–Aug)") }, { value: 3, text: qsTr("T3 (Sep–Dec)") }]
                    value: page.tertial
                    onPicked: v => page.tertial = v
                }

                Label { text: qsTr("Unit") }
                BoundComboBox {
                    objectName: "reportUnit"
                    Layout.fillWidth: true
                    enabled: page.perUnit
                    textRole: "name"
                    valueRole: "code"
                    model: {
                        let units = [{ code: "", name: qsTr("The whole association") }]
                        if (page.kind === "bokslut")
                            units.push({ code: "alla", name: qsTr("The association and every team") })
                        return units.concat(App.reports.teams)
                    }
                    value: page.perUnit ? page.team : ""
                    onPicked: v => page.team = v
                }

                Label { text: qsTr("Format") }
                RowLayout {
                    spacing: 4
                    Repeater {
                        model: [{ value: "pdf", text: qsTr("PDF") }, { value: "html", text: qsTr("HTML") },
                                { value: "csv", text: qsTr("CSV (one file per table)") }]
                        RadioButton {
                            required property var modelData
                            objectName: "reportFormat_" + modelData.value
                            text: modelData.text
                            checked: page.format === modelData.value
                            onClicked: page.format = modelData.value
                        }
                    }
                }

                Item { width: 1; height: 1 }
                RowLayout {
                    spacing: 12
                    Button {
                        objectName: "makeReport"
                        text: qsTr("Create report…")
                        highlighted: true
                        enabled: !App.reports.busy && App.reports.years.length > 0
                        onClicked: {
                            saveDialog.selectedFile = App.reports.suggestedFile(page.kind, page.year, page.tertial,
                                                                                page.perUnit ? page.team : "", page.format)
                            saveDialog.open()
                        }
                    }
                    BusyIndicator {
                        running: App.reports.busy
                        visible: running
                        implicitWidth: 28
                        implicitHeight: 28
                    }
                }
            }

            Label {
                objectName: "reportMessage"
                visible: text !== ""
                text: App.reports.message
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }
            FieldError {
                objectName: "reportError"
                message: App.reports.error
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }
            Label {
                visible: App.reports.years.length === 0
                text: qsTr("No social budget yet – reports can be made once the first sync has brought one.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
            }
            Label {
                text: qsTr("The server makes the report from every team's synced data, so it needs the network. A locked year shows the figures as the board approved them.")
                wrapMode: Text.WordWrap
                opacity: 0.7
                font.pixelSize: 12
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }
        }
    }
}
