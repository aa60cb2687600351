import QtQuick

// The top card of a deck: it follows one finger, tilts, shows "Vet!" / "Niks voor mij" as it
// leans, and on release either goes (past `threshold` of its width, or a quick flick) or springs
// back. It decides nothing about the game: `decided` tells the deck, which tells Python.
Item {
    id: root
    property var card: ({})
    property real threshold: 0.35     // share of the width (config: game_swipe_threshold)
    property real flickMinimum: 0.12  // share of the width a flick must travel at least
    property real flickSpeed: 1200    // px/s at scale 1 (config: game_flick_speed)
    property real dx: 0
    property real dy: 0
    readonly property real lean: Math.max(-1, Math.min(1, dx / Math.max(1, width * threshold)))
    readonly property bool dragging: drag.active
    readonly property string cardId: face.cardId
    signal decided(bool liked)

    x: (parent ? (parent.width - width) / 2 : 0) + dx
    y: (parent ? (parent.height - height) / 2 : 0) + dy
    rotation: dx / Math.max(1, width) * 16
    transformOrigin: Item.Bottom

    CardFace { id: face; anchors.fill: parent; card: root.card; lean: root.lean; speakable: true }

    // A new card arrives from just below the old one (the next card was drawn there).
    function arrive() {
        springBack.stop(); dx = 0; dy = 0
        arrival.restart()
    }
    NumberAnimation { id: arrival; target: face; property: "scale"; from: 0.94; to: 1; duration: 140; easing.type: Easing.OutQuad }

    ParallelAnimation {
        id: springBack
        NumberAnimation { target: root; property: "dx"; to: 0; duration: 260; easing.type: Easing.OutBack }
        NumberAnimation { target: root; property: "dy"; to: 0; duration: 260; easing.type: Easing.OutBack }
    }

    // Recent finger positions, for the speed at release (a flick).
    property var samples: []
    function sample() {
        var now = Date.now()
        var s = samples.filter(function (p) { return now - p.t < 100 })
        s.push({ t: now, x: dx })
        samples = s
    }
    function releaseSpeed() {
        if (samples.length < 2) return 0
        var first = samples[0], last = samples[samples.length - 1]
        return (last.x - first.x) / Math.max(1, last.t - first.t) * 1000
    }

    function release() {
        var w = Math.max(1, width), speed = releaseSpeed()
        var far = Math.abs(dx) >= threshold * w
        var flick = Math.abs(dx) >= flickMinimum * w && Math.abs(speed) >= flickSpeed * Theme.scale
                    && (speed > 0) === (dx > 0)
        samples = []
        if (cardId !== "" && (far || flick))
            root.decided(dx > 0)
        else
            springBack.restart()
    }

    DragHandler {
        id: drag
        target: null
        enabled: root.cardId !== ""
        // One finger owns the card; a second finger elsewhere (duo) is the other player's.
        grabPermissions: PointerHandler.CanTakeOverFromAnything
        onActiveChanged: {
            if (active) { springBack.stop(); root.samples = []; follow() }
            else root.release()
        }
        // Scene positions: the card moving and tilting under the finger must not feed back.
        // Qt may merge moves until the next frame, and activate only after the last one, so
        // the card follows on activation too.
        onCentroidChanged: if (active) follow()
        function follow() {
            root.dx = centroid.scenePosition.x - centroid.scenePressPosition.x
            root.dy = (centroid.scenePosition.y - centroid.scenePressPosition.y) * 0.4
            root.sample()
        }
    }
}
