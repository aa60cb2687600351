pragma Singleton
import QtQuick

// The series look: colours, sizes and fonts every screen uses.
// `scale` is set by Main.qml from the window's short side (1.0 at 1080 px).
QtObject {
    property real scale: 1.0
    property bool portrait: false

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

    readonly property string fontFamily: Qt.application.font.family

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
