import QtQuick

// A card's or job's picture; without one, a neutral generated placeholder: a pictogram on a
// tinted panel (the pictogram is chosen in Python, QML never sees a card's type or domain).
Rectangle {
    id: art
    property string image: ""
    // the next picture to try when `image` cannot be shown (a job card: the role model's face
    // first, then the job's own picture); the pictogram comes last
    property string fallback: ""
    property string art: "spark"
    property color tint: Theme.surface
    property color ink: Theme.inkOnAccent
    // show the whole picture, never a crop of it: a clip's thumbnail carries its own name and job
    // burned in at a place the kiosk cannot know (low on one series, in the middle on another),
    // so any band cut from it halves that label on some clip; the sides show the tint (a dimmed
    // copy of the picture there showed half a label again, larger)
    property bool whole: false
    // true once the picture itself is on screen; false while the pictogram stands in for it
    // (none given, still loading, or a file Qt cannot read)
    readonly property bool pictureShown: photo.status === Image.Ready
    radius: Theme.radius
    color: tint
    clip: true

    Canvas {
        id: pictogram
        visible: photo.status !== Image.Ready
        anchors.centerIn: parent
        width: Math.min(parent.width, parent.height) * 0.62; height: width
        onWidthChanged: requestPaint()
        Connections { target: art; function onArtChanged() { pictogram.requestPaint() } }
        onPaint: {
            var c = getContext("2d"); var w = width, h = height
            c.reset(); c.fillStyle = art.ink; c.strokeStyle = art.ink
            c.lineWidth = Math.max(2, w * 0.07); c.lineCap = "round"; c.lineJoin = "round"
            var a = art.art
            if (a === "house") {
                c.beginPath(); c.moveTo(w*0.12, h*0.5); c.lineTo(w*0.5, h*0.16); c.lineTo(w*0.88, h*0.5); c.stroke()
                c.strokeRect(w*0.24, h*0.5, w*0.52, h*0.36); c.fillRect(w*0.44, h*0.64, w*0.13, h*0.22)
            } else if (a === "bolt") {
                c.beginPath(); c.moveTo(w*0.58, h*0.08); c.lineTo(w*0.24, h*0.56); c.lineTo(w*0.48, h*0.56)
                c.lineTo(w*0.4, h*0.92); c.lineTo(w*0.76, h*0.42); c.lineTo(w*0.52, h*0.42); c.closePath(); c.fill()
            } else if (a === "drop") {
                c.beginPath(); c.moveTo(w*0.5, h*0.1)
                c.bezierCurveTo(w*0.78, h*0.44, w*0.84, h*0.56, w*0.8, h*0.66)
                c.arc(w*0.5, h*0.64, w*0.3, 0.07, Math.PI - 0.07)
                c.bezierCurveTo(w*0.16, h*0.56, w*0.22, h*0.44, w*0.5, h*0.1); c.fill()
            } else if (a === "gear") {
                c.save(); c.translate(w*0.5, h*0.5)
                for (var i = 0; i < 8; i++) { c.rotate(Math.PI / 4); c.fillRect(-w*0.07, -h*0.42, w*0.14, h*0.2) }
                c.restore()
                c.beginPath(); c.arc(w*0.5, h*0.5, w*0.28, 0, Math.PI*2); c.fill()
                c.fillStyle = art.tint; c.beginPath(); c.arc(w*0.5, h*0.5, w*0.11, 0, Math.PI*2); c.fill()
            } else if (a === "wheel") {
                c.beginPath(); c.arc(w*0.5, h*0.5, w*0.38, 0, Math.PI*2); c.stroke()
                c.beginPath(); c.arc(w*0.5, h*0.5, w*0.09, 0, Math.PI*2); c.fill()
                for (var k = 0; k < 5; k++) {
                    var r = k * 2 * Math.PI / 5
                    c.beginPath(); c.moveTo(w*0.5, h*0.5)
                    c.lineTo(w*0.5 + Math.cos(r)*w*0.38, h*0.5 + Math.sin(r)*h*0.38); c.stroke()
                }
            } else if (a === "screen") {
                c.strokeRect(w*0.12, h*0.18, w*0.76, h*0.5); c.fillRect(w*0.42, h*0.68, w*0.16, h*0.12)
                c.fillRect(w*0.3, h*0.8, w*0.4, h*0.06)
                c.beginPath(); c.moveTo(w*0.42, h*0.32); c.lineTo(w*0.62, h*0.43); c.lineTo(w*0.42, h*0.54); c.closePath(); c.fill()
            } else if (a === "ship") {
                c.beginPath(); c.moveTo(w*0.08, h*0.56); c.lineTo(w*0.92, h*0.56); c.lineTo(w*0.76, h*0.76)
                c.lineTo(w*0.24, h*0.76); c.closePath(); c.fill()
                c.fillRect(w*0.3, h*0.36, w*0.34, h*0.2); c.fillRect(w*0.56, h*0.2, w*0.08, h*0.16)
                c.beginPath(); c.moveTo(w*0.06, h*0.88)
                c.bezierCurveTo(w*0.25, h*0.8, w*0.35, h*0.96, w*0.5, h*0.88)
                c.bezierCurveTo(w*0.65, h*0.8, w*0.75, h*0.96, w*0.94, h*0.88); c.stroke()
            } else if (a === "heart") {
                c.beginPath(); c.moveTo(w*0.5, h*0.86)
                c.bezierCurveTo(w*0.08, h*0.56, w*0.1, h*0.14, w*0.5, h*0.3)
                c.bezierCurveTo(w*0.9, h*0.14, w*0.92, h*0.56, w*0.5, h*0.86); c.fill()
            } else if (a === "cross") {
                c.lineWidth = w * 0.16
                c.beginPath(); c.moveTo(w*0.22, h*0.22); c.lineTo(w*0.78, h*0.78)
                c.moveTo(w*0.78, h*0.22); c.lineTo(w*0.22, h*0.78); c.stroke()
            } else if (a === "undo") {
                c.lineWidth = w * 0.12
                c.beginPath(); c.arc(w*0.52, h*0.56, w*0.3, Math.PI * 1.1, Math.PI * 0.55, false); c.stroke()
                c.beginPath(); c.moveTo(w*0.06, h*0.36); c.lineTo(w*0.34, h*0.2); c.lineTo(w*0.36, h*0.52); c.closePath(); c.fill()
            } else {  // spark: the neutral placeholder
                c.beginPath()
                for (var s = 0; s < 8; s++) {
                    var ang = s * Math.PI / 4, rr = (s % 2 === 0) ? 0.42 : 0.14
                    c.lineTo(w*0.5 + Math.cos(ang)*w*rr, h*0.5 + Math.sin(ang)*h*rr)
                }
                c.closePath(); c.fill()
            }
        }
    }

    Image {
        id: photo
        objectName: "artPhoto"
        // a file Qt cannot read moves on to the fallback, once
        property bool failed: false
        anchors.fill: parent
        source: failed && art.fallback !== "" ? art.fallback : art.image
        onStatusChanged: if (status === Image.Error && !failed && art.fallback !== "") failed = true
        Connections { target: art; function onImageChanged() { photo.failed = false } }
        visible: status === Image.Ready
        fillMode: art.whole ? Image.PreserveAspectFit : Image.PreserveAspectCrop
        sourceSize.width: width
        asynchronous: true
    }
}
