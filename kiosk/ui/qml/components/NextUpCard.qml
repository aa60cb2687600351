import QtQuick
import Kiosk

// End card over the last frame: the job this episode showed, the game, two QR codes
// (watch on on NXtv, share with a friend) and "Volgende aflevering in 5…" with cancel.
Rectangle {
    id: card
    objectName: "nextUpCard"
    color: "#E60E1633"
    readonly property var current: Kiosk.playback.current
    readonly property var next: Kiosk.playback.nextUp
    readonly property var suggestion: Kiosk.playback.suggestion
    // Touches on the card never reach the video's tap handler beneath.
    MultiPointTouchArea { anchors.fill: parent; mouseEnabled: true }

    Grid {
        anchors.centerIn: parent
        columns: Theme.portrait ? 1 : 2
        spacing: Theme.px(60)
        horizontalItemAlignment: Grid.AlignHCenter
        // The codes come first: on top in portrait (eye height for a phone, and the next
        // episode and the buttons below them, within reach); on the right in landscape.
        layoutDirection: Theme.portrait ? Qt.LeftToRight : Qt.RightToLeft

        Row {
            spacing: Theme.px(36)
            QrCode {
                objectName: "qr_watch"
                payload: card.visible ? (card.current.link || "") : ""
                size: Theme.px(240)
                label: qsTr("Kijk verder op NXtv")
            }
            QrCode {
                objectName: "qr_share"
                payload: card.visible ? (card.current.shareLink || "") : ""
                size: Theme.px(240)
                label: qsTr("Stuur naar een vriend")
            }
        }

        Column {
            width: Theme.portrait ? card.width * 0.86 : card.width * 0.46
            spacing: Theme.gap
            Text {
                width: parent.width; wrapMode: Text.WordWrap
                text: qsTr("Dit was %1").arg(card.current.roleModel || card.current.title || "")
                color: Theme.textDim; font.pixelSize: Theme.fontBody
            }
            Text {
                width: parent.width; wrapMode: Text.WordWrap
                text: card.current.job || ""
                color: Theme.accent; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
            }
            // Next episode with its countdown, or another series at the end of this one.
            Rectangle {
                objectName: card.next.id ? "nextUpCountdown" : "nextUpSuggestion"
                visible: !!(card.next.id || card.suggestion.id)
                width: parent.width; height: Theme.px(170)
                radius: Theme.radius; color: Theme.surface
                Image {
                    id: thumb
                    anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Theme.px(16) }
                    width: height * 16 / 9; fillMode: Image.PreserveAspectCrop
                    source: (card.next.id ? card.next.thumbnail : card.suggestion.thumbnail) || ""
                    sourceSize.width: width
                }
                Column {
                    anchors { left: thumb.right; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(20) }
                    spacing: Theme.px(6)
                    Text {
                        width: parent.width; wrapMode: Text.WordWrap
                        text: card.next.id
                              ? (Kiosk.playback.countingDown ? qsTr("Volgende aflevering in %1…").arg(Kiosk.playback.countdownRemaining)
                                                       : qsTr("Volgende aflevering"))
                              : qsTr("Kijk ook: %1").arg(card.suggestion.series || "")
                        color: Theme.textDim; font.pixelSize: Theme.fontSmall + Theme.px(4)
                    }
                    Text {
                        width: parent.width; elide: Text.ElideRight
                        text: (card.next.id ? card.next.title : card.suggestion.title) || ""
                        color: Theme.text; font.pixelSize: Theme.fontBody; font.weight: Font.Bold
                    }
                }
                TapHandler {
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: card.next.id ? Kiosk.playback.playNextNow()
                                           : Kiosk.controller.playEpisode(card.suggestion.id, "tile")
                }
            }
            // Stop comes last: when it goes (tapped, or the countdown ran out) nothing moves,
            // so a second tap where it was lands on nothing instead of starting the game.
            Row {
                spacing: Theme.px(20)
                PillButton {
                    objectName: "nextUpGame"
                    visible: Kiosk.controller.sections.indexOf("game") >= 0
                    text: qsTr("Speel de game")
                    onClicked: Kiosk.controller.openSection("game")
                }
                PillButton {
                    objectName: "nextUpBack"
                    text: qsTr("Meer video's")
                    fill: Theme.surface; ink: Theme.text
                    onClicked: Kiosk.playback.back()
                }
                PillButton {
                    objectName: "nextUpCancel"
                    visible: Kiosk.playback.countingDown
                    text: qsTr("Stop")
                    fill: Theme.surface; ink: Theme.text
                    onClicked: Kiosk.playback.cancelNextUp()
                }
            }
            // The campaign's question comes back once (event [pulse]), inline: the countdown and
            // every button go on as before. Portrait: one row at the foot (pulseRow), in reach.
            PulseQuestion {
                visible: Kiosk.pulse !== null && Kiosk.pulse.afterShown && !Theme.portrait
                width: parent.width
                phase: "after"
                arrangement: "column"
            }
        }

    }
    PulseQuestion {
        visible: Kiosk.pulse !== null && Kiosk.pulse.afterShown && Theme.portrait
        phase: "after"
        arrangement: "row"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom
                  margins: Theme.margin; bottomMargin: Theme.barSpace }
    }
}
