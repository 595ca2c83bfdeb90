// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Samkoll

/// Goda exempel (the anonymity reminder, a personnummer refused with the text
/// kept) and Sammansättning (numbers typed and saved).
TestCase {
    id: testCase
    name: "TeamInputs"
    when: windowShown
    visible: true
    width: 1200
    height: 800

    Component { id: storiesComponent; StoriesPage { width: 1200; height: 800 } }
    Component { id: compositionComponent; CompositionPage { width: 1200; height: 800 } }

    function initTestCase() {
        testCase.Window.window.requestActivate()
        tryVerify(() => testCase.Window.window.active, 3000)
    }
    function typeInto(item, text) {
        item.forceActiveFocus()
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function test_1_story() {
        const page = createTemporaryObject(storiesComponent, testCase)
        verify(findChild(page, "anonymiseReminder").text.length > 20)
        const before = App.stories.items.length
        findChild(page, "storyDate").text = "2021-05-03"
        typeInto(findChild(page, "storyTitle"), "Ny chans")
        const text = findChild(page, "storyText")
        typeInto(text, "Deltagaren 850312-2384 fick jobb")
        mouseClick(findChild(page, "saveStoryButton"))
        tryCompare(page, "errorField", "text", 3000)
        verify(page.errorMessage.indexOf("personnummer") >= 0, page.errorMessage)
        compare(text.text, "Deltagaren 850312-2384 fick jobb")  // kept, to correct
        compare(App.stories.items.length, before)

        text.text = "Deltagaren fick jobb efter samlat stöd"
        mouseClick(findChild(page, "saveStoryButton"))
        tryCompare(App.stories.items, "length", before + 1, 3000)
        compare(App.stories.items[0].title, "Ny chans")
        compare(findChild(page, "storyTitle").text, "")  // a blank form for the next one
    }

    function test_2_composition() {
        const page = createTemporaryObject(compositionComponent, testCase)
        App.composition.year = 2021
        const women = findChild(page, "women_staff")
        const men = findChild(page, "men_staff")
        women.text = ""
        men.text = ""
        typeInto(women, "5")
        typeInto(men, "2")
        mouseClick(findChild(page, "save_staff"))
        tryVerify(() => App.composition.values.staff !== undefined && App.composition.values.staff.known
                        && App.composition.values.staff.women === 5, 3000)
        compare(App.composition.values.staff.men, 2)
        compare(findChild(page, "compositionMessage").visible, true)

        // Ctrl+S saves the row being typed in.
        const groupWomen = findChild(page, "women_steering_group")
        const groupMen = findChild(page, "men_steering_group")
        groupWomen.text = ""
        groupMen.text = ""
        typeInto(groupWomen, "3")
        typeInto(groupMen, "4")
        keySequence("Ctrl+S")
        tryVerify(() => App.composition.values.steering_group !== undefined && App.composition.values.steering_group.known
                        && App.composition.values.steering_group.men === 4, 3000)
        compare(App.composition.values.steering_group.women, 3)
    }
}
