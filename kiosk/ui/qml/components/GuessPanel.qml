import QtQuick
import Kiosk

// Duo result, one per player on their own side: your own direction, and "raad wat je maatje
// koos": guess whether your buddy liked one card, then see the answer.
Rectangle {
    id: panel
    property int player: 1
    property var direction: ({})
    property var guess: ({})
    readonly property int myGuess: guess ? (player === 1 ? guess.guessA : guess.guessB) : -1
    readonly property bool buddyLiked: guess ? (player === 1 ? guess.likedB : guess.likedA) : false
    readonly property int buddy: player === 1 ? 2 : 1
    readonly property bool narrow: width < Theme.px(640)   // portrait: buttons under the question
    // landscape: the panels share the screen's foot with the code; smaller words, smaller
    // buttons, so everything stays inside the panel (the layout check proves it)
    readonly property bool tight: !Theme.portrait
    // Long job titles make the cards above taller and this panel shorter: when its content does
    // not fit, the chips, question and buttons get smaller (content-driven, checked after each
    // layout; once compact it stays so for this result, which never grows back within it).
    property bool compact: false
    function checkFit() {
        if (!compact && height > 0 && content.implicitHeight > height - 2 * content.anchors.margins)
            compact = true
    }
    onHeightChanged: Qt.callLater(checkFit)
    objectName: "guessPanel_" + player
    radius: Theme.radius
    color: Theme.surface

    Column {
        id: content
        anchors { fill: parent; margins: Theme.px(panel.tight ? 18 : 24) }
        spacing: Theme.px(panel.compact ? 4 : panel.tight ? 8 : 12)
        onImplicitHeightChanged: Qt.callLater(panel.checkFit)
        Text {
            width: parent.width; wrapMode: Text.WordWrap
            text: qsTr("Speler %1: jouw richting").arg(panel.player)
            color: panel.player === 1 ? Theme.teal : Theme.violet
            font.pixelSize: panel.tight ? Theme.fontSmall + Theme.px(4) : Theme.fontBody
            font.weight: Font.Black
        }
        DirectionChips { width: parent.width; compact: panel.compact; direction: panel.direction || ({}) }
        Item {
            width: parent.width
            height: panel.narrow ? question.height + Theme.px(panel.compact ? 6 : 12) + Math.max(guessButtons.height, reveal.implicitHeight)
                                 : Math.max(question.implicitHeight, guessButtons.height, reveal.implicitHeight)
            Text {
                id: question
                width: panel.narrow ? parent.width : parent.width - Theme.gap
                       - (guessButtons.visible ? guessButtons.width : parent.width * 0.45)
                wrapMode: Text.WordWrap; maximumLineCount: 3; elide: Text.ElideRight
                text: qsTr("Raad wat je maatje koos: %1").arg(
                          qsTr("„%1”").arg(panel.guess && panel.guess.card ? panel.guess.card.text : ""))
                color: Theme.text; font.pixelSize: Theme.fontSmall + Theme.px(panel.compact ? 0 : 2)
                font.weight: Font.Bold
            }
            Row {
                id: guessButtons
                anchors.right: parent.right
                y: panel.narrow ? question.height + Theme.px(panel.compact ? 6 : 12) : 0
                spacing: Theme.px(16)
                visible: panel.myGuess < 0
                PillButton {
                    objectName: "guessLike_" + panel.player
                    implicitWidth: Theme.touchMin * 1.4
                    height: panel.tight ? Theme.touchMin * 0.8 : Theme.touchMin
                    fill: Theme.teal; text: qsTr("Vet!")
                    onClicked: Kiosk.game.guess(panel.player - 1, true)
                }
                PillButton {
                    objectName: "guessNope_" + panel.player
                    fill: Theme.coral; text: qsTr("Niks")
                    implicitWidth: Theme.touchMin * 1.4
                    height: panel.tight ? Theme.touchMin * 0.8 : Theme.touchMin
                    onClicked: Kiosk.game.guess(panel.player - 1, false)
                }
            }
            Text {
                id: reveal
                objectName: "guessReveal_" + panel.player
                visible: panel.myGuess >= 0
                x: panel.narrow ? 0 : question.width + Theme.gap
                y: panel.narrow ? question.height + Theme.px(panel.compact ? 6 : 12) : 0
                width: parent.width - x
                wrapMode: Text.WordWrap
                text: ((panel.myGuess === 1) === panel.buddyLiked ? qsTr("Goed geraden!") : qsTr("Net niet!"))
                      + " " + (panel.buddyLiked ? qsTr("Speler %1 vond het vet.").arg(panel.buddy)
                                                : qsTr("Speler %1 vond het niks.").arg(panel.buddy))
                color: Theme.accent; font.weight: Font.Black
                font.pixelSize: panel.tight ? Theme.fontSmall + Theme.px(4) : Theme.fontBody
            }
        }
    }
}
