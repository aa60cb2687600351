import QtQuick

// A big round button with a pictogram and a word under it (like, nope, undo).
Item {
    id: button
    property string icon: "heart"
    property alias text: label.text
    property color fill: Theme.teal
    property color ink: Theme.inkOnAccent
    property real diameter: Theme.touchMin * 1.2
    signal clicked()
    implicitWidth: Math.max(diameter, label.implicitWidth)
    implicitHeight: diameter + Theme.px(8) + label.implicitHeight
    opacity: enabled ? 1 : 0.35

    Rectangle {
        id: circle
        anchors.horizontalCenter: parent.horizontalCenter
        width: button.diameter; height: width; radius: width / 2
        color: tap.pressed ? Qt.darker(button.fill, 1.2) : button.fill
        scale: tap.pressed ? 0.92 : 1.0
        Behavior on scale { NumberAnimation { duration: 60 } }
        GameArt {
            anchors.centerIn: parent
            width: parent.width * 0.62; height: width
            color: "transparent"; art: button.icon; ink: button.ink
        }
    }
    Text {
        id: label
        anchors { top: circle.bottom; topMargin: Theme.px(8); horizontalCenter: parent.horizontalCenter }
        color: Theme.text; font.pixelSize: Theme.fontSmall; font.weight: Font.Bold
    }
    TapHandler { id: tap; gesturePolicy: TapHandler.ReleaseWithinBounds; onTapped: button.clicked() }
}
