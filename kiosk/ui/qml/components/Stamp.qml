import QtQuick

// A rubber-stamp label on a card ("Vet!" / "Niks voor mij").
Rectangle {
    id: stamp
    property alias text: label.text
    property color tone: Theme.teal
    visible: opacity > 0.01
    width: label.implicitWidth + Theme.px(40); height: label.implicitHeight + Theme.px(16)
    radius: Theme.px(14)
    color: Qt.rgba(1, 1, 1, 0.92)
    border.color: tone; border.width: Theme.px(6)
    Text {
        id: label
        anchors.centerIn: parent
        color: stamp.tone
        font.pixelSize: Theme.fontLarge; font.weight: Font.Black
    }
}
