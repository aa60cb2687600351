pragma ComponentBehavior: Bound
import QtQuick
import QtMultimedia
import Kiosk

// The video picture, fitted: Qt's VideoOutput where a GPU scene graph draws (full mode), the
// kiosk's own LeanVideo on Qt Quick's software backend (lean mode), which VideoOutput cannot
// draw on. Both take frames through `videoSink`; `contentRect` is where the picture is.
Item {
    id: root
    readonly property var picture: shown.item   // a LeanVideo or a VideoOutput
    readonly property var videoSink: picture ? picture.videoSink : null
    readonly property rect contentRect: picture ? picture.contentRect : Qt.rect(0, 0, 0, 0)
    readonly property bool lean: Kiosk.renderMode ? Kiosk.renderMode.lean : false
    // lean: a clip of another shape gets its blurred copy on the sides (full mode: the player's
    // ShaderEffectSource does it, which the software backend cannot draw)
    property bool fillSides: false

    Loader {
        id: shown
        anchors.fill: parent
        sourceComponent: root.lean ? leanVideo : gpuVideo
    }
    Component {
        id: leanVideo
        LeanVideo { fillSides: root.fillSides }
    }
    Component {
        id: gpuVideo
        VideoOutput { fillMode: VideoOutput.PreserveAspectFit }
    }
}
