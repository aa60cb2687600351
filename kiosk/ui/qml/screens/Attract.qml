pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// Attract: the event's own welcome, one hook question, a large lively loop and "Tik om te
// beginnen". A touch anywhere starts a new visit. The clip is the eye-catcher from 3 m away:
// landscape, 62 % of the width; portrait, the full width. It is framed beside (landscape) or
// above (portrait) the kiosk's words, so its own title cards never run into them.
Item {
    id: attract
    objectName: "attractScreen"
    readonly property bool portrait: Theme.portrait

    // The featured clips loop silently in their frame (the same player facade, muted).
    // Portrait: the frame also takes the height between the event's name and the words, the
    // clip fitted in it and the rest filled with a blurred copy of it, as the player does (GPU
    // drawing: a ShaderEffectSource; lean mode: the video item paints a tiny copy stretched).
    // Kiosk.playback arrives just after the first frame (kiosk.app draws attract first): until
    // then the frame is black and the blobs move, as while a clip opens.
    readonly property bool tallFrame: attract.portrait && !!Kiosk.playback && Kiosk.playback.sideFill
    Rectangle {
        id: frame
        objectName: "attractFrame"
        color: "black"
        radius: attract.portrait ? 0 : Theme.radius
        clip: true
        width: attract.portrait ? attract.width : attract.width * 0.62
        readonly property real room: band.y - eventHead.y - eventHead.height - 2 * Theme.gap
        height: attract.tallFrame ? Math.max(width * 9 / 16, Math.min(width * 1.1, room))
                                  : width * 9 / 16
        x: attract.portrait ? 0 : attract.width - width - Theme.margin
        // portrait: centred in the space above the words; landscape: centred, clear of the top bar
        y: attract.portrait ? Math.max(eventHead.y + eventHead.height + Theme.gap,
                                       (eventHead.y + eventHead.height + band.y - height) / 2)
                            : Math.max(Theme.px(170), (attract.height - height) / 2)
        // the same picture drawn into a tiny texture and scaled up: blurred, darkened, no
        // second decoder; only while the clip leaves part of the frame empty
        ShaderEffectSource {
            id: sideFill
            objectName: "attractSideFill"
            readonly property rect c: loop.contentRect
            readonly property real aspect: frame.width / Math.max(1, frame.height)
            readonly property bool narrow: c.width / Math.max(1, c.height) < aspect
            visible: attract.tallFrame && !loop.lean && c.width > 0 && c.height > 0
                     && (c.width < frame.width * 0.92 || c.height < frame.height * 0.92)
            live: visible
            anchors.fill: parent
            sourceItem: loop
            hideSource: false
            smooth: true
            sourceRect: narrow ? Qt.rect(c.x, c.y + (c.height - c.width / aspect) / 2, c.width, c.width / aspect)
                               : Qt.rect(c.x + (c.width - c.height * aspect) / 2, c.y, c.height * aspect, c.height)
            textureSize: Qt.size(Math.round(24 * Math.max(1, aspect)), Math.round(24 * Math.max(1, 1 / aspect)))
            Rectangle { anchors.fill: parent; color: "#A6000000" }   // darkened: the clip stays the star
        }
        KioskVideo {
            id: loop
            objectName: "attractVideo"
            anchors.fill: parent
            fillSides: attract.tallFrame   // lean mode only (full mode: attractSideFill)
            // the picture (and its sink) comes with the player, just after the first frame
            function attach() {
                if (Kiosk.playback && loop.videoSink)
                    Kiosk.playback.player.setVideoSink(loop.videoSink)
            }
            Component.onCompleted: attach()
            onVideoSinkChanged: attach()
            // at teardown the kiosk's objects may already be withdrawn: nothing to let go of then
            Component.onDestruction: if (Kiosk.playback) Kiosk.playback.player.setVideoSink(null)
        }
    }
    readonly property bool clipsPlaying: !!Kiosk.playback && Kiosk.playback.player.state === "playing"

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
        // The hook: a question a 12–16-year-old answers in their head while walking past.
        Text {
            objectName: "attractHeadline"
            width: parent.width; wrapMode: Text.WordWrap
            text: qsTr("Wat ga jij later maken?")
            color: Theme.text; font.pixelSize: Theme.fontHuge * 0.85; font.weight: Font.Black
            lineHeight: 0.95
        }
        // What you can do here, one word each: watch, play, scan.
        Flow {
            width: parent.width
            spacing: Theme.px(28)
            Repeater {
                model: [
                    { "icon": "play", "colour": Theme.accent, "text": qsTr("Kijk") },
                    { "icon": "cards", "colour": Theme.teal, "text": qsTr("Speel") },
                    { "icon": "qr", "colour": Theme.sky, "text": qsTr("Scan") }
                ]
                Row {
                    id: line
                    required property var modelData
                    spacing: Theme.px(14)
                    Rectangle {
                        width: Theme.px(64); height: width; radius: width / 2; color: line.modelData.colour
                        Icon { anchors.centerIn: parent; width: Theme.px(40); height: width
                               name: line.modelData.icon; color: Theme.inkOnAccent }
                    }
                    Text {
                        anchors.verticalCenter: parent.verticalCenter
                        text: line.modelData.text
                        color: Theme.text; font.pixelSize: Theme.fontBody; font.weight: Font.Bold
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
