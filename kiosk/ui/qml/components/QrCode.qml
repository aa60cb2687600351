import QtQuick

// A QR code on a white card with a short label under it.
// The user of this component names it `qr_<purpose>`; tests find it by that name and compare
// the decoded pixels with `payload`. Dark on light whatever the theme: phones need it.
Item {
    id: root

    property string payload: ""
    property string label: qsTr("Scan met je camera")
    property int size: 240          // code side in px; see kiosk.core.qr_image.qr_size_px

    readonly property int padding: Math.round(size * 0.06)

    visible: payload !== ""
    // Only draws: Python records each time a code is put on screen (kiosk.visit.screen_codes).
    implicitWidth: card.width
    implicitHeight: card.height

    Rectangle {
        id: card
        color: "#ffffff"
        radius: root.padding
        width: root.size + 2 * root.padding
        height: code.height + (caption.visible ? caption.height + root.padding : 0)
                + 2 * root.padding

        Image {
            id: code
            x: root.padding
            y: root.padding
            width: root.size
            height: root.size
            sourceSize: Qt.size(root.size, root.size)
            // Whole pixels per module: no smoothing, no mipmaps, never stretched.
            smooth: false
            mipmap: false
            fillMode: Image.PreserveAspectFit
            source: root.payload === "" ? "" : "image://qr/" + encodeURIComponent(root.payload)
        }

        Text {
            id: caption
            visible: text !== ""
            anchors.top: code.bottom
            anchors.topMargin: root.padding
            anchors.horizontalCenter: parent.horizontalCenter
            width: root.size
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: root.label
            color: "#1a1a1a"
            font.pixelSize: Math.max(14, Math.round(root.size * 0.085))
            font.bold: true
        }
    }
}
