import QtQuick

// The picture of a card that was just answered, flying off the screen while the next card is
// already live beneath it (so the next card is ready the moment the finger lets go).
CardFace {
    id: flyer
    property real dx: 0
    property real dy: 0
    visible: false
    x: (parent ? (parent.width - width) / 2 : 0) + dx
    y: (parent ? (parent.height - height) / 2 : 0) + dy
    rotation: dx / Math.max(1, width) * 16
    transformOrigin: Item.Bottom

    function launch(cardMap, liked, fromX, fromY) {
        out.stop()
        card = cardMap; dx = fromX; dy = fromY
        lean = liked ? 1 : -1
        opacity = 1; visible = true
        toX.to = (liked ? 1 : -1) * (parent.width / 2 + width * 1.2)
        out.restart()
    }
    ParallelAnimation {
        id: out
        NumberAnimation { id: toX; target: flyer; property: "dx"; duration: 280; easing.type: Easing.InQuad }
        NumberAnimation { target: flyer; property: "opacity"; to: 0.3; duration: 280 }
        onFinished: flyer.visible = false
    }
}
