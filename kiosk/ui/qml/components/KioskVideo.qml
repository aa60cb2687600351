pragma ComponentBehavior: Bound
import QtQuick
import QtMultimedia
import Kiosk

// The video picture, fitted: Qt's VideoOutput where a GPU scene graph draws (full mode), the
// kiosk's own LeanVideo on Qt Quick's software backend (lean mode), which VideoOutput cannot
// draw on. Both take frames through `videoSink`; `contentRect` is where the picture is.
// Lean mode has one LeanVideo for the whole run (Kiosk.renderMode.video): the screen showing
// video takes it over and gives it back when it goes (an item QML made and deleted each visit
// would leave its Python side behind).
Item {
    id: root
    readonly property bool lean: Kiosk.renderMode ? Kiosk.renderMode.lean : false
    // lean: a clip of another shape gets its blurred copy on the sides (full mode: the player's
    // ShaderEffectSource does it, which the software backend cannot draw)
    property bool fillSides: false
    // fill the item, cut at two sides, instead of fitted whole (the player: a vertical clip in
    // portrait); contentRect then reaches past the item
    property bool crop: false
    readonly property var picture: lean ? Kiosk.renderMode.video : gpuVideo.item  // LeanVideo or VideoOutput
    readonly property var videoSink: picture ? picture.videoSink : null
    readonly property rect contentRect: picture ? picture.contentRect : Qt.rect(0, 0, 0, 0)

    Loader {
        id: gpuVideo
        anchors.fill: parent
        active: !root.lean
        sourceComponent: VideoOutput {
            fillMode: root.crop ? VideoOutput.PreserveAspectCrop : VideoOutput.PreserveAspectFit
        }
    }
    Component.onCompleted: {
        if (!root.lean)
            return
        const shared = Kiosk.renderMode.video
        shared.parent = root
        shared.anchors.fill = root
        shared.fillSides = Qt.binding(() => root.fillSides)
        shared.crop = Qt.binding(() => root.crop)
    }
    Component.onDestruction: {
        const shared = root.lean && Kiosk.renderMode ? Kiosk.renderMode.video : null
        if (shared && shared.parent === root) {
            shared.release()   // its last frame would hold that clip's decoder buffers
            shared.fillSides = false
            shared.crop = false
            shared.anchors.fill = undefined
            shared.parent = null
        }
    }
}
