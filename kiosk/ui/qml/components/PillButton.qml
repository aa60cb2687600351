import QtQuick

// A big rounded button for fingers; `clicked` fires on tap (touch or mouse).
Rectangle {
    id: button
    property alias text: label.text
    property color fill: Theme.accent
    property color ink: Theme.inkOnAccent
    property int fontSize: Theme.fontBody
    signal clicked()
    implicitWidth: Math.max(Theme.touchMin * 2, label.implicitWidth + Theme.px(80))
    implicitHeight: Theme.touchMin
    radius: height / 2
    color: tap.pressed ? Qt.darker(fill, 1.2) : fill
    scale: tap.pressed ? 0.96 : 1.0
    Behavior on scale { NumberAnimation { duration: 60 } }
    Text {
        id: label
        anchors.centerIn: parent
        color: button.ink
        font.pixelSize: button.fontSize
        font.weight: Font.Bold
    }
    // Exclusive grab on press: the screen beneath never also sees this tap.
    TapHandler { id: tap; gesturePolicy: TapHandler.ReleaseWithinBounds; onTapped: button.clicked() }
}
