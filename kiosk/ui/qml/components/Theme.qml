pragma Singleton
import QtQuick

// The series look: colours, sizes and fonts every screen uses.
// `scale` is set by Main.qml from the window's short side (1.0 at 1080 px).
QtObject {
    property real scale: 1.0
    property bool portrait: false
    property real windowHeight: 1080

    // Reach: on a portrait screen everything a visitor touches lies in the lower 60 %
    // (mounted as docs/setup.md says, that is 0.38–1.22 m from the floor). `reachTop` is where
    // that zone starts; screens keep their controls below it. Landscape: the whole screen.
    readonly property real reachTop: portrait ? Math.ceil(windowHeight * 0.4) : 0
    // Portrait: Home and the language sit in a bar at the bottom; screens leave it this much room.
    readonly property int barSpace: portrait ? touchMin + 2 * px(28) : 0
    // Landscape: Home and the language sit top right; headers leave them this much room.
    readonly property int topBarSpace: portrait ? 0 : px(540)

    readonly property color background: "#0E1633"
    readonly property color surface: "#1B2550"
    readonly property color text: "#FFFFFF"
    readonly property color textDim: "#B8C0E0"
    readonly property color accent: "#FFD23F"      // BLIQ yellow
    readonly property color teal: "#17D4B4"
    readonly property color coral: "#FF6B5A"
    readonly property color violet: "#8C6BFF"
    readonly property color sky: "#3DA5FF"
    readonly property color inkOnAccent: "#0E1633"
    // Colours for things that have no picture of their own (logo badge, episode placeholder),
    // picked by a stable index from the item's id (kiosk.core.screen_texts.colour_index).
    readonly property var idColours: [teal, coral, violet, sky, accent]

    function px(v) { return Math.round(v * scale) }
    readonly property int radius: px(28)
    readonly property int margin: px(48)
    readonly property int gap: px(28)
    readonly property int touchMin: px(110)         // ≥ 15 mm on a 24–55" screen at 1080p
    readonly property int fontHuge: px(96)
    readonly property int fontTitle: px(64)
    readonly property int fontLarge: px(44)
    readonly property int fontBody: px(32)
    readonly property int fontSmall: px(24)
}
