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
    Item {
        anchors.fill: parent
        visible: screen.intro
        Column {
            id: introText
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
            // portrait: centred in the top 40 % (the choices below are within reach)
            anchors.topMargin: Theme.portrait ? Math.max(Theme.px(40), (Theme.reachTop - height) / 2) : Theme.px(40)
            anchors.rightMargin: Theme.margin + Theme.topBarSpace   // room for the top bar
            spacing: Theme.px(12)
            Text {
                width: parent.width; wrapMode: Text.WordWrap
                text: qsTr("Welk techniekberoep past bij jou?")
                color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
            }
            Text {
                width: parent.width; wrapMode: Text.WordWrap
                text: qsTr("Je ziet %1 dingen die je kunt doen. Vind je het vet? Swipe naar rechts. Niks voor jou? Naar links. Binnen 2 minuten weet je welke beroepen bij je passen.").arg(Kiosk.game.deckSize)
                color: Theme.textDim; font.pixelSize: Theme.fontBody
            }
        }
        Grid {
            anchors { top: introText.bottom; bottom: parent.bottom; left: parent.left; right: parent.right
                      margins: Theme.margin; bottomMargin: Theme.portrait ? Theme.barSpace : Theme.margin
                      // portrait: both choices within reach, in the lower 60 %
                      topMargin: Theme.portrait ? Math.max(Theme.margin, Theme.reachTop - introText.y - introText.height)
                                                : Theme.margin }
            columns: Theme.portrait ? 1 : 2
            spacing: Theme.gap
            readonly property real cellW: Theme.portrait ? width : (width - spacing) / 2
            readonly property real cellH: Theme.portrait ? (height - spacing) / 2 : height
            Tile {
                objectName: "gameStart"
                width: parent.cellW; height: parent.cellH
                fill: Theme.teal; iconName: "cards"
                title: qsTr("Alleen spelen")
                subtitle: qsTr("Jij en %1 kaarten").arg(Kiosk.game.deckSize)
                onClicked: Kiosk.game.start("solo")
            }
            Tile {
                objectName: "gameStartDuo"
                width: parent.cellW; height: parent.cellH
                fill: Theme.violet; iconName: "people"
                title: qsTr("Samen spelen")
                subtitle: qsTr("Naast elkaar, ieder je eigen kaarten. Wat is jullie match?")
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
