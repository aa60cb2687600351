pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// "Welk techniekberoep past bij jou?": a short intro (alone or together), then the cards.
// Duo is a split screen: on a 1.5–2 m wide screen two students stand side by side, each
// swipes their own cards with their own finger at the same time (no waiting for a turn, and
// the run stays under two minutes), and each can still see what the other is doing.
Item {
    id: screen
    objectName: "gameScreen"
    readonly property bool intro: Kiosk.game.phase !== "playing"

    // -- intro -------------------------------------------------------------------------------
    // The question, a 3-second demo of the swipe instead of a paragraph about it, and the two
    // ways to play. No number of cards: the game stops when it knows, so it varies per visitor.
    Item {
        id: introPage
        anchors.fill: parent
        visible: screen.intro
        Text {
            id: introTitle
            objectName: "gameIntroTitle"
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin
                      topMargin: Theme.px(40) }
            anchors.rightMargin: Theme.margin + Theme.topBarSpace   // room for the top bar
            wrapMode: Text.WordWrap
            text: qsTr("Welk techniekberoep past bij jou?")
            color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
        }
        // Landscape: the demo left of the choices; portrait: above them, in the top 40 %.
        SwipeDemo {
            id: demo
            objectName: "swipeDemo"
            running: screen.intro
            x: Theme.margin
            y: introTitle.y + introTitle.height + Theme.gap
            width: Theme.portrait ? parent.width - 2 * Theme.margin
                                  : (parent.width - 2 * Theme.margin - 2 * Theme.gap) * 0.38
            height: Theme.portrait ? Math.max(Theme.px(200), Theme.reachTop - y - Theme.gap)
                                   : parent.height - y - Theme.margin
        }
        Grid {
            id: choices
            x: Theme.portrait ? Theme.margin : demo.x + demo.width + Theme.gap
            y: Theme.portrait ? Math.max(Theme.reachTop, demo.y + demo.height + Theme.gap) : demo.y
            width: parent.width - x - Theme.margin
            height: parent.height - y - (Theme.portrait ? Theme.barSpace : Theme.margin)
            columns: Theme.portrait ? 1 : 2
            spacing: Theme.gap
            readonly property real cellW: Theme.portrait ? width : (width - spacing) / 2
            readonly property real cellH: Theme.portrait ? (height - spacing) / 2 : height
            Tile {
                objectName: "gameStart"
                width: parent.cellW; height: parent.cellH
                fill: Theme.teal; iconName: "cards"
                title: qsTr("Alleen spelen")
                subtitle: qsTr("Ongeveer 2 minuten")
                onClicked: Kiosk.game.start("solo")
            }
            Tile {
                objectName: "gameStartDuo"
                width: parent.cellW; height: parent.cellH
                fill: Theme.violet; iconName: "people"
                title: qsTr("Samen spelen")
                subtitle: qsTr("Ieder je eigen kaarten")
                onClicked: Kiosk.game.start("duo")
            }
        }
    }

    // -- solo ----------------------------------------------------------------------------------
    Item {
        anchors.fill: parent
        visible: !screen.intro && Kiosk.game.mode === "solo"
        // Landscape: which way is which, on the side it goes to.
        Text {
            visible: !Theme.portrait
            anchors { left: parent.left; right: soloDeck.left; verticalCenter: parent.verticalCenter
                      margins: Theme.margin }
            horizontalAlignment: Text.AlignRight; wrapMode: Text.WordWrap
            text: qsTr("← Niks voor jou? Naar links")
            color: Theme.coral; font.pixelSize: Theme.fontLarge; font.weight: Font.Black
        }
        Text {
            visible: !Theme.portrait
            anchors { left: soloDeck.right; right: parent.right; verticalCenter: parent.verticalCenter
                      margins: Theme.margin }
            wrapMode: Text.WordWrap
            text: qsTr("Vet? Naar rechts →")
            color: Theme.teal; font.pixelSize: Theme.fontLarge; font.weight: Font.Black
        }
        SwipeDeck {
            id: soloDeck
            player: Kiosk.game.playerA
            anchors { top: parent.top; bottom: parent.bottom; horizontalCenter: parent.horizontalCenter
                      topMargin: Theme.px(150); bottomMargin: Theme.portrait ? Theme.barSpace : Theme.margin }
            width: Theme.portrait ? parent.width - 2 * Theme.margin : Math.min(parent.width * 0.42, Theme.px(760))
        }
    }

    // -- duo: split screen ------------------------------------------------------------------------
    Item {
        anchors.fill: parent
        visible: !screen.intro && Kiosk.game.mode === "duo"
        Rectangle {
            width: Theme.px(4); color: Theme.surface
            anchors { top: parent.top; bottom: parent.bottom; horizontalCenter: parent.horizontalCenter
                      topMargin: Theme.px(150); bottomMargin: Theme.margin }
        }
        Repeater {
            model: [{ "n": 1, "player": Kiosk.game.playerA }, { "n": 2, "player": Kiosk.game.playerB }]
            Item {
                id: half
                required property var modelData
                x: modelData.n === 1 ? 0 : parent.width / 2
                width: parent.width / 2; height: parent.height
                Text {
                    id: who
                    anchors { top: parent.top; topMargin: Theme.px(44)
                              left: parent.left; leftMargin: Theme.margin }
                    text: qsTr("Speler %1").arg(half.modelData.n)
                    color: half.modelData.n === 1 ? Theme.teal : Theme.violet
                    font.pixelSize: Theme.fontLarge; font.weight: Font.Black
                }
                SwipeDeck {
                    player: half.modelData.player
                    suffix: "_" + half.modelData.n
                    waitingText: qsTr("Even wachten op je maatje…")
                    anchors { top: parent.top; bottom: parent.bottom; left: parent.left; right: parent.right
                              topMargin: Theme.px(150)
                              bottomMargin: Theme.portrait ? Theme.barSpace : Theme.margin
                              leftMargin: Theme.margin; rightMargin: Theme.margin }
                }
            }
        }
    }
}
