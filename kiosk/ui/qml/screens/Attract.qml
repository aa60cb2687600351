import QtQuick
import QtMultimedia
import "../components"

// Attract: a lively loop and "Tik om te beginnen". A touch anywhere starts a new visit.
Item {
    id: attract
    objectName: "attractScreen"

    // The featured clips loop silently behind everything (the same player facade, muted).
    VideoOutput {
        id: loop
        objectName: "attractVideo"
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectCrop
        Component.onCompleted: playback.player.setVideoSink(loop.videoSink)
        Component.onDestruction: playback.player.setVideoSink(null)
    }
    readonly property bool clipsPlaying: playback.player.state === "playing"
    Rectangle {
        anchors.fill: parent
        gradient: Gradient {
            GradientStop { position: 0.0; color: "#730E1633" }
            GradientStop { position: 0.55; color: "#D90E1633" }
            GradientStop { position: 1.0; color: "#F20E1633" }
        }
    }

    // Moving colour blobs: visibly alive when there are no clips to loop.
    Repeater {
        model: attract.clipsPlaying ? [] : [Theme.teal, Theme.coral, Theme.violet, Theme.sky]
        Rectangle {
            required property color modelData
            required property int index
            width: Theme.px(520); height: width; radius: width / 2
            color: modelData; opacity: 0.22
            x: attract.width * (0.1 + 0.22 * index) - width / 2
            y: attract.height * 0.5 - height / 2
            SequentialAnimation on y {
                loops: Animation.Infinite
                NumberAnimation { to: attract.height * (0.15 + 0.1 * index); duration: 3200 + 400 * index; easing.type: Easing.InOutSine }
                NumberAnimation { to: attract.height * (0.75 - 0.08 * index); duration: 3600 + 300 * index; easing.type: Easing.InOutSine }
            }
        }
    }

    Column {
        anchors.centerIn: parent
        width: parent.width * 0.86
        spacing: Theme.gap * 1.5
        Text {
            width: parent.width; horizontalAlignment: Text.AlignHCenter
            text: "BLIQ"
            color: Theme.accent; font.pixelSize: Theme.px(200); font.weight: Font.Black
        }
        Text {
            width: parent.width; horizontalAlignment: Text.AlignHCenter
            text: qsTr("Een nieuwe blik op techniek")
            color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Bold
            wrapMode: Text.WordWrap
        }
        Text {
            width: parent.width; horizontalAlignment: Text.AlignHCenter
            text: qsTr("Kijk video's van jongeren in de techniek en ontdek welk beroep bij jou past")
            color: Theme.textDim; font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }
        Item { width: 1; height: Theme.gap }
        PillButton {
            id: startButton
            objectName: "startButton"
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Tik om te beginnen")
            fontSize: Theme.fontLarge
            height: Theme.touchMin * 1.3
            onClicked: controller.start()
            SequentialAnimation on scale {
                loops: Animation.Infinite
                NumberAnimation { to: 1.06; duration: 700; easing.type: Easing.InOutQuad }
                NumberAnimation { to: 1.0; duration: 700; easing.type: Easing.InOutQuad }
            }
        }
    }

    // A tap anywhere else starts too.
    TapHandler { onTapped: controller.start() }
}
