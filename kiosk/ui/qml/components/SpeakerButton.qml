import QtQuick
import Kiosk

// A big round speaker: reads `text` aloud in the visitor's language (Kiosk.readAloud, Qt's own
// text-to-speech); tapped again while it reads, it stops. Python decides whether it may show:
// without a voice for the language, or when the engine failed, it is hidden (never a button
// that does nothing). The user names it `speaker_<kind>`; `kind` says what it reads (card, job,
// details, parents) and is all the kiosk records of it.
Rectangle {
    id: button

    property string text: ""
    property string kind: "card"
    property color fill: "#FFFFFF"
    property color ink: Theme.inkOnAccent
    property bool wanted: true    // the user's own condition (the top card of a deck only)
    readonly property bool reading: Kiosk.readAloud !== null
                                    && Kiosk.readAloud.reading === kind + "\n" + text

    visible: wanted && Kiosk.readAloud !== null && Kiosk.readAloud.available && text !== ""
    implicitWidth: Theme.touchMin
    implicitHeight: Theme.touchMin
    radius: width / 2
    color: tap.pressed ? Qt.darker(fill, 1.15) : (reading ? Theme.accent : fill)
    border.color: Theme.inkOnAccent; border.width: Math.max(2, Math.round(width * 0.03))
    scale: tap.pressed ? 0.94 : 1.0
    Behavior on scale { NumberAnimation { duration: 60 } }
    Accessible.role: Accessible.Button
    Accessible.name: reading ? qsTr("Stop met voorlezen") : qsTr("Lees voor")

    // A speaker with sound waves; while reading, a stop square (tap again to stop).
    Canvas {
        id: art
        anchors.centerIn: parent
        width: parent.width * 0.62; height: width
        property bool reading: button.reading
        property color ink: button.ink
        onReadingChanged: requestPaint()
        onInkChanged: requestPaint()
        onWidthChanged: requestPaint()
        onPaint: {
            var c = getContext("2d"); var w = width, h = height
            c.reset(); c.fillStyle = ink; c.strokeStyle = ink
            c.lineWidth = Math.max(2, w * 0.08); c.lineCap = "round"; c.lineJoin = "round"
            if (reading) {
                c.fillRect(w * 0.25, h * 0.25, w * 0.5, h * 0.5)
                return
            }
            c.beginPath()
            c.moveTo(w * 0.08, h * 0.37); c.lineTo(w * 0.26, h * 0.37); c.lineTo(w * 0.5, h * 0.15)
            c.lineTo(w * 0.5, h * 0.85); c.lineTo(w * 0.26, h * 0.63); c.lineTo(w * 0.08, h * 0.63)
            c.closePath(); c.fill()
            c.beginPath(); c.arc(w * 0.52, h * 0.5, w * 0.2, -Math.PI / 4, Math.PI / 4); c.stroke()
            c.beginPath(); c.arc(w * 0.52, h * 0.5, w * 0.38, -Math.PI / 4, Math.PI / 4); c.stroke()
        }
    }

    // Exclusive grab on press: a card or tile beneath never also sees this tap.
    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: Kiosk.readAloud.read(button.kind, button.text)
    }
}
