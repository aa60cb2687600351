import QtQuick
import Kiosk
import QtQuick.Window
import "components"

// The one kiosk window. It shows the screen for Kiosk.controller.state; it decides nothing itself.
Window {
    id: root
    objectName: "kioskWindow"
    width: 1920; height: 1080
    visible: false
    flags: Qt.Window | Qt.FramelessWindowHint
    color: Theme.background
    title: "BLIQ Kiosk"

    onWidthChanged: updateTheme()
    onHeightChanged: updateTheme()
    Component.onCompleted: updateTheme()
    function updateTheme() {
        Theme.scale = Math.max(0.4, Math.min(width, height) / 1080)
        Theme.portrait = height > width
        Theme.windowHeight = height
    }

    Loader {
        id: screenLoader
        objectName: "screenLoader"
        anchors.fill: parent
        source: "screens/" + Kiosk.screenFiles[Kiosk.controller.state]
        asynchronous: false
        focus: true
    }

    // Every visitor screen but attract and the full-screen player has a visible way home
    // and the language toggle; the player has its own controls. Landscape: top right (within
    // reach when mounted as docs/setup.md says). Portrait: Home bottom left, language bottom
    // right, where a wheelchair user and a 12-year-old reach them.
    Item {
        id: topBar
        anchors.fill: parent
        anchors.margins: Theme.px(28)
        visible: Kiosk.controller.state !== "admin" && Kiosk.controller.state !== "player"
        z: 10
        // AnchorChanges, not "portrait ? a : undefined" bindings: those set the new anchor
        // before clearing the old one, so a turned screen left a button stretched across.
        states: State {
            when: Theme.portrait
            AnchorChanges { target: homeButton; anchors.right: undefined
                            anchors.left: topBar.left; anchors.bottom: topBar.bottom }
            AnchorChanges { target: languageButton; anchors.top: undefined
                            anchors.bottom: topBar.bottom }
        }
        PillButton {
            id: homeButton
            objectName: "homeButton"
            // the question's own skip is its way on (home)
            visible: ["attract", "home", "pulse"].indexOf(Kiosk.controller.state) < 0
            anchors { right: languageButton.left; rightMargin: Theme.px(20) }
            text: qsTr("Home")
            fill: Theme.surface; ink: Theme.text
            onClicked: Kiosk.controller.goHome()
        }
        PillButton {
            id: languageButton
            objectName: "languageToggle"
            anchors { right: parent.right; top: parent.top }
            // Shows the language you switch TO, in that language.
            text: Kiosk.controller.language === "nl" ? "English" : "Nederlands"
            fill: Theme.surface; ink: Theme.text
            onClicked: Kiosk.controller.toggleLanguage()
        }
    }

    // Hidden admin corner: a 3-second press bottom-left. Taps pass through to the screen below.
    Item {
        id: adminCorner
        objectName: "adminCorner"
        width: Theme.px(120); height: width
        anchors { left: parent.left; bottom: parent.bottom }
        z: 20
        TapHandler {
            longPressThreshold: Kiosk.controller.adminGestureSeconds
            gesturePolicy: TapHandler.WithinBounds
            grabPermissions: PointerHandler.TakeOverForbidden
            onLongPressed: Kiosk.controller.adminGesture()
        }
    }

    LeaveDialog { anchors.fill: parent; z: 25 }
    StillThereOverlay { anchors.fill: parent; z: 30; screen: screenLoader.item as Item }
    PinPad { anchors.fill: parent; z: 40 }
}
