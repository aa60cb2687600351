import QtQuick

// Simple vector icons drawn on a Canvas, so no icon font or emoji font is needed.
Canvas {
    id: icon
    property string name: "play"
    property color color: "white"
    implicitWidth: 96; implicitHeight: 96
    onNameChanged: requestPaint()
    onColorChanged: requestPaint()
    onWidthChanged: requestPaint()
    onPaint: {
        var c = getContext("2d"); var w = width, h = height
        c.reset(); c.fillStyle = color; c.strokeStyle = color
        c.lineWidth = Math.max(2, w * 0.08); c.lineCap = "round"; c.lineJoin = "round"
        if (name === "play") {
            c.beginPath(); c.moveTo(w*0.3, h*0.2); c.lineTo(w*0.82, h*0.5); c.lineTo(w*0.3, h*0.8); c.closePath(); c.fill()
        } else if (name === "cards") {
            c.save(); c.translate(w*0.5, h*0.55); c.rotate(-0.25)
            c.strokeRect(-w*0.22, -h*0.3, w*0.44, h*0.6); c.restore()
            c.save(); c.translate(w*0.55, h*0.5); c.rotate(0.18)
            c.fillRect(-w*0.22, -h*0.3, w*0.44, h*0.6); c.restore()
        } else if (name === "building") {
            // a factory hall: saw-tooth roof, chimney, windows cut out
            c.beginPath(); c.moveTo(w*0.12, h*0.85); c.lineTo(w*0.12, h*0.45); c.lineTo(w*0.32, h*0.32)
            c.lineTo(w*0.32, h*0.45); c.lineTo(w*0.52, h*0.32); c.lineTo(w*0.52, h*0.45)
            c.lineTo(w*0.70, h*0.32); c.lineTo(w*0.70, h*0.15); c.lineTo(w*0.82, h*0.15)
            c.lineTo(w*0.82, h*0.85); c.closePath(); c.fill()
            c.clearRect(w*0.2, h*0.55, w*0.12, h*0.1); c.clearRect(w*0.4, h*0.55, w*0.12, h*0.1)
            c.clearRect(w*0.6, h*0.62, w*0.12, h*0.23)
        } else if (name === "people") {
            c.beginPath(); c.arc(w*0.35, h*0.32, w*0.13, 0, Math.PI*2); c.fill()
            c.beginPath(); c.arc(w*0.68, h*0.38, w*0.11, 0, Math.PI*2); c.fill()
            c.beginPath(); c.arc(w*0.35, h*0.85, w*0.25, Math.PI, 0); c.fill()
            c.beginPath(); c.arc(w*0.68, h*0.85, w*0.2, Math.PI, 0); c.fill()
        } else if (name === "home") {
            c.beginPath(); c.moveTo(w*0.15, h*0.5); c.lineTo(w*0.5, h*0.18); c.lineTo(w*0.85, h*0.5); c.stroke()
            c.fillRect(w*0.27, h*0.5, w*0.46, h*0.34)
        } else if (name === "qr") {
            // three finder squares and a few modules: "scan this"
            var q = w * 0.26
            c.lineWidth = Math.max(2, w * 0.07)
            c.strokeRect(w*0.12, h*0.12, q, q); c.strokeRect(w*0.62, h*0.12, q, q); c.strokeRect(w*0.12, h*0.62, q, q)
            c.fillRect(w*0.62, h*0.62, w*0.1, h*0.1); c.fillRect(w*0.78, h*0.78, w*0.1, h*0.1)
            c.fillRect(w*0.62, h*0.8, w*0.08, h*0.08); c.fillRect(w*0.8, h*0.62, w*0.08, h*0.08)
        } else if (name === "heart") {
            c.beginPath(); c.moveTo(w*0.5, h*0.85)
            c.bezierCurveTo(w*0.05, h*0.55, w*0.1, h*0.12, w*0.5, h*0.32)
            c.bezierCurveTo(w*0.9, h*0.12, w*0.95, h*0.55, w*0.5, h*0.85); c.fill()
        } else if (name === "sound" || name === "soundOff") {
            // a loudspeaker; with waves when on, crossed out when off
            c.beginPath(); c.moveTo(w*0.12, h*0.38); c.lineTo(w*0.3, h*0.38); c.lineTo(w*0.52, h*0.18)
            c.lineTo(w*0.52, h*0.82); c.lineTo(w*0.3, h*0.62); c.lineTo(w*0.12, h*0.62); c.closePath(); c.fill()
            if (name === "sound") {
                c.beginPath(); c.arc(w*0.52, h*0.5, w*0.18, -0.8, 0.8); c.stroke()
                c.beginPath(); c.arc(w*0.52, h*0.5, w*0.34, -0.8, 0.8); c.stroke()
            } else {
                c.beginPath(); c.moveTo(w*0.64, h*0.36); c.lineTo(w*0.9, h*0.64); c.stroke()
                c.beginPath(); c.moveTo(w*0.9, h*0.36); c.lineTo(w*0.64, h*0.64); c.stroke()
            }
        } else if (name === "hand") {
            c.beginPath(); c.arc(w*0.5, h*0.5, w*0.18, 0, Math.PI*2); c.fill()
            c.beginPath(); c.arc(w*0.5, h*0.5, w*0.36, 0, Math.PI*2); c.stroke()
        }
    }
}
