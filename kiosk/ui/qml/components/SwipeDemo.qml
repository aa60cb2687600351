import QtQuick

// The game explained without reading: a card that a finger swipes right ("Vet!"), then one it
// swipes left ("Niks"), in about three seconds, with the two directions named under it. It plays
// twice when it shows, then rests on a still card (a screen nobody touches draws no frames) and
// plays again every `againMs` while it is still on screen.
Item {
    id: demo
    property bool running: true
    property int againMs: 20000
    readonly property bool playing: play.running
    // how far the card has gone: -1 (all the way left) … 1 (all the way right)
    property real lean: 0
    property string art: "bolt"      // a new card after each swipe ...
    property real shown: 1           // ... fading in where the last one was

    // the card and the two directions under it, as one group in the middle
    readonly property real groupHeight: card.height + Theme.px(16) + labels.height
    readonly property real travel: (width - card.width) / 2 - Theme.px(36)   // room for the tilt

    Item {
        id: stage
        anchors.fill: parent
        Rectangle {
            id: card
            objectName: "swipeDemoCard"
            // a playing card's shape, as large as the room lets it be with room to move
            height: Math.min(demo.height - Theme.px(16) - labels.height, demo.width * 0.46 * 1.3)
            width: height / 1.3
            x: (stage.width - width) / 2 + demo.lean * demo.travel
            y: (demo.height - demo.groupHeight) / 2
            rotation: demo.lean * 10
            transformOrigin: Item.Bottom
            opacity: demo.shown
            scale: 0.9 + 0.1 * demo.shown
            radius: Theme.radius * 0.7
            color: "#FFFFFF"
            GameArt {
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(12) }
                height: parent.height * 0.6
                radius: Theme.radius * 0.5
                art: demo.art
                tint: Theme.sky
            }
            // the card's sentence, as lines: the demo is about the gesture, not the words
            Column {
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.px(22) }
                spacing: Theme.px(10)
                Repeater {
                    model: [0.9, 0.7]
                    Rectangle {
                        required property real modelData
                        width: parent.width * modelData; height: Theme.px(12); radius: height / 2
                        anchors.horizontalCenter: parent.horizontalCenter
                        color: Qt.rgba(0.05, 0.09, 0.2, 0.25)
                    }
                }
            }
            Stamp {
                objectName: "swipeDemoLike"
                anchors { left: parent.left; top: parent.top; margins: Theme.px(14) }
                rotation: -12
                text: qsTr("Vet!")
                tone: Theme.teal
                opacity: Math.max(0, Math.min(1, demo.lean * 1.6))
            }
            Stamp {
                objectName: "swipeDemoNope"
                anchors { right: parent.right; top: parent.top; margins: Theme.px(14) }
                rotation: 12
                text: qsTr("Niks")
                tone: Theme.coral
                opacity: Math.max(0, Math.min(1, -demo.lean * 1.6))
            }
            // the finger doing it
            Icon {
                name: "hand"
                color: Theme.accent
                width: Theme.px(84); height: width
                anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom
                          bottomMargin: parent.height * 0.2 }
                opacity: demo.lean === 0 ? 0.5 : 1
            }
        }
    }

    // Which way is which, on the side it goes to.
    Item {
        id: labels
        anchors { left: parent.left; right: parent.right }
        y: card.y + card.height + Theme.px(16)
        height: nope.implicitHeight
        Text {
            id: nope
            objectName: "swipeDemoLeft"
            anchors.left: parent.left
            width: parent.width / 2
            text: qsTr("← Niks")
            color: Theme.coral; font.pixelSize: Theme.fontLarge; font.weight: Font.Black
        }
        Text {
            objectName: "swipeDemoRight"
            anchors.right: parent.right
            width: parent.width / 2
            horizontalAlignment: Text.AlignRight
            text: qsTr("Vet! →")
            color: Theme.teal; font.pixelSize: Theme.fontLarge; font.weight: Font.Black
        }
    }

    function sync() {
        if (demo.running && demo.visible)
            play.restart()
        else
            play.stop()
    }
    onRunningChanged: sync()
    onVisibleChanged: sync()
    Component.onCompleted: sync()
    Timer {
        interval: demo.againMs
        running: demo.running && demo.visible && !play.running
        onTriggered: play.restart()
    }

    // Right, next card, left, next card: about 3 s.
    SequentialAnimation {
        id: play
        loops: 2
        onStopped: { demo.lean = 0; demo.shown = 1; demo.art = "bolt" }
        PauseAnimation { duration: 250 }
        NumberAnimation { target: demo; property: "lean"; to: 1; duration: 650; easing.type: Easing.InOutCubic }
        PauseAnimation { duration: 250 }
        NumberAnimation { target: demo; property: "shown"; to: 0; duration: 150 }
        ScriptAction { script: { demo.lean = 0; demo.art = "gear" } }
        NumberAnimation { target: demo; property: "shown"; to: 1; duration: 200; easing.type: Easing.OutQuad }
        PauseAnimation { duration: 200 }
        NumberAnimation { target: demo; property: "lean"; to: -1; duration: 650; easing.type: Easing.InOutCubic }
        PauseAnimation { duration: 250 }
        NumberAnimation { target: demo; property: "shown"; to: 0; duration: 150 }
        ScriptAction { script: { demo.lean = 0; demo.art = "bolt" } }
        NumberAnimation { target: demo; property: "shown"; to: 1; duration: 200; easing.type: Easing.OutQuad }
        PauseAnimation { duration: 150 }
    }
}
