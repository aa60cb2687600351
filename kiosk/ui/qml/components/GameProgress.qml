import QtQuick

// "7 van 20" and a bar that fills up; during the duels at the end a word instead of a count
// (the game decides how many it needs, so "21 van 21" would not be true).
Item {
    id: bar
    property int answered: 0
    property int total: 1
    property string note: ""
    implicitHeight: count.implicitHeight + Theme.px(22)
    Text {
        id: count
        anchors { right: parent.right; top: parent.top }
        text: bar.note !== "" ? bar.note
                              : qsTr("%1 van %2").arg(Math.min(bar.answered + 1, bar.total)).arg(bar.total)
        color: Theme.textDim; font.pixelSize: Theme.fontSmall; font.weight: Font.Bold
    }
    Rectangle {
        id: track
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Theme.px(14); radius: height / 2
        color: Theme.surface
        Rectangle {
            width: parent.width * Math.min(1, bar.answered / Math.max(1, bar.total))
            height: parent.height; radius: height / 2
            color: Theme.accent
            Behavior on width { NumberAnimation { duration: 160 } }
        }
    }
}
