import QtQuick

// A round icon button with a short word under it, for the player's right-hand rail
// (a finger-sized target on a dark disc, readable over any video).
Item {
    id: button
    property string icon: "heart"
    property string label: ""
    property bool on: false          // lit (a "Vet!" given)
    signal clicked()
    width: Theme.touchMin * 1.3
    height: disc.height + word.height + Theme.px(6)
    Rectangle {
        id: disc
        anchors.horizontalCenter: parent.horizontalCenter
        width: Theme.touchMin; height: width; radius: width / 2
        color: button.on ? Theme.coral : (tap.pressed ? "#E6000000" : "#99000000")
        scale: tap.pressed ? 0.92 : 1.0
        Behavior on scale { NumberAnimation { duration: 60 } }
        Icon { anchors.centerIn: parent; name: button.icon; color: "white"
               width: parent.width * 0.55; height: width }
    }
    Text {
        id: word
        anchors { top: disc.bottom; topMargin: Theme.px(6); horizontalCenter: parent.horizontalCenter }
        width: parent.width; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap
        text: button.label
        color: "white"; style: Text.Outline; styleColor: "#99000000"
        font.pixelSize: Theme.fontSmall; font.weight: Font.Bold
    }
    TapHandler { id: tap; gesturePolicy: TapHandler.ReleaseWithinBounds; onTapped: button.clicked() }
}
