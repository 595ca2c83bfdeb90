// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

/// Create or edit a case, step by step through its lifecycle: referral,
/// beredning decision, start, exit. Validation names the field, keeps what was
/// typed and moves the focus there.
Pane {
    id: form
    objectName: "caseForm"
    FormErrors { id: errors }
    signal closed()
    signal deleteRequested(string uid, string code)

    property string uid
    property alias errorField: errors.field
    property alias errorMessage: errors.message
    readonly property bool isNew: uid === ""

    component TermBox: ComboBox {
        property string vocabulary
        textRole: "label"
        valueRole: "code"
        model: App.termOptions(vocabulary, "–")
        Layout.fillWidth: true
        function setCode(code) { currentIndex = Math.max(0, indexOfValue(code || "")) }
    }
    component DateField: RowLayout {
        property alias text: input.text
        property alias input: input
        Layout.fillWidth: true
        TextField {
            id: input
            Layout.fillWidth: true
            placeholderText: qsTr("YYYY-MM-DD")
            inputMethodHints: Qt.ImhDate
            // A date is replaced more often than edited: Tab in selects it.
            onActiveFocusChanged: if (activeFocus) selectAll()
        }
        Button {
            text: qsTr("Today")
            focusPolicy: Qt.NoFocus
            onClicked: input.text = Qt.formatDate(new Date(), "yyyy-MM-dd")
        }
    }
    component Heading: Label {
        font.bold: true
        font.pixelSize: 15
        Layout.topMargin: 10
    }

    /// The form as loaded: Esc asks before anything typed since is thrown away.
    property string loadedState: ""
    readonly property bool dirty: visible && loadedState !== "" && JSON.stringify(collect()) !== loadedState
    /// The code of the case saved last (for the confirmation under the list).
    property string savedCode: ""

    function load(m) {
        uid = m.uid || ""
        errors.clear()
        code.text = m.code || ""
        gender.setCode(m.gender)
        birthYear.text = m.birth_year || ""
        referralDate.text = m.referral_date || ""
        referringParty.setCode(m.referring_party)
        decision.setCode(m.decision)
        decisionDate.text = m.decision_date || ""
        startDate.text = m.start_date || ""
        exitDate.text = m.exit_date || ""
        exitOutcome.setCode(m.exit_outcome)
        education.setCode(m.education)
        supportDuration.setCode(m.support_duration)
        const income = m.income_support || []
        for (let i = 0; i < incomeRepeater.count; ++i) {
            const box = incomeRepeater.itemAt(i)
            box.checked = income.indexOf(box.code) >= 0
        }
        loadedState = JSON.stringify(collect())
    }
    /// Opening a case for its next step puts the cursor there: the decision,
    /// then the start, then the exit (a new case: its code).
    function focusNextStep() {
        if (isNew || code.text === "")
            code.forceActiveFocus()
        else if (decision.currentValue === "")
            decision.forceActiveFocus()
        else if (decision.currentValue === "yes" && startDate.text === "")
            startDate.input.forceActiveFocus()
        else if (startDate.text !== "" && exitDate.text === "")
            exitDate.input.forceActiveFocus()
        else
            code.forceActiveFocus()
    }
    /// Esc: closes at once when nothing changed, else asks.
    function requestClose() {
        if (dirty)
            confirmDiscard.open()
        else
            form.closed()
    }
    /// Sets some fields as if typed (the screen tour and tests).
    function fill(m) {
        if (m.code !== undefined) code.text = m.code
        if (m.gender !== undefined) gender.setCode(m.gender)
        if (m.birth_year !== undefined) birthYear.text = m.birth_year
        if (m.referral_date !== undefined) referralDate.text = m.referral_date
        if (m.referring_party !== undefined) referringParty.setCode(m.referring_party)
        if (m.decision !== undefined) decision.setCode(m.decision)
        if (m.decision_date !== undefined) decisionDate.text = m.decision_date
        if (m.start_date !== undefined) startDate.text = m.start_date
        if (m.exit_date !== undefined) exitDate.text = m.exit_date
        if (m.exit_outcome !== undefined) exitOutcome.setCode(m.exit_outcome)
    }
    function collect() {
        const income = []
        for (let i = 0; i < incomeRepeater.count; ++i) {
            const box = incomeRepeater.itemAt(i)
            if (box.checked)
                income.push(box.code)
        }
        return {
            uid: uid, code: code.text, gender: gender.currentValue, birth_year: birthYear.text,
            referral_date: referralDate.text, referring_party: referringParty.currentValue,
            decision: decision.currentValue, decision_date: decisionDate.text,
            start_date: startDate.text, exit_date: exitDate.text, exit_outcome: exitOutcome.currentValue,
            income_support: income, education: education.currentValue,
            support_duration: supportDuration.currentValue
        }
    }
    function save() {
        errors.clear()
        savedCode = code.text
        App.saveCase(collect())
    }
    function focusFirst() { code.forceActiveFocus() }
    function focusField(field) {
        const map = { code: code, gender: gender, birth_year: birthYear, referral_date: referralDate.input,
                      referring_party: referringParty, decision: decision, decision_date: decisionDate.input,
                      start_date: startDate.input, exit_date: exitDate.input, exit_outcome: exitOutcome,
                      income_support: incomeRepeater.count > 0 ? incomeRepeater.itemAt(0) : code,
                      education: education, support_duration: supportDuration }
        const item = map[field]
        if (item)
            item.forceActiveFocus()
    }

    Connections {
        target: App
        enabled: form.visible
        function onCaseRejected(field, message) {
            errors.set(field, message)
            form.focusField(field)
        }
        function onCaseProblems(problems) {
            errors.setAll(problems)
            form.focusField(errors.field)
        }
        function onCaseSaved(savedUid, created) {
            form.closed()
        }
    }

    Shortcut { sequence: "Ctrl+S"; enabled: form.visible; onActivated: form.save() }
    Shortcut { sequence: "Esc"; enabled: form.visible && !confirmDiscard.visible; onActivated: form.requestClose() }

    ConfirmDialog {
        id: confirmDiscard
        objectName: "confirmDiscard"
        title: qsTr("Save the changes?")
        text: qsTr("You have changed the case. Save the changes, discard them, or keep editing?")
        acceptText: qsTr("Save")
        discardText: qsTr("Discard the changes")
        discardName: "discardButton"
        cancelText: qsTr("Keep editing")
        onAccepted: form.save()
        onDiscarded: { confirmDiscard.close(); form.closed() }
    }

    background: Rectangle {
        color: palette.base
        Rectangle { width: 1; height: parent.height; color: palette.mid }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        Label {
            text: form.isNew ? qsTr("New case") : qsTr("Case %1").arg(code.text)
            font.pixelSize: 20
            font.bold: true
        }
        Label {
            objectName: "formError"
            visible: errors.any
            text: qsTr("Not saved – correct the %n field(s) marked in red.", "", errors.count)
            color: Theme.error
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        ScrollView {
            id: formScroll
            objectName: "formScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: parent.width
                spacing: 4

                Heading { text: qsTr("Referral") }
                Label { text: qsTr("Case code (pseudonym – never a name or personal identity number)") }
                TextField { id: code; objectName: "codeField"; Layout.fillWidth: true; maximumLength: 40 }
                FieldError { message: errors.of("code"); Layout.fillWidth: true }
                GridLayout {
                    columns: 2
                    Layout.fillWidth: true
                    Label { text: qsTr("Gender") }
                    Label { text: qsTr("Year of birth") }
                    TermBox { id: gender; objectName: "genderBox"; vocabulary: "gender" }
                    TextField { id: birthYear; objectName: "birthYearField"; Layout.fillWidth: true; placeholderText: qsTr("e.g. 1987"); inputMethodHints: Qt.ImhDigitsOnly }
                }
                FieldError { message: errors.of("gender") + errors.of("birth_year"); Layout.fillWidth: true }
                GridLayout {
                    columns: 2
                    Layout.fillWidth: true
                    Label { text: qsTr("Referral date") }
                    Label { text: qsTr("Referred by") }
                    DateField { id: referralDate; objectName: "referralDateField" }
                    TermBox { id: referringParty; vocabulary: "referring_party" }
                }
                FieldError { message: errors.of("referral_date") + errors.of("referring_party"); Layout.fillWidth: true }

                Heading { text: qsTr("Beredning (decision)") }
                GridLayout {
                    columns: 2
                    Layout.fillWidth: true
                    Label { text: qsTr("Decision") }
                    Label { text: qsTr("Decision date") }
                    TermBox { id: decision; objectName: "decisionBox"; vocabulary: "decision" }
                    DateField { id: decisionDate; objectName: "decisionDateField" }
                }
                FieldError { message: errors.of("decision") + errors.of("decision_date"); Layout.fillWidth: true }

                Heading { text: qsTr("Start") }
                Label { text: qsTr("Start date") }
                DateField { id: startDate; objectName: "startDateField" }
                FieldError { message: errors.of("start_date"); Layout.fillWidth: true }
                Label { text: qsTr("Income support at start") }
                Flow {
                    Layout.fillWidth: true
                    spacing: 4
                    Repeater {
                        id: incomeRepeater
                        model: App.termOptions("income_support")
                        CheckBox {
                            required property var modelData
                            property string code: modelData.code
                            text: modelData.label
                        }
                    }
                }
                FieldError { message: errors.of("income_support"); Layout.fillWidth: true }
                GridLayout {
                    columns: 2
                    Layout.fillWidth: true
                    Label { text: qsTr("Education") }
                    Label { text: qsTr("Time with public support") }
                    TermBox { id: education; vocabulary: "education" }
                    TermBox { id: supportDuration; vocabulary: "support_duration" }
                }

                Heading { text: qsTr("Exit") }
                GridLayout {
                    columns: 2
                    Layout.fillWidth: true
                    Label { text: qsTr("Exit date") }
                    Label { text: qsTr("Outcome") }
                    DateField { id: exitDate; objectName: "exitDateField" }
                    TermBox { id: exitOutcome; objectName: "outcomeBox"; vocabulary: "exit_outcome" }
                }
                FieldError { message: errors.of("exit_date") + errors.of("exit_outcome"); Layout.fillWidth: true }
            }
        }

        // Tab into a field below the fold, or the field with an error after a
        // failed save: the form scrolls it into view above the buttons.
        KeepFocusVisible { flickable: formScroll.contentItem as Flickable }

        RowLayout {
            Layout.fillWidth: true
            Button {
                objectName: "saveButton"
                text: qsTr("Save")
                highlighted: true
                onClicked: form.save()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+S")
            }
            Button {
                text: qsTr("Cancel")
                onClicked: form.closed()
            }
            Item { Layout.fillWidth: true }
            Button {
                visible: !form.isNew
                text: qsTr("Delete…")
                onClicked: form.deleteRequested(form.uid, code.text)
            }
        }
    }
}
