import QtQuick
import Kiosk
import "../components"

// The player fills the screen; captions on by default; a tap shows the controls, which hide
// again. The same screen shows the end card (state next_up) over the last frame, so the switch
// to the next episode never passes through black.
Rectangle {
    id: screen
    objectName: "playerView"
    color: "black"
    readonly property var player: Kiosk.playback.player
    readonly property bool endCard: Kiosk.controller.state === "next_up"
    property bool controlsShown: false

    // A clip of another shape than the screen (a vertical phone clip on a landscape kiosk, or
    // the other way round) plays fitted, with the empty sides filled by a blurred, darkened,
    // enlarged copy of itself. Cheap: the same video drawn into a tiny texture (no second
    // decoder) and scaled up smoothly, which blurs it; nothing at all for clips that fit.
    // Lean mode (software backend): the video item paints the same itself (fillSides).
    ShaderEffectSource {
        id: sideFill
        objectName: "playerSideFill"
        readonly property rect c: video.contentRect
        readonly property real aspect: screen.width / Math.max(1, screen.height)
        readonly property bool narrow: c.width / Math.max(1, c.height) < aspect
        visible: Kiosk.playback.sideFill && !video.lean && c.width > 0 && c.height > 0
                 && (c.width < screen.width * 0.92 || c.height < screen.height * 0.92)
        live: visible
        anchors.fill: parent
        sourceItem: video
        hideSource: false
        smooth: true
        // the middle of the picture, cut to the screen's shape
        sourceRect: narrow ? Qt.rect(c.x, c.y + (c.height - c.width / aspect) / 2, c.width, c.width / aspect)
                           : Qt.rect(c.x + (c.width - c.height * aspect) / 2, c.y, c.height * aspect, c.height)
        textureSize: Qt.size(Math.round(24 * Math.max(1, aspect)), Math.round(24 * Math.max(1, 1 / aspect)))
        Rectangle { anchors.fill: parent; color: "#A6000000" }   // darkened: the clip stays the star
    }

    KioskVideo {
        id: video
        objectName: "playerVideo"
        width: parent.width; height: parent.height
        // follows a swipe a third of the way, then springs back
        y: swipe.active ? swipe.dy / 3 : 0
        Behavior on y { enabled: !swipe.active; NumberAnimation { duration: 150 } }
        fillSides: Kiosk.playback.sideFill
        // A vertical clip in portrait fills the screen, as on a phone. Python decides from the
        // picture's shape, which contentRect keeps whether fitted or cropped; asked after each
        // change, not bound: cropping moves contentRect (the same shape, so the answer holds).
        onContentRectChanged: Qt.callLater(video.decideCrop)
        function decideCrop() {
            crop = Kiosk.playback.cropsToFill(contentRect.width, contentRect.height,
                                              screen.width, screen.height)
        }
        Component.onCompleted: screen.player.setVideoSink(video.videoSink)
        Component.onDestruction: screen.player.setVideoSink(null)
    }

    // Reels-style: swipe up for the next clip (the same rule as autoplay), down for the one
    // before. The picture follows the finger a little and springs back; Python picks the clip.
    DragHandler {
        id: swipe
        objectName: "playerSwipe"
        target: null
        xAxis.enabled: false
        enabled: !screen.endCard
        readonly property real threshold: Math.max(Theme.px(120), screen.height * 0.12)
        // how far the finger went; read while it moves (on release the point is gone)
        property real dy: 0
        // Qt may merge moves and activate only after the last one: read it on activation too
        onCentroidChanged: if (active) dy = centroid.scenePosition.y - centroid.scenePressPosition.y
        onActiveChanged: {
            if (active) { dy = centroid.scenePosition.y - centroid.scenePressPosition.y; return }
            if (dy < -threshold) Kiosk.playback.swipeNext()
            else if (dy > threshold) Kiosk.playback.swipePrevious()
            dy = 0
        }
    }
    // Tap anywhere: show or hide the controls.
    TapHandler {
        enabled: !screen.endCard
        onTapped: { screen.controlsShown = !screen.controlsShown; hideTimer.restart() }
    }
    Timer {
        id: hideTimer
        interval: Kiosk.playback.controlsHideSeconds * 1000
        onTriggered: screen.controlsShown = false
    }

    // Captions: large, on a backdrop, above the controls.
    Rectangle {
        objectName: "captionBox"
        visible: screen.player.captionsOn && caption.text !== "" && !screen.endCard
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom
                  bottomMargin: screen.controlsShown ? Theme.px(220) : Theme.px(70) }
        // as wide as the room between the "Vet!"/sound rail and its mirror on the left: on a
        // portrait screen a long line otherwise runs under the sound button
        readonly property real widest: Math.min(parent.width * 0.86,
                                                parent.width - 2 * (rail.width + Theme.px(40)))
        width: Math.min(widest, caption.implicitWidth + Theme.px(48))
        height: caption.implicitHeight + Theme.px(24)
        radius: Theme.px(12); color: "#C8000000"
        Text {
            id: caption
            objectName: "captionText"
            anchors.centerIn: parent
            width: Math.min(implicitWidth, parent.widest - Theme.px(48))
            text: screen.player.captionText
            color: "white"; font.pixelSize: Theme.fontLarge; font.weight: Font.DemiBold
            horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap
        }
    }

    // A broken clip: a short friendly message, then the player moves on by itself.
    Rectangle {
        objectName: "playerError"
        visible: screen.player.errorText !== ""
        anchors.centerIn: parent
        width: errorText.implicitWidth + Theme.px(80); height: errorText.implicitHeight + Theme.px(60)
        radius: Theme.radius; color: Theme.surface
        Text { id: errorText; anchors.centerIn: parent; text: screen.player.errorText
               color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.Bold }
    }

    // A small code to take the episode along, on the right but below the clip's top corner,
    // where clips carry their own label (series, channel); portrait: above the picture.
    QrCode {
        id: episodeCode
        objectName: "qr_episode"
        visible: !screen.endCard && payload !== ""
        anchors { right: parent.right; top: parent.top; margins: Theme.px(28) }
        // ...and above the "Vet!"/sound rail with a strip of video between: with the controls
        // shown in landscape the rail moves up and the heart met the card
        anchors.topMargin: Math.max(Theme.px(28), Math.min(
                               video.contentRect.y >= height + Theme.px(56)
                               ? (video.contentRect.y - height) / 2
                               : video.contentRect.y + video.contentRect.height * 0.22,
                               rail.y - Theme.px(24) - height))
        payload: Kiosk.playback.current.link || ""
        size: Theme.px(240)
        label: qsTr("Op je telefoon")
        opacity: Kiosk.renderMode.lean ? 1 : 0.9   // a blend over video costs on a software renderer
    }

    // Always in reach on the right, as on a phone: "Vet!" and the sound.
    Column {
        id: rail
        visible: !screen.endCard
        anchors { right: parent.right; rightMargin: Theme.px(28); bottom: parent.bottom
                  bottomMargin: (screen.controlsShown ? controls.height : 0) + Theme.px(40) }
        spacing: Theme.px(20)
        RoundButton {
            objectName: "playerLike"
            icon: "heart"
            label: qsTr("Vet!")
            on: Kiosk.playback.liked
            onClicked: Kiosk.playback.like()
        }
        RoundButton {
            objectName: "playerSound"
            // a clip without a sound track has nothing to switch
            visible: Kiosk.playback.current.hasAudio === true
            icon: screen.player.muted ? "soundOff" : "sound"
            label: screen.player.muted ? qsTr("Geluid aan") : qsTr("Geluid uit")
            onClicked: Kiosk.playback.toggleSound()
        }
    }

    // Controls
    Rectangle {
        id: controls
        visible: screen.controlsShown && !screen.endCard
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        // portrait is narrow: the progress bar gets its own line above the buttons
        height: Theme.portrait ? Theme.px(190) + Theme.touchMin : Theme.px(190)
        gradient: Gradient {
            GradientStop { position: 0.0; color: "#00000000" }
            GradientStop { position: 1.0; color: "#E6000000" }
        }
        Row {
            id: buttons
            anchors { left: parent.left; bottom: parent.bottom; margins: Theme.px(28) }
            spacing: Theme.px(Theme.portrait ? 12 : 20)
            PillButton {
                objectName: "playerBack"
                text: qsTr("Terug")
                fill: Theme.surface; ink: Theme.text
                onClicked: Kiosk.playback.back()
            }
            PillButton {
                objectName: "playerPause"
                text: screen.player.state === "paused" ? qsTr("Verder") : qsTr("Pauze")
                onClicked: { screen.player.state === "paused" ? screen.player.resume() : screen.player.pause(); hideTimer.restart() }
            }
            PillButton {
                objectName: "playerCaptions"
                text: screen.player.captionsOn ? qsTr("Ondertiteling uit") : qsTr("Ondertiteling aan")
                fill: Theme.surface; ink: Theme.text
                onClicked: { screen.player.toggleCaptions(); hideTimer.restart() }
            }
            PillButton {
                objectName: "playerHome"
                text: qsTr("Home")
                fill: Theme.surface; ink: Theme.text
                onClicked: Kiosk.controller.goHome()
            }
        }
        // Progress bar you can drag.
        Item {
            id: bar
            objectName: "playerProgress"
            x: Theme.portrait ? Theme.px(40) : buttons.x + buttons.width + Theme.px(40)
            y: Theme.portrait ? buttons.y - height - Theme.px(8) : buttons.y + (buttons.height - height) / 2
            width: parent.width - x - Theme.px(40)
            height: Theme.touchMin
            // Follows the position only while shown: position reports come between video
            // frames, and moving even a hidden bar makes the window draw an extra frame.
            readonly property real fraction: controls.visible && screen.player.duration > 0
                                             ? Math.min(1, screen.player.position / screen.player.duration) : 0
            Rectangle { anchors.verticalCenter: parent.verticalCenter; width: parent.width; height: Theme.px(10)
                        radius: height / 2; color: "#55FFFFFF" }
            Rectangle { anchors.verticalCenter: parent.verticalCenter; width: parent.width * bar.fraction
                        height: Theme.px(10); radius: height / 2; color: Theme.accent }
            Rectangle { x: parent.width * bar.fraction - width / 2; anchors.verticalCenter: parent.verticalCenter
                        width: Theme.px(36); height: width; radius: width / 2; color: Theme.accent }
            function seekTo(px) {
                screen.player.seek(Math.max(0, Math.min(1, px / width)) * screen.player.duration)
                hideTimer.restart()
            }
            TapHandler { gesturePolicy: TapHandler.WithinBounds; onTapped: (point) => bar.seekTo(point.position.x) }
            DragHandler {
                target: null; xAxis.enabled: true; yAxis.enabled: false
                onCentroidChanged: if (active) bar.seekTo(centroid.position.x)
            }
        }
    }

    NextUpCard {
        anchors.fill: parent
        visible: screen.endCard
    }
}
