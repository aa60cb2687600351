import QtQuick

// A home-screen tile: colour, icon, title and (if any) a short line under it.
Rectangle {
    id: tile
    property alias title: titleText.text
    property alias subtitle: subText.text
    property alias iconName: icon.name
    property color fill: Theme.teal
    signal clicked()
    radius: Theme.radius
    color: tap.pressed ? Qt.darker(fill, 1.15) : fill
    scale: tap.pressed ? 0.97 : 1.0
    Behavior on scale { NumberAnimation { duration: 60 } }
    Icon {
        id: icon
        color: Theme.inkOnAccent
        width: Math.min(parent.width, parent.height) * 0.28; height: width
        anchors { left: parent.left; top: parent.top; margins: Theme.px(36) }
    }
    Column {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.px(36) }
        spacing: Theme.px(8)
        // large, read from a step back; a long word ("techniekberoep" on a narrow tile)
        // makes the font smaller rather than break
        WordFitText {
            id: titleText
            width: parent.width
            color: Theme.inkOnAccent
            size: Theme.fontLarge + Theme.px(10); font.weight: Font.Black
        }
        Text {
            id: subText
            width: parent.width
            visible: text !== ""
            color: Theme.inkOnAccent   // not faded: on violet a faded line falls below 4.5:1
            font.pixelSize: Theme.fontSmall + Theme.px(4)
            wrapMode: Text.WordWrap
        }
    }
    // DragThreshold: a finger that slides (a swipe, a pinch) is not a tap
    TapHandler { id: tap; gesturePolicy: TapHandler.DragThreshold; onTapped: tile.clicked() }
}
