// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Samkoll

ApplicationWindow {
    id: window
    // Fits the screen: 150 % on a 1280×800 laptop leaves 853×533 to work in.
    width: Math.min(1200, Screen.desktopAvailableWidth)
    height: Math.min(780, Screen.desktopAvailableHeight)
    minimumWidth: Math.min(800, Screen.desktopAvailableWidth)
    minimumHeight: Math.min(500, Screen.desktopAvailableHeight)
    visible: true
    title: App.teamName !== "" ? qsTr("Samkoll – %1").arg(App.teamName) : qsTr("Samkoll")

    // What the role given at enrolment works with (domain.md §1): a coordinator
    // the team's cases and surveys; the kansli those of every team and the
    // förbund's money; the board the förbund's index and budget against
    // outcome — aggregates only, never a case.
    // Keys only: a model rebuilt when the language changes would put the user
    // back on the first screen; the titles are translated in the delegates.
    readonly property var coordinatorScreens: ["overview", "cases", "surveys", "stories", "composition", "sync"]
    readonly property var screens: App.role === "board"
        ? ["federation", "finance", "reports", "periods", "sync"]
        : App.role === "central_office"
          ? ["federation", "judgments", "cases", "surveys", "stories", "composition", "socialBudget", "hae", "finance", "financeEntry", "sie", "reports", "periods", "users", "sync"]
          : coordinatorScreens
    function screenTitle(key) {
        switch (key) {
        case "overview": return qsTr("Overview")
        case "cases": return qsTr("Cases")
        case "surveys": return qsTr("Surveys")
        case "stories": return qsTr("Success stories")
        case "composition": return qsTr("Composition")
        case "sync": return qsTr("Sync")
        case "finance": return qsTr("Budget and outcome")
        case "federation": return qsTr("The association")
        case "judgments": return qsTr("Judgments")
        case "financeEntry": return qsTr("Enter finance")
        case "socialBudget": return qsTr("Social budget")
        case "hae": return qsTr("HÅE statistics")
        case "sie": return qsTr("Import utfall")
        case "reports": return qsTr("Reports")
        case "periods": return qsTr("Periods")
        case "users": return qsTr("Users")
        }
        return key
    }
    // The pages, in the order of the StackLayout below.
    readonly property var pageKeys: ["overview", "cases", "surveys", "stories", "composition", "sync", "finance", "federation", "reports", "periods", "users", "judgments", "financeEntry", "socialBudget", "hae", "sie"]

    /// The workday's screens, once the device is enrolled.
    property bool workday: App.enrolled

    /// Shows the screen with `key` ("overview", "cases", "finance", …) — also used by the screen tour.
    function showScreen(key) {
        for (let i = 0; i < screens.length; ++i)
            if (screens[i] === key)
                nav.currentIndex = i
    }

    header: SyncStatusBar {
        visible: App.enrolled
        onOpenSync: window.showScreen("sync")
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: !App.ready ? 0 : (window.workday ? 2 : 1)

        // 0: opening the local database (or why it failed)
        Item {
            ColumnLayout {
                anchors.centerIn: parent
                width: Math.min(parent.width - 48, 560)
                BusyIndicator { running: App.openError === ""; Layout.alignment: Qt.AlignHCenter }
                Label {
                    text: App.openError !== "" ? App.openError : qsTr("Opening the local database…")
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                }
            }
        }

        // 1: first start
        EnrolmentPage {}

        // 2: the coordinator's workday
        RowLayout {
            spacing: 0
            Pane {
                Layout.fillHeight: true
                Layout.preferredWidth: window.width < 1000 ? 170 : 220
                padding: 0
                background: Rectangle { color: palette.alternateBase }
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 0
                    Label {
                        text: App.teamName !== "" ? App.teamName : App.federationName
                        font.bold: true
                        font.pixelSize: 16
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                        Layout.margins: 12
                    }
                    ListView {
                        id: nav
                        objectName: "nav"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        model: window.screens
                        currentIndex: 0
                        keyNavigationEnabled: true
                        activeFocusOnTab: true

                        delegate: ItemDelegate {
                            id: navRow
                            required property string modelData
                            required property int index
                            width: ListView.view.width
                            Rectangle {  // where the keyboard is
                                anchors.fill: parent
                                color: "transparent"
                                border.color: Theme.focus
                                border.width: 2
                                visible: navRow.ListView.isCurrentItem && nav.activeFocus
                            }
                            text: window.screenTitle(modelData)
                            highlighted: ListView.isCurrentItem
                            onClicked: nav.currentIndex = index
                        }
                    }
                }
            }
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: nav.currentIndex >= 0 && nav.currentIndex < window.screens.length
                              ? window.pageKeys.indexOf(window.screens[nav.currentIndex]) : 0
                OverviewPage { id: overviewPage }
                CasesPage { id: casesPage; objectName: "casesPage" }
                SurveysPage {}
                StoriesPage {}
                CompositionPage {}
                SyncPage {}
                FinancePage {}
                FederationPage {}
                ReportsPage {}
                PeriodPage {}
                UsersPage {}
                JudgmentsPage {}
                FinanceEntryPage {}
                SocialBudgetPage {}
                HaePage {}
                SiePage {}
            }
        }
    }

    Repeater {
        model: window.screens
        Item {
            id: screenKey
            required property int index
            Shortcut {
                sequence: "Alt+" + (screenKey.index + 1)
                enabled: App.enrolled
                onActivated: nav.currentIndex = screenKey.index
            }
        }
    }
    Shortcut {
        sequence: "F5"
        enabled: App.enrolled
        onActivated: App.syncNow()
    }

    // Messages and "undo" after a delete, at the bottom of the window.
    Popup {
        id: toast
        property string message
        property string undoUid
        x: (window.width - width) / 2
        y: window.height - height - 72
        width: Math.min(window.width - 48, 620)
        padding: 12
        closePolicy: Popup.CloseOnEscape
        background: Rectangle { color: Theme.tooltip; radius: 6 }
        RowLayout {
            width: parent.width
            Label {
                text: toast.message
                color: "white"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Button {
                visible: toast.undoUid !== ""
                text: qsTr("Undo")
                onClicked: {
                    App.undoDelete(toast.undoUid)
                    toast.close()
                }
            }
        }
        Timer {
            running: toast.opened
            interval: 10000
            onTriggered: toast.close()
        }
    }

    Connections {
        target: App
        function onCaseDeleted(uid, code) {
            toast.message = qsTr("Case %1 was deleted. You can undo this until it has been synced.").arg(code)
            toast.undoUid = uid
            toast.open()
        }
        function onCaseRestored(uid) {
            toast.message = qsTr("The case is back.")
            toast.undoUid = ""
            toast.open()
        }
        function onNotice(message) {
            toast.message = message
            toast.undoUid = ""
            toast.open()
        }
    }
}
