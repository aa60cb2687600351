import QtQuick
import Kiosk
import QtQuick.Layouts
import "../components"

// Home: big tiles for the sections this pack and build offer. Sections that do not exist stay hidden.
// Light to read: one question and a title and picture per tile (every screen has Home, so no
// line saying you can go back).
Item {
    id: home
    objectName: "homeScreen"
    readonly property var sections: Kiosk.controller.sections

    Column {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
        anchors.rightMargin: Theme.margin + Theme.topBarSpace   // room for the top bar
        // portrait: centred in the top 40 % (the tiles below are within reach)
        anchors.topMargin: Theme.portrait ? Math.max(Theme.margin, (Theme.reachTop - height) / 2) : Theme.margin
        spacing: Theme.px(8)
        Text {
            // whose event this is (portrait has the room for it)
            visible: Theme.portrait && text !== ""
            text: Kiosk.controller.eventTitle
            color: Theme.accent; font.pixelSize: Theme.fontLarge; font.weight: Font.Black
            width: parent.width; wrapMode: Text.WordWrap
        }
        Text {
            text: qsTr("Wat wil je doen?")
            color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
            width: parent.width; wrapMode: Text.WordWrap
        }
    }

    GridLayout {
        id: grid
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: footer.top; margins: Theme.margin }
        // portrait: the tiles in the lower 60 %, within reach (Theme.reachTop)
        anchors.topMargin: Theme.portrait ? Math.max(Theme.margin, Theme.reachTop - header.y - header.height)
                                          : Theme.margin
        columns: Theme.portrait ? 2 : Math.min(4, Math.max(1, visibleChildren.length))
        rowSpacing: Theme.gap; columnSpacing: Theme.gap

        Tile {
            objectName: "homeEpisodes"
            visible: home.sections.indexOf("episodes") >= 0
            Layout.fillWidth: true; Layout.fillHeight: true
            fill: Theme.accent; iconName: "play"
            title: qsTr("Kijk video's")
            onClicked: Kiosk.controller.openSection("episodes")
        }
        Tile {
            objectName: "homeGame"
            visible: home.sections.indexOf("game") >= 0
            Layout.fillWidth: true; Layout.fillHeight: true
            fill: Theme.teal; iconName: "cards"
            title: qsTr("Welk techniekberoep past bij jou?")
            onClicked: Kiosk.controller.openSection("game")
        }
        Tile {
            objectName: "homeCompanies"
            visible: home.sections.indexOf("companies") >= 0
            Layout.fillWidth: true; Layout.fillHeight: true
            fill: Theme.coral; iconName: "building"
            title: qsTr("Bedrijven van vandaag")
            onClicked: Kiosk.controller.openSection("companies")
        }
        Tile {
            objectName: "homeParents"
            visible: home.sections.indexOf("parents") >= 0
            Layout.fillWidth: true; Layout.fillHeight: true
            fill: Theme.sky; iconName: "people"
            title: qsTr("Voor ouders & docenten")
            onClicked: Kiosk.controller.openSection("parents")
        }
    }

    // "Klaar, tot ziens!" never sits where Home sits on the other screens, nor within a
    // thumb's double tap of it: a visitor who taps Home twice must not end the visit.
    // Landscape: bottom right (Home is top right). Portrait: right, just above the language
    // (Home is bottom left).
    Item {
        id: footer
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom
                  bottomMargin: Theme.portrait ? Theme.barSpace - Theme.px(28) + Theme.gap : 0 }
        height: Theme.touchMin + (Theme.portrait ? 0 : Theme.margin)
        states: State {
            when: Theme.portrait
            AnchorChanges { target: endButton; anchors.verticalCenter: undefined
                            anchors.bottom: footer.bottom }
        }
        PillButton {
            id: endButton
            objectName: "endSession"
            anchors { right: parent.right; rightMargin: Theme.portrait ? Theme.px(28) : Theme.margin
                      verticalCenter: parent.verticalCenter }
            text: qsTr("Klaar, tot ziens!")
            fill: Theme.surface; ink: Theme.text
            onClicked: Kiosk.controller.endSession()
        }
    }
}
