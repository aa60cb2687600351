import QtQuick
import Kiosk
import "components"

// "Ben je er nog?": shown by the flow after the idle time; any touch dismisses it.
// While QR codes are on screen it never covers one: no dimming, and a card where no code is
// (Python picks the spot: Kiosk.controller.stillThereSpot), so a phone can go on scanning.
Rectangle {
    id: overlay
    objectName: "stillThereOverlay"
    property Item screen: null
    // [x, y, scale] of the card beside the codes; [] = no codes, the full-screen overlay
    property var spot: []
    readonly property bool beside: spot.length === 3
    visible: Kiosk.controller.stillThere
    color: beside ? "transparent" : "#D90E1633"
    onVisibleChanged: if (visible) place()
    onWidthChanged: if (visible) place()
    onHeightChanged: if (visible) place()

    // Every visible code on the screen beneath, as [x, y, w, h] in this item's coordinates.
    function codeRects() {
        var rects = []
        function walk(item) {
            if (!item || !item.visible) return
            if (item.objectName.indexOf("qr_") === 0 && item.width > 0) {
                var p = item.mapToItem(overlay, 0, 0)
                rects.push([p.x, p.y, item.width, item.height])
                return
            }
            for (var i = 0; i < item.children.length; ++i) walk(item.children[i])
        }
        walk(overlay.screen)
        return rects
    }
    function place() {
        var rects = codeRects()
        if (rects.length === 0) { spot = []; return }
        var found = Kiosk.controller.stillThereSpot(width, height, cardBox.width, cardBox.height, rects)
        // none free (never seen on the kiosk's screens): the smallest card in the middle
        spot = found.length === 3 ? found : [(width - cardBox.width * 0.5) / 2,
                                              (height - cardBox.height * 0.5) / 2, 0.5]
    }

    // Full screen: the big question in the middle.
    Column {
        anchors.centerIn: parent
        spacing: Theme.gap
        width: parent.width * 0.8
        visible: !overlay.beside
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
            objectName: overlay.beside ? "" : "stillThereCountdown"
            width: parent.width; horizontalAlignment: Text.AlignHCenter
            // counted down by the timer that ends the visit, once a second
            text: Kiosk.controller.stillThereRemaining
            color: Theme.accent; font.pixelSize: Theme.px(160); font.weight: Font.Black
        }
    }

    // Beside the codes: the same words on a card.
    Rectangle {
        id: cardBox
        objectName: "stillThereCard"
        visible: overlay.beside
        x: overlay.beside ? overlay.spot[0] : 0
        y: overlay.beside ? overlay.spot[1] : 0
        scale: overlay.beside ? overlay.spot[2] : 1
        transformOrigin: Item.TopLeft
        width: Math.min(overlay.width, Theme.px(640))
        height: cardColumn.height + 2 * Theme.gap
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.accent; border.width: Theme.px(6)
        Column {
            id: cardColumn
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gap }
            spacing: Theme.px(8)
            Text {
                width: parent.width; horizontalAlignment: Text.AlignHCenter
                text: qsTr("Ben je er nog?")
                color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
                wrapMode: Text.WordWrap
            }
            Text {
                width: parent.width; horizontalAlignment: Text.AlignHCenter
                text: qsTr("Tik ergens om verder te gaan")
                color: Theme.textDim; font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: overlay.beside ? "stillThereCountdown" : ""
                width: parent.width; horizontalAlignment: Text.AlignHCenter
                text: Kiosk.controller.stillThereRemaining
                color: Theme.accent; font.pixelSize: Theme.px(110); font.weight: Font.Black
            }
        }
    }
    // Any press on the overlay counts as a touch (the window filter sees it); swallow it here
    // so the screen beneath does not act on it.
    MultiPointTouchArea { anchors.fill: parent; mouseEnabled: true }
}
