// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Användare: the users and devices as the server answers (set up in
/// qml_main.cpp), each user with "New enrolment code", each other device
/// with "Revoke", this computer marked; a user without a login is named at
/// the field; without a server the page says why and keeps what was typed.
TestCase {
    id: testCase
    name: "Users"
    when: windowShown
    visible: true
    width: 1000
    height: 700

    Component { id: pageComponent; UsersPage { width: 1000; height: 700 } }

    function test_listsAndNamedErrors() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        tryVerify(() => !App.users.busy, 5000)  // the reload on showing: no server here
        compare(App.users.users.length, 2)
        verify(findChild(page, "code_vns").visible)
        verify(findChild(page, "code_kansli").visible)
        verify(findChild(page, "revoke_vns"))

        // No login: named at its field, nothing sent.
        const login = findChild(page, "newLogin")
        login.text = ""
        mouseClick(findChild(page, "addUser"))
        compare(App.users.errorField, "login")
        verify(findChild(page, "usersError").visible)

        // Typed and refused (no server): the page says why, the typing stays.
        login.forceActiveFocus()
        for (const ch of "anna.k")
            keyClick(ch)
        keyClick(Qt.Key_Return)
        tryVerify(() => !App.users.busy, 5000)
        verify(App.users.error !== "")
        compare(login.text, "anna.k")
        compare(App.users.users.length, 2)
    }
}
