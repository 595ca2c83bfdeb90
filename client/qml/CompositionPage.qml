// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Sammansättning: women and men among the team's staff and steering group for the year.
Page {
    id: page
    objectName: "compositionPage"
    property string message
    onVisibleChanged: if (!visible) message = ""  // a status line belongs to what was just done
    // Ctrl+S saves the row being typed in (the first when none has the cursor).
    Shortcut {
        sequence: "Ctrl+S"
        enabled: page.visible
        onActivated: {
            const bodies = App.composition.bodies
            let body = bodies.length > 0 ? bodies[0] : ""
            for (const b of bodies) {
                const w = page.field("women_" + b), m = page.field("men_" + b)
                if ((w && w.activeFocus) || (m && m.activeFocus))
                    body = b
            }
            if (body !== "")
                App.composition.save(body, page.field("women_" + body).text, page.field("men_" + body).text)
        }
    }
    /// The text field `name` ("women_staff", …) of the rows below.
    function field(name) {
        for (let i = 0; i < bodyRows.count; ++i) {
            const row = bodyRows.itemAt(i)
            if (row && row.women.objectName === name) return row.women
            if (row && row.men.objectName === name) return row.men
        }
        return null
    }
    function bodyName(body) {
        return body === "staff" ? qsTr("Staff") : body === "steering_group" ? qsTr("Steering group")
             : body === "partner_managers" ? qsTr("Partner managers") : qsTr("Board")
    }
    property bool isError: false

    readonly property var values: App.composition.values  // a map: "staff"/"steering_group" → {known, women, men}
    function known(body) { return page.values[body] !== undefined && page.values[body].known }

    Connections {
        target: App.composition
        function onSaved(body) {
            page.isError = false
            page.message = qsTr("Saved.")
        }
        function onRejected(field, message) {
            page.isError = true
            page.message = message
        }
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: 24
        width: Math.min(parent.width - 48, 640)
        spacing: 10

        Label { text: qsTr("Composition"); font.pixelSize: 22; font.bold: true }
        Label {
            text: App.composition.forFederation
                  ? qsTr("Women and men on the association's board and in the partners' management group (parternas chefsgrupp). They count for the association and for every team; the gender-balance indicators of the index use them. Their surveys are entered under Surveys.")
                  : qsTr("Women and men among the team's staff and in its steering group. The gender-balance indicators of the index use these numbers.")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        RowLayout {
            Label { text: qsTr("Year") }
            BoundComboBox {
                id: yearBox
                objectName: "compositionYear"
                model: {
                    const now = new Date().getFullYear()
                    const years = []
                    for (let y = now; y >= now - 6; --y)
                        years.push(y)
                    return years
                }
                value: App.composition.year
                onPicked: v => { page.message = ""; App.composition.year = v }
            }
        }
        // One row per body: women, men, save. (Positioners: no Repeater directly in a layout.)
        Column {
            spacing: 6
            Row {
                spacing: 12
                Item { width: 140; height: 1 }
                Label { text: qsTr("Women"); width: 80 }
                Label { text: qsTr("Men"); width: 80 }
            }
            Repeater {
                id: bodyRows
                model: App.composition.bodies
                Row {
                    id: bodyRow
                    required property string modelData
                    property alias women: womenField
                    property alias men: menField
                    spacing: 12
                    Label { text: page.bodyName(bodyRow.modelData); width: 140; anchors.verticalCenter: parent.verticalCenter }
                    TextField {
                        id: womenField
                        objectName: "women_" + bodyRow.modelData
                        width: 80
                        text: page.known(bodyRow.modelData) ? String(page.values[bodyRow.modelData].women) : ""
                        inputMethodHints: Qt.ImhDigitsOnly
                    }
                    TextField {
                        id: menField
                        objectName: "men_" + bodyRow.modelData
                        width: 80
                        text: page.known(bodyRow.modelData) ? String(page.values[bodyRow.modelData].men) : ""
                        inputMethodHints: Qt.ImhDigitsOnly
                    }
                    Button {
                        objectName: "save_" + bodyRow.modelData
                        text: qsTr("Save")
                        onClicked: App.composition.save(bodyRow.modelData, womenField.text, menField.text)
                    }
                }
            }
        }
        Label {
            objectName: "compositionMessage"
            visible: page.message !== ""
            text: page.message
            color: page.isError ? Theme.error : Theme.success
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}
