pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// One player's game: progress, the card stack (or the duel cards), and the buttons.
// Solo uses one deck; duo puts two side by side, each with its own cards and fingers.
// Every answer goes to `player` (a GamePlayer in Python); this file only shows and animates.
Item {
    id: deck
    property var player: null
    property string suffix: ""          // "" solo; "_1" / "_2" in duo (objectNames stay unique)
    property string waitingText: ""
    readonly property var card: player ? player.card : ({})
    readonly property var duel: player ? player.duel : ({})
    readonly property bool inDuel: duel && duel.a !== undefined
    readonly property bool done: player ? player.done : false

    function answer(liked, via, fromX, fromY) {
        if (!player || !card || card.id === undefined) return
        var flyer = flyers[nextFlyer]; nextFlyer = 1 - nextFlyer
        flyer.launch(card, liked, fromX, fromY)
        if (player.swipe(card.id, liked, via))
            top.arrive()
    }
    property int nextFlyer: 0
    readonly property var flyers: [flyerA, flyerB]

    GameProgress {
        id: progress
        objectName: "gameProgress" + deck.suffix
        anchors { top: parent.top; horizontalCenter: parent.horizontalCenter }
        width: top.width
        answered: deck.player ? deck.player.answered : 0
        total: deck.player ? Math.max(1, deck.player.total) : 1
        note: deck.inDuel ? qsTr("Bijna klaar!") : ""
        visible: !deck.done
    }

    Item {
        id: stack
        anchors { left: parent.left; right: parent.right; top: progress.bottom; bottom: buttons.top
                  topMargin: Theme.gap; bottomMargin: Theme.gap }
        readonly property real cardWidth: Math.min(width * 0.92, height * 0.78, Theme.px(720))
        // Never taller than a playing card: a tall narrow card (portrait, duo) looks like a door.
        readonly property real cardHeight: Math.min(height, cardWidth * 1.4)
        visible: !deck.inDuel && !deck.done

        CardFace {
            id: under
            width: stack.cardWidth; height: stack.cardHeight
            anchors.centerIn: parent
            anchors.verticalCenterOffset: Theme.px(14)
            scale: 0.94
            card: deck.player ? deck.player.nextCard : ({})
            visible: cardId !== ""
            opacity: 0.9
        }
        SwipeCard {
            id: top
            objectName: "swipeCard" + deck.suffix
            width: stack.cardWidth; height: stack.cardHeight
            card: deck.card
            threshold: Kiosk.game.swipeThreshold
            flickMinimum: Kiosk.game.flickMinimum
            flickSpeed: Kiosk.game.flickSpeed
            visible: cardId !== ""
            onDecided: (liked) => deck.answer(liked, "swipe", top.dx, top.dy)
        }
        CardFlyer { id: flyerA; width: stack.cardWidth; height: stack.cardHeight; z: 2 }
        CardFlyer { id: flyerB; width: stack.cardWidth; height: stack.cardHeight; z: 2 }
    }

    // Flat profiles only: "which do you like more?" with two cards from far-apart interests.
    Item {
        id: duelPanel
        anchors { left: parent.left; right: parent.right; top: progress.bottom; bottom: buttons.top
                  topMargin: Theme.gap; bottomMargin: Theme.gap }
        visible: deck.inDuel && !deck.done
        Text {
            id: duelTitle
            anchors { top: parent.top; left: parent.left; right: parent.right }
            horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap
            text: qsTr("Wat vind je leuker? Tik er één aan")
            color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.Black
        }
        Row {
            anchors { top: duelTitle.bottom; topMargin: Theme.gap; horizontalCenter: parent.horizontalCenter
                      bottom: parent.bottom }
            spacing: Theme.gap
            Repeater {
                model: ["a", "b"]
                CardFace {
                    id: duelCard
                    required property string modelData
                    objectName: (modelData === "a" ? "duelA" : "duelB") + deck.suffix
                    width: Math.min((duelPanel.width - Theme.gap) / 2, height * 0.8)
                    height: parent.height
                    card: deck.inDuel ? deck.duel[modelData] : ({})
                    scale: duelTap.pressed ? 0.96 : 1
                    TapHandler {
                        id: duelTap
                        gesturePolicy: TapHandler.ReleaseWithinBounds
                        onTapped: if (deck.player) deck.player.choose(duelCard.cardId)
                    }
                }
            }
        }
    }

    // Duo: this player is done and the other is still swiping.
    Column {
        anchors.centerIn: parent
        width: parent.width * 0.9
        spacing: Theme.gap
        visible: deck.done
        Text {
            width: parent.width; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap
            text: qsTr("Klaar!")
            color: Theme.accent; font.pixelSize: Theme.fontHuge; font.weight: Font.Black
        }
        Text {
            width: parent.width; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap
            text: deck.waitingText
            color: Theme.text; font.pixelSize: Theme.fontBody
        }
    }

    Row {
        id: buttons
        anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter }
        spacing: Theme.gap * 1.6
        GameButton {
            objectName: "nopeButton" + deck.suffix
            icon: "cross"; fill: Theme.coral
            text: qsTr("Niks voor mij")
            visible: !deck.inDuel && !deck.done
            onClicked: deck.answer(false, "button", 0, 0)
        }
        GameButton {
            objectName: "undoButton" + deck.suffix
            icon: "undo"; fill: Theme.surface; ink: Theme.text
            diameter: Theme.touchMin
            anchors.bottom: parent.bottom
            text: qsTr("Terug")
            enabled: deck.player ? deck.player.canUndo : false
            onClicked: if (deck.player && deck.player.undo()) top.arrive()
        }
        GameButton {
            objectName: "likeButton" + deck.suffix
            icon: "heart"; fill: Theme.teal
            text: qsTr("Vet!")
            visible: !deck.inDuel && !deck.done
            onClicked: deck.answer(true, "button", 0, 0)
        }
    }
}
