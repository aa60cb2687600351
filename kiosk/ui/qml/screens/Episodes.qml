pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// Episodes: each series (season) is a row of big tiles; swipe sideways in a row, up and down
// between rows. The students' episodes only: the parents' & teachers' clips are on Parents.qml.
Item {
    id: screen
    objectName: "episodesScreen"

    Text {
        id: heading
        anchors { left: parent.left; top: parent.top; margins: Theme.margin }
        anchors.topMargin: Theme.px(40)
        text: qsTr("Kijk video's")
        color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
    }

    ListView {
        id: rowsView
        objectName: "seriesRows"
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom
                  topMargin: Theme.gap; bottomMargin: Theme.barSpace }
        clip: true
        spacing: Theme.gap
        boundsBehavior: Flickable.StopAtBounds
        // A portrait screen is tall and narrow: the rows share its whole height, each with tiles
        // as big as that allows (at most 80 % of the width, so the next tile peeks in: swipe).
        readonly property real rowTitle: Theme.fontLarge * 1.3 + Theme.px(14)
        readonly property real tileText: Theme.px(16) + Math.ceil((Theme.fontBody - Theme.px(2)) * 1.3 * 2)
                                         + Math.ceil(Theme.fontSmall * 1.3 * 2)
        readonly property real rowSpace: (height - spacing * Math.max(0, count - 1)) / Math.max(1, count)
        readonly property real tileWidth: Theme.portrait
            ? Math.max(width * 0.5, Math.min(width * 0.8, (rowSpace - rowTitle - tileText) * 16 / 9))
            : Theme.px(440)
        model: Kiosk.catalog.rows
        delegate: Column {
            id: row
            required property var modelData
            width: rowsView.width
            spacing: Theme.px(14)
            Text {
                x: Theme.margin
                text: row.modelData.title
                color: Theme.accent; font.pixelSize: Theme.fontLarge; font.weight: Font.Bold
            }
            ListView {
                id: tiles
                width: parent.width; height: rowsView.tileWidth * 9 / 16 + rowsView.tileText
                orientation: ListView.Horizontal
                spacing: Theme.gap
                leftMargin: Theme.margin; rightMargin: Theme.margin
                boundsBehavior: Flickable.StopAtBounds
                model: row.modelData.episodes
                delegate: EpisodeTile {
                    required property var modelData
                    objectName: "episodeTile_" + modelData.id
                    width: rowsView.tileWidth
                    episode: modelData
                    onClicked: Kiosk.controller.playEpisode(modelData.id, "tile")
                }
            }
        }
    }
}
