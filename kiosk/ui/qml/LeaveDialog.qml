import QtQuick
import Kiosk
import "components"

// Home tapped in an unfinished game: ask before the answers go (the flow decides when).
// "Verder spelen" is the big, bright choice; stopping is the quiet one.
Rectangle {
    id: dialog
    objectName: "leaveDialog"
    visible: Kiosk.controller.leaveAsked
    color: "#D90E1633"
    // Presses outside the card do nothing (and never reach the cards beneath).
    MultiPointTouchArea { anchors.fill: parent; mouseEnabled: true }
    Rectangle {
        id: card
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.px(900))
        height: content.height + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface
        Column {
            id: content
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
            spacing: Theme.gap
            Text {
                width: parent.width; horizontalAlignment: Text.AlignHCenter
                text: qsTr("Stoppen met het spel?")
                color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
                wrapMode: Text.WordWrap
            }
            Text {
                width: parent.width; horizontalAlignment: Text.AlignHCenter
                text: qsTr("Je keuzes gaan dan weg.")
                color: Theme.textDim; font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }
            Flow {
                width: parent.width
                spacing: Theme.gap
                // centred: the row's free space split on both sides
                leftPadding: Math.max(0, (width - cancel.width - stop.width - spacing) / 2)
                PillButton {
                    id: cancel
                    objectName: "leaveCancel"
                    text: qsTr("Verder spelen")
                    onClicked: Kiosk.controller.cancelLeave()
                }
                PillButton {
                    id: stop
                    objectName: "leaveConfirm"
                    text: qsTr("Ja, stoppen")
                    fill: Theme.background; ink: Theme.text
                    onClicked: Kiosk.controller.confirmLeave()
                }
            }
        }
    }
}
