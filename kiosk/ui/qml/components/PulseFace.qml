import QtQuick

// One of the question's five faces, drawn (no emoji font needed): 1 = sad … 5 = beaming.
// A big round target; `tapped` fires once per tap, the bridge decides whether it counts.
Item {
    id: face
    property int value: 3
    property bool chosen: false
    signal tapped()
    readonly property var fills: ["#FF6B5A", "#FF9F5A", "#FFD23F", "#9BE15D", "#17D4B4"]
    implicitWidth: 180; implicitHeight: implicitWidth

    Canvas {
        id: art
        anchors.fill: parent
        scale: tap.pressed ? 0.92 : (face.chosen ? 1.08 : 1.0)
        Behavior on scale { NumberAnimation { duration: 60 } }
        onWidthChanged: requestPaint()
        onPaint: {
            var c = getContext("2d"); var w = width, h = height
            c.reset()
            c.fillStyle = face.fills[face.value - 1]
            c.beginPath(); c.arc(w / 2, h / 2, w * 0.48, 0, 2 * Math.PI); c.fill()
            c.fillStyle = "#0E1633"; c.strokeStyle = "#0E1633"
            c.beginPath(); c.arc(w * 0.35, h * 0.40, w * 0.055, 0, 2 * Math.PI); c.fill()
            c.beginPath(); c.arc(w * 0.65, h * 0.40, w * 0.055, 0, 2 * Math.PI); c.fill()
            // the mouth bends from a frown (1) through a straight line (3) to a smile (5)
            var bend = (face.value - 3) / 2 * h * 0.14
            c.lineWidth = Math.max(3, w * 0.06); c.lineCap = "round"
            c.beginPath(); c.moveTo(w * 0.30, h * 0.66 - bend / 2)
            c.quadraticCurveTo(w * 0.5, h * 0.66 + bend * 1.5, w * 0.70, h * 0.66 - bend / 2)
            c.stroke()
        }
    }
    Rectangle {  // the chosen face gets a ring: the visitor sees their tap landed
        anchors.centerIn: parent
        width: parent.width * 1.12; height: width; radius: width / 2
        color: "transparent"; border.color: "#FFFFFF"; border.width: Math.max(3, parent.width * 0.03)
        visible: face.chosen
    }
    TapHandler { id: tap; gesturePolicy: TapHandler.ReleaseWithinBounds; onTapped: face.tapped() }
}
