import QtQuick
import Kiosk
import "components"

// "Ben je er nog?": shown by the flow after the idle time; any touch dismisses it.
Rectangle {
    id: overlay
    objectName: "stillThereOverlay"
    visible: Kiosk.controller.stillThere
    color: "#D90E1633"
    Column {
        anchors.centerIn: parent
        spacing: Theme.gap
        width: parent.width * 0.8
        Text {
            width: parent.width; horizontalAlignment: Text.AlignHCenter
            text: qsTr("Ben je er nog?")
            color: Theme.text; font.pixelSize: Theme.fontHuge; font.weight: Font.Black
            wrapMode: Text.WordWrap
        }
        Text {
            width: parent.width; horizontalAlignment: Text.AlignHCenter
            text: qsTr("Tik ergens om verder te gaan")
            color: Theme.textDim; font.pixelSize: Theme.fontLarge
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "stillThereCountdown"
            width: parent.width; horizontalAlignment: Text.AlignHCenter
            // counted down by the timer that ends the visit, once a second
            text: Kiosk.controller.stillThereRemaining
            color: Theme.accent; font.pixelSize: Theme.px(160); font.weight: Font.Black
        }
    }
    // Any press on the overlay counts as a touch (the window filter sees it); swallow it here
    // so the screen beneath does not act on it.
    MultiPointTouchArea { anchors.fill: parent; mouseEnabled: true }
}
