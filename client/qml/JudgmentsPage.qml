// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Bedömningar (the kansli's): every manual indicator × unit for the year,
/// achieved or not with the motivation, who and when; a unit not judged yet
/// stands out (it is not assessable on the indicator until judged). Pick a
/// row (mouse, or arrows and Enter), judge it below, Ctrl+S saves. Made here
/// at once, offline too, and sent with the next sync; a judgment another
/// kansli computer changed first comes back with the other one, to keep or
/// let go.
Page {
    id: page
    objectName: "judgmentsPage"
    readonly property var model: App.judgments
    /// Only the rows without a judgment.
    property bool onlyMissing: false
    property int current: -1
    /// Counts new answers from the model: what reads rows through rowData() follows them.
    property int revision: 0
    property string message: ""
    property bool isError: false
    property string errorField: ""
    onVisibleChanged: if (!visible) message = ""

    function stateText(state) {
        return state === "achieved" ? qsTr("Achieved") : state === "not_achieved" ? qsTr("Not achieved") : qsTr("Not judged")
    }
    function unitName(unit, name) { return unit === "" ? (App.federationName !== "" ? App.federationName : qsTr("The association")) : name }
    /// The row `row` as the list shows it (the model's roles).
    function rowData(row) {
        void page.revision
        return {
            indicator: model.data(model.index(row, 0), Judgments.IndicatorRole),
            text: model.data(model.index(row, 0), Judgments.TextRole),
            unit: model.data(model.index(row, 0), Judgments.UnitRole),
            unitName: model.data(model.index(row, 0), Judgments.UnitNameRole),
            state: model.data(model.index(row, 0), Judgments.StateRole),
            motivation: model.data(model.index(row, 0), Judgments.MotivationRole),
            conflict: model.data(model.index(row, 0), Judgments.ConflictRole)
        }
    }
    /// Opens a row in the editor below.
    function open(row) {
        current = row
        if (row < 0 || row >= model.count)
            return
        const d = rowData(row)
        achievedBox.checked = d.state === "achieved"
        notAchievedBox.checked = d.state === "not_achieved"
        motivation.text = d.motivation
        errorField = ""
        message = ""
        motivation.forceActiveFocus()
    }
    function save() {
        if (current < 0)
            return
        if (!achievedBox.checked && !notAchievedBox.checked) {
            isError = true
            errorField = "achieved"
            message = qsTr("Choose achieved or not achieved.")
            return
        }
        model.judge(current, achievedBox.checked, motivation.text)
    }

    Shortcut {
        sequence: "Ctrl+S"
        enabled: page.visible && page.current >= 0
        onActivated: page.save()
    }
    Connections {
        target: page.model
        function onLoaded() { page.revision++ }
        function onSaved(row) {
            page.isError = false
            page.errorField = ""
            page.message = qsTr("Saved – it is sent with the next sync.")
        }
        function onRejected(field, message) {
            page.isError = true
            page.errorField = field
            page.message = message
        }
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 12
            Label { text: qsTr("Year") }
            BoundComboBox {
                objectName: "judgmentsYear"
                model: App.judgments.years
                value: App.judgments.year
                onPicked: v => { page.current = -1; App.judgments.year = v }
            }
            CheckBox {
                objectName: "onlyMissing"
                text: qsTr("Only those not judged")
                checked: page.onlyMissing
                onToggled: page.onlyMissing = checked
            }
            Item { Layout.fillWidth: true }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        Label {
            objectName: "judgmentsSummary"
            text: App.judgments.count === 0
                  ? (App.judgments.error !== "" ? App.judgments.error : qsTr("The year's social budget has no indicator the office judges."))
                  : App.judgments.missing > 0
                    ? qsTr("%1 of %2 still without a judgment: the unit is not assessable on the indicator until it is judged.")
                      .arg(App.judgments.missing).arg(App.judgments.count)
                    : qsTr("Every unit is judged on every indicator the office judges (%1).").arg(App.judgments.count)
            color: App.judgments.missing > 0 ? Theme.warning : palette.windowText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "judgmentsConflicts"
            visible: App.judgments.conflicts > 0
            text: qsTr("%n judgment(s) were changed on another computer before yours arrived: choose which one stands.", "", App.judgments.conflicts)
            color: Theme.error
            font.bold: true
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        ListView {
            id: list
            objectName: "judgmentList"
            model: App.judgments
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 2
            activeFocusOnTab: true
            keyNavigationEnabled: true
            ScrollBar.vertical: ScrollBar {}
            onCurrentIndexChanged: if (currentIndex >= 0) positionViewAtIndex(currentIndex, ListView.Contain)
            Keys.onReturnPressed: page.open(currentIndex)
            Keys.onEnterPressed: page.open(currentIndex)
            delegate: ItemDelegate {
                id: row
                required property int index
                required property string indicatorCode
                required property string wording
                required property string unit
                required property string unitName
                required property string judged
                required property string motivation
                required property string by
                required property string at
                required property bool pending
                required property string conflict
                readonly property bool shown: !page.onlyMissing || judged === "none" || conflict !== ""
                objectName: "judgment_" + indicatorCode + "_" + unit
                width: ListView.view.width
                height: shown ? implicitHeight : 0
                visible: shown
                focusPolicy: Qt.NoFocus
                highlighted: page.current === index
                onClicked: { list.currentIndex = index; page.open(index) }
                Rectangle {  // where the keyboard is
                    anchors.fill: parent
                    color: "transparent"
                    border.color: Theme.focus
                    border.width: 2
                    radius: 3
                    visible: row.ListView.isCurrentItem && list.activeFocus
                    z: 2
                }
                Rectangle {  // not judged: stands out
                    anchors.fill: parent
                    color: Theme.notice
                    visible: row.judged === "none" && !row.highlighted
                    z: -1
                }
                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        spacing: 10
                        Layout.fillWidth: true
                        Label {
                            text: row.judged === "achieved" ? "✔" : row.judged === "not_achieved" ? "✖" : "?"
                            color: row.judged === "none" ? Theme.warning : Theme.indexColour(row.judged)
                            font.bold: true
                            font.pixelSize: 16
                            Layout.preferredWidth: 18
                            Accessible.name: page.stateText(row.judged)
                        }
                        Label {
                            text: row.indicatorCode + "  " + page.unitName(row.unit, row.unitName)
                            font.bold: true
                            Layout.preferredWidth: 260
                            elide: Text.ElideRight
                        }
                        Label {
                            text: row.judged === "none" ? qsTr("Not judged – not assessable") : row.motivation
                            font.italic: row.judged === "none"
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            text: row.pending ? qsTr("not synced") : (row.by !== "" ? row.by + " · " + row.at : row.at)
                            color: row.pending ? Theme.warning : palette.windowText
                            opacity: row.pending ? 1 : 0.7
                            font.pixelSize: 12
                        }
                    }
                    Label {
                        text: row.wording
                        font.pixelSize: 11
                        opacity: 0.7
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                        Layout.leftMargin: 28
                    }
                    Label {
                        visible: row.conflict !== ""
                        text: row.conflict
                        color: Theme.error
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                        Layout.leftMargin: 28
                    }
                }
            }
        }

        // --- The chosen row, to judge -------------------------------------------------
        Frame {
            objectName: "judgmentEditor"
            visible: page.current >= 0 && page.current < App.judgments.count
            Layout.fillWidth: true
            ColumnLayout {
                width: parent.width
                spacing: 6
                Label {
                    readonly property var d: page.current >= 0 && page.current < App.judgments.count ? page.rowData(page.current) : null
                    text: d ? d.indicator + " " + d.text + " – " + page.unitName(d.unit, d.unitName) : ""
                    font.bold: true
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    spacing: 16
                    RadioButton { id: achievedBox; objectName: "judgeAchieved"; text: qsTr("Achieved") }
                    RadioButton { id: notAchievedBox; objectName: "judgeNotAchieved"; text: qsTr("Not achieved") }
                    FieldError { visible: page.errorField === "achieved"; text: page.message }
                }
                Label { text: qsTr("Motivation (what the judgment rests on)") }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 72
                    TextArea {
                        id: motivation
                        objectName: "judgeMotivation"
                        wrapMode: TextEdit.Wrap
                        placeholderText: qsTr("E.g. the compilation is in the minutes of 2 November.")
                        KeyNavigation.priority: KeyNavigation.BeforeItem
                        Keys.onTabPressed: saveButton.forceActiveFocus()
                        background: Rectangle {
                            border.color: page.errorField === "motivation" ? Theme.error : palette.mid
                            border.width: page.errorField === "motivation" ? 2 : 1
                            color: palette.base
                        }
                    }
                }
                RowLayout {
                    spacing: 8
                    Button {
                        id: saveButton
                        objectName: "judgeSave"
                        text: qsTr("Save judgment")
                        highlighted: true
                        onClicked: page.save()
                    }
                    Button {
                        objectName: "judgeClear"
                        text: qsTr("Remove judgment")
                        enabled: page.current >= 0 && page.current < App.judgments.count
                                 && page.rowData(page.current).state !== "none"
                        onClicked: App.judgments.clear(page.current)
                    }
                    Button {
                        objectName: "keepMine"
                        visible: page.current >= 0 && page.current < App.judgments.count && page.rowData(page.current).conflict !== ""
                        text: qsTr("Keep mine")
                        onClicked: App.judgments.settle(page.current, true)
                    }
                    Button {
                        objectName: "takeTheirs"
                        visible: page.current >= 0 && page.current < App.judgments.count && page.rowData(page.current).conflict !== ""
                        text: qsTr("Take the other")
                        onClicked: App.judgments.settle(page.current, false)
                    }
                    Label {
                        objectName: "judgeMessage"
                        visible: page.message !== "" && page.errorField !== "achieved"
                        text: page.message
                        color: page.isError ? Theme.error : Theme.success
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
