pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// Attract: the event's own welcome, what you can do here, a lively loop and "Tik om te
// beginnen". A touch anywhere starts a new visit. The clip is framed beside (landscape) or above
// (portrait) the kiosk's words, so its own title cards never run into them.
Item {
    id: attract
    objectName: "attractScreen"
    readonly property bool portrait: Theme.portrait

    // The featured clips loop silently in their frame (the same player facade, muted).
    Rectangle {
        id: frame
        objectName: "attractFrame"
        color: "black"
        radius: Theme.radius
        clip: true
        width: attract.portrait ? attract.width - 2 * Theme.margin : attract.width * 0.54
        height: width * 9 / 16
        x: attract.portrait ? Theme.margin : attract.width - width - Theme.margin
        // portrait: centred in the space above the words; landscape: centred, clear of the top bar
        y: attract.portrait ? Math.max(eventHead.y + eventHead.height + Theme.gap,
                                       (eventHead.y + eventHead.height + band.y - height) / 2)
                            : Math.max(Theme.px(170), (attract.height - height) / 2)
        KioskVideo {
            id: loop
            objectName: "attractVideo"
            anchors.fill: parent
            Component.onCompleted: Kiosk.playback.player.setVideoSink(loop.videoSink)
            // at teardown the kiosk's objects may already be withdrawn: nothing to let go of then
            Component.onDestruction: if (Kiosk.playback !== null) Kiosk.playback.player.setVideoSink(null)
        }
    }
    readonly property bool clipsPlaying: Kiosk.playback.player.state === "playing"

    // Colour blobs: visibly alive when there are no clips to loop. They drift to new places
    // now and then and rest in between, so the screen is not redrawn 60 times a second.
    property bool blobsHigh: false
    Timer {
        interval: Kiosk.renderMode.driftEveryMs; repeat: true
        running: !attract.clipsPlaying
        onTriggered: attract.blobsHigh = !attract.blobsHigh
    }
    Repeater {
        model: attract.clipsPlaying ? [] : [Theme.teal, Theme.coral, Theme.violet, Theme.sky]
        Rectangle {
            required property color modelData
            required property int index
            width: Theme.px(520); height: width; radius: width / 2
            color: modelData; opacity: 0.22
            x: attract.width * (0.1 + 0.22 * index) - width / 2
            y: (attract.blobsHigh ? attract.height * (0.15 + 0.1 * index)
                                  : attract.height * (0.75 - 0.08 * index)) - height / 2
            Behavior on y {
                NumberAnimation { duration: Kiosk.renderMode.driftMs; easing.type: Easing.InOutSine }
            }
        }
    }

    // The kiosk's own words on a calm background: whose event this is (portrait: at the top,
    // at eye height) ...
    Column {
        id: eventHead
        x: Theme.margin
        width: band.width
        y: attract.portrait ? Theme.px(72) : (attract.height - height - Theme.gap - band.height) / 2
        spacing: Theme.px(14)
        Row {
            width: parent.width
            spacing: Theme.gap
            Image {
                id: eventLogo
                objectName: "attractLogo"
                visible: Kiosk.controller.eventLogo !== "" && status === Image.Ready
                source: Kiosk.controller.eventLogo
                height: Theme.px(110); width: visible ? Math.min(implicitWidth * height / Math.max(1, implicitHeight), Theme.px(260)) : 0
                sourceSize.height: height
                fillMode: Image.PreserveAspectFit
                anchors.verticalCenter: parent.verticalCenter
            }
            Text {
                objectName: "attractEvent"
                width: parent.width - (eventLogo.visible ? eventLogo.width + parent.spacing : 0)
                anchors.verticalCenter: parent.verticalCenter
                text: Kiosk.controller.eventTitle
                color: Theme.accent; font.pixelSize: Theme.fontLarge + Theme.px(4); font.weight: Font.Black
                wrapMode: Text.WordWrap
            }
        }
        // Where it is held, on one line under the name; hidden rather than cut off or wrapped
        // when it does not fit (the name and the welcome matter more).
        Text {
            objectName: "attractPlace"
            width: parent.width
            visible: text !== "" && implicitWidth <= width
            text: Kiosk.controller.eventPlace
            color: Theme.text; font.pixelSize: Theme.fontBody; font.weight: Font.DemiBold
        }
        Text {
            objectName: "attractWelcome"
            width: parent.width; wrapMode: Text.WordWrap
            visible: text !== ""
            text: Kiosk.controller.eventWelcome
            color: Theme.text; font.pixelSize: Theme.fontBody
        }
    }
    // ... and what you can do here, with the start button (portrait: within reach, just above
    // the language at the bottom right).
    Column {
        id: band
        x: Theme.margin
        width: attract.portrait ? attract.width - 2 * Theme.margin : frame.x - 2 * Theme.margin
        y: attract.portrait ? attract.height - Theme.barSpace - height
                            : eventHead.y + eventHead.height + Theme.gap
        spacing: Theme.gap
        Text {
            objectName: "attractHeadline"
            width: parent.width; wrapMode: Text.WordWrap
            text: qsTr("Een nieuwe blik op techniek")
            color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
        }
        // At a glance: watch, play, scan.
        Column {
            width: parent.width
            spacing: Theme.px(14)
            Repeater {
                model: [
                    { "icon": "play", "colour": Theme.accent, "text": qsTr("Kijk video's van jongeren in de techniek") },
                    { "icon": "cards", "colour": Theme.teal, "text": qsTr("Speel: welk beroep past bij jou?") },
                    { "icon": "qr", "colour": Theme.sky, "text": qsTr("Scan en neem het mee op je telefoon") }
                ]
                Row {
                    id: line
                    required property var modelData
                    spacing: Theme.px(18)
                    Rectangle {
                        width: Theme.px(64); height: width; radius: width / 2; color: line.modelData.colour
                        Icon { anchors.centerIn: parent; width: Theme.px(40); height: width
                               name: line.modelData.icon; color: Theme.inkOnAccent }
                    }
                    Text {
                        width: band.width - Theme.px(82)
                        anchors.verticalCenter: parent.verticalCenter
                        wrapMode: Text.WordWrap
                        text: line.modelData.text
                        color: Theme.textDim; font.pixelSize: Theme.fontBody
                    }
                }
            }
        }
        Item { width: 1; height: Theme.px(8) }
        PillButton {
            id: startButton
            objectName: "startButton"
            text: qsTr("Tik om te beginnen")
            fontSize: Theme.fontLarge
            height: Theme.touchMin * 1.3
            onClicked: Kiosk.controller.start()
            // A short pulse every few seconds; still in between (an endless pulse would
            // redraw the whole window 60 times a second all day).
            SequentialAnimation on scale {
                id: pulse
                running: false
                loops: Kiosk.renderMode.pulseLoops
                NumberAnimation { to: 1.06; duration: Kiosk.renderMode.pulseMs / (2 * Kiosk.renderMode.pulseLoops); easing.type: Easing.InOutQuad }
                NumberAnimation { to: 1.0; duration: Kiosk.renderMode.pulseMs / (2 * Kiosk.renderMode.pulseLoops); easing.type: Easing.InOutQuad }
            }
            Timer {
                objectName: "attractPulseTimer"
                interval: Kiosk.renderMode.pulseEveryMs; repeat: true; running: true
                onTriggered: pulse.restart()
            }
        }
    }

    // A tap anywhere else starts too.
    TapHandler { onTapped: Kiosk.controller.start() }
}
