pragma ComponentBehavior: Bound
import QtQuick
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
    // No video item before there is a player (Kiosk.playback comes right after attract's first
    // frame, kiosk.app): making one starts Qt's multimedia, which that frame does without.
    readonly property bool ready: !!Kiosk.playback
    readonly property var picture: !ready ? null : lean ? Kiosk.renderMode.video : gpuVideo.item  // LeanVideo or VideoOutput
    readonly property var videoSink: picture ? picture.videoSink : null
    readonly property rect contentRect: picture ? picture.contentRect : Qt.rect(0, 0, 0, 0)

    Loader {
        id: gpuVideo
        anchors.fill: parent
        active: !root.lean && root.ready
        source: "GpuVideo.qml"
    }
    Binding { target: gpuVideo.item; property: "crop"; value: root.crop; when: gpuVideo.item !== null }
    Component.onCompleted: take()
    onReadyChanged: take()
    function take() {
        if (!root.lean || !root.ready)
            return
        const shared = Kiosk.renderMode.video
        if (shared.parent === root)
            return
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
