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
    height: disc.height + word.height + Theme.px(10)
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
    // the word on a dark pill, as the player's captions: white text straight on a bright
    // frame or a clip's burned-in timecode was hard to read
    Rectangle {
        anchors { horizontalCenter: word.horizontalCenter; verticalCenter: word.verticalCenter }
        width: word.contentWidth + Theme.px(20); height: word.contentHeight + Theme.px(8)
        radius: height / 2; color: "#C8000000"
        visible: button.label !== ""
    }
    Text {
        id: word
        anchors { top: disc.bottom; topMargin: Theme.px(10); horizontalCenter: parent.horizontalCenter }
        width: parent.width; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap
        text: button.label
        color: "white"; style: Text.Outline; styleColor: "#99000000"
        font.pixelSize: Theme.fontSmall; font.weight: Font.Bold
    }
    TapHandler { id: tap; gesturePolicy: TapHandler.ReleaseWithinBounds; onTapped: button.clicked() }
}
