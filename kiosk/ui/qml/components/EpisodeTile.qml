import QtQuick

// One episode: thumbnail, title, the job it shows, duration, and "Nieuw" when the pack says so.
Item {
    id: tile
    property var episode: ({})
    signal clicked()
    width: Theme.px(440); height: width * 9 / 16 + Theme.px(112)   // thumbnail + two text lines
    scale: tap.pressed ? 0.97 : 1.0
    Behavior on scale { NumberAnimation { duration: 60 } }

    Rectangle {
        id: frame
        width: parent.width; height: width * 9 / 16
        radius: Theme.px(20); color: Theme.surface; clip: true
        Image {
            anchors.fill: parent
            source: tile.episode.thumbnail || ""
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
            sourceSize.width: tile.width
        }
        Rectangle {
            visible: tile.episode.isNew === true
            anchors { left: parent.left; top: parent.top; margins: Theme.px(14) }
            radius: height / 2; color: Theme.accent
            width: newText.implicitWidth + Theme.px(28); height: newText.implicitHeight + Theme.px(10)
            Text { id: newText; anchors.centerIn: parent; text: qsTr("Nieuw"); color: Theme.inkOnAccent
                   font.pixelSize: Theme.fontSmall; font.weight: Font.Black }
        }
        Rectangle {
            anchors { right: parent.right; bottom: parent.bottom; margins: Theme.px(14) }
            radius: Theme.px(8); color: "#CC000000"
            width: durText.implicitWidth + Theme.px(20); height: durText.implicitHeight + Theme.px(8)
            Text { id: durText; anchors.centerIn: parent; text: tile.episode.duration || ""
                   color: "white"; font.pixelSize: Theme.fontSmall }
        }
        // play badge in a corner, so it never covers the role model's name on the thumbnail
        Rectangle {
            anchors { right: parent.right; top: parent.top; margins: Theme.px(14) }
            width: Theme.px(64); height: width; radius: width / 2; color: Theme.accent
            Icon { anchors.centerIn: parent; anchors.horizontalCenterOffset: Theme.px(3)
                   name: "play"; color: Theme.inkOnAccent; width: Theme.px(40); height: width }
        }
    }
    Text {
        id: titleText
        anchors { left: parent.left; right: parent.right; top: frame.bottom; topMargin: Theme.px(12) }
        text: tile.episode.title || ""
        color: Theme.text; font.pixelSize: Theme.fontBody - Theme.px(2); font.weight: Font.Bold
        elide: Text.ElideRight; maximumLineCount: 2; wrapMode: Text.WordWrap
    }
    Text {
        anchors { left: parent.left; right: parent.right; top: titleText.bottom; topMargin: Theme.px(4) }
        text: (tile.episode.roleModel || "") + " · " + (tile.episode.job || "")
        color: Theme.textDim; font.pixelSize: Theme.fontSmall; elide: Text.ElideRight
    }
    TapHandler { id: tap; onTapped: tile.clicked() }
}
