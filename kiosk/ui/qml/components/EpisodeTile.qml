import QtQuick
import Kiosk

// One episode: thumbnail, title, the job it shows, duration, and "Nieuw" when the pack says so.
// Without a thumbnail (none in the pack, or not made yet) the tile shows the series' colour
// with the series and episode title: designed, never an empty grey box.
Item {
    id: tile
    property var episode: ({})
    // started in this visit (Kiosk.playback.watched): a "Gezien" mark, and no longer "Nieuw"
    readonly property bool watched: Kiosk.playback.watched.indexOf(episode.id || "") >= 0
    signal clicked()
    readonly property real lineFactor: 1.3
    // thumbnail + up to two title lines + up to two lines for the job; every tile in a row the same
    width: Theme.px(440)
    height: frame.height + Theme.px(16) + Math.ceil(titleText.font.pixelSize * lineFactor * 2)
            + Math.ceil(jobText.font.pixelSize * lineFactor * 2)
    scale: tap.pressed ? 0.97 : 1.0
    Behavior on scale { NumberAnimation { duration: 60 } }

    Rectangle {
        id: frame
        width: parent.width; height: width * 9 / 16
        radius: Theme.px(20); color: Theme.surface; clip: true
        Rectangle {
            id: placeholder
            objectName: "episodePlaceholder_" + (tile.episode.id || "")
            anchors.fill: parent
            visible: thumb.status !== Image.Ready
            color: Theme.idColours[(tile.episode.colourIndex || 0) % Theme.idColours.length]
            Column {
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                          margins: Theme.px(24) }
                spacing: Theme.px(6)
                Text {
                    width: parent.width; wrapMode: Text.WordWrap; maximumLineCount: 1; elide: Text.ElideRight
                    text: (tile.episode.seriesTitle || "").toUpperCase()
                    // a narrow tile (the parents' screen in portrait) shrinks a long series name
                    fontSizeMode: Text.HorizontalFit; minimumPixelSize: Math.round(Theme.fontSmall * 0.6)
                    color: Theme.inkOnAccent; font.pixelSize: Theme.fontSmall; font.weight: Font.Black
                    font.letterSpacing: Theme.px(2)
                }
                Text {
                    width: parent.width; wrapMode: Text.WordWrap; maximumLineCount: 3; elide: Text.ElideRight
                    text: tile.episode.title || ""
                    color: Theme.inkOnAccent; font.pixelSize: Math.max(Theme.fontBody, tile.width * 0.07)
                    font.weight: Font.Black
                }
            }
        }
        Image {
            id: thumb
            objectName: "tileThumb_" + (tile.episode.id || "")
            anchors.fill: parent
            source: tile.episode.thumbnail || Kiosk.catalog.thumbs[tile.episode.id || ""] || ""
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
            sourceSize.width: tile.width
        }
        // watched: a teal bar along the foot of the picture (as on YouTube), never over its words
        Rectangle {
            objectName: "watchedMark_" + (tile.episode.id || "")
            visible: tile.watched
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            height: Theme.px(10); color: Theme.teal
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
            width: Theme.px(64); height: width; radius: width / 2
            color: placeholder.visible ? Theme.background : Theme.accent
            Icon { anchors.centerIn: parent; anchors.horizontalCenterOffset: Theme.px(3)
                   name: "play"; color: placeholder.visible ? Theme.accent : Theme.inkOnAccent
                   width: Theme.px(40); height: width }
        }
    }
    Text {
        id: titleText
        anchors { left: parent.left; right: parent.right; top: frame.bottom; topMargin: Theme.px(12) }
        // "Nieuw" leads the title, under the picture: on the picture it hid the clip's own label
        textFormat: Text.StyledText
        text: (tile.episode.isNew === true && !tile.watched
               ? "<font color=\"" + Theme.accent + "\">" + qsTr("Nieuw") + "</font> · " : "")
              + (tile.episode.title || "").replace(/&/g, "&amp;").replace(/</g, "&lt;")
        color: Theme.text; font.pixelSize: Theme.fontBody - Theme.px(2); font.weight: Font.Bold
        elide: Text.ElideRight; maximumLineCount: 2; wrapMode: Text.WordWrap
    }
    Text {
        id: jobText
        anchors { left: parent.left; right: parent.right; top: titleText.bottom; topMargin: Theme.px(4) }
        // a clip without role model or jobs (a school's promo) shows its title only
        text: [tile.watched ? "✓ " + qsTr("Gezien") : "", tile.episode.roleModel || "",
               tile.episode.job || ""].filter(s => s !== "").join(" · ")
        visible: text !== ""
        // the two lines the tile keeps for it: a longer line gets smaller, not cut off
        height: Math.ceil(Theme.fontSmall * tile.lineFactor * 2)
        fontSizeMode: Text.Fit; minimumPixelSize: Math.round(Theme.fontSmall * 0.7)
        verticalAlignment: Text.AlignTop
        color: Theme.textDim; font.pixelSize: Theme.fontSmall
        elide: Text.ElideRight; maximumLineCount: 2; wrapMode: Text.WordWrap
    }
    TapHandler { id: tap; onTapped: tile.clicked() }
}
