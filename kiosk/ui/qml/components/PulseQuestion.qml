pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The campaign's one-tap question: "Past techniek bij jou?", five faces and a skip.
// `phase` is "before" (its own screen) or "after" (inline on a result or end card).
// `arrangement`: "screen" (big and centred), "column" (faces wrap to the width; words
// above, skip below) or "row" (words, faces and skip side by side, one button high).
// The bridge (kiosk/ui/pulse_bridge.py) records the first tap and ignores the rest.
Item {
    id: question
    property string phase: "before"
    property string arrangement: "screen"
    readonly property bool big: arrangement === "screen"
    readonly property bool row: arrangement === "row"
    readonly property bool thanked: phase === "after" && Kiosk.pulse !== null && Kiosk.pulse.afterDone
    readonly property real faceGap: Theme.px(big ? 36 : (row ? 10 : 14))
    readonly property real faceSize: big ? Math.min(Theme.px(190), (width - 4 * faceGap) / 5)
                                   : row ? Math.min(Theme.touchMin - Theme.px(34), (width - 4 * faceGap) / 7)
                                   : Math.min(Theme.px(96), (width - 2 * faceGap) / 3)
    readonly property bool oneRow: 5 * faceSize + 4 * faceGap <= width
    readonly property bool skipBeside: arrangement === "column"
                                       && 5 * faceSize + 4 * faceGap + Theme.px(24) + 2 * Theme.touchMin <= width
    implicitHeight: row ? Theme.touchMin : stack.implicitHeight

    readonly property string words: Kiosk.pulse !== null && Kiosk.pulse.question !== ""
                                    ? Kiosk.pulse.question : qsTr("Past techniek bij jou?")

    Component {
        id: faceRow
        Flow {
            spacing: question.faceGap
            Repeater {
                model: 5
                PulseFace {
                    required property int index
                    objectName: "pulseAnswer_" + (index + 1)
                    value: index + 1
                    width: question.faceSize; height: width
                    onTapped: Kiosk.pulse.answer(question.phase, value)
                }
            }
        }
    }
    Component {
        id: skipButton
        PillButton {
            objectName: "pulseSkip"
            text: qsTr("Sla over")
            fill: Theme.surface; ink: Theme.text
            onClicked: Kiosk.pulse.skip(question.phase)
        }
    }

    // "screen" and "column": the words, the faces, the words at the ends of the scale, skip.
    Column {
        id: stack
        visible: !question.row
        width: parent.width
        spacing: Theme.px(question.big ? 24 : 14)
        Text {
            objectName: question.row ? "" : "pulseQuestion"
            width: parent.width; wrapMode: Text.WordWrap
            horizontalAlignment: question.big ? Text.AlignHCenter : Text.AlignLeft
            text: question.thanked ? qsTr("Dank je!") : question.words
            color: Theme.text; font.weight: Font.Black
            font.pixelSize: question.big ? Theme.fontHuge
                                         : (question.oneRow ? Theme.fontLarge : Theme.fontBody)
        }
        Row {
            spacing: Theme.px(24)
            anchors.horizontalCenter: question.big ? parent.horizontalCenter : undefined
            Loader {
                active: !question.row && !question.thanked
                visible: active
                width: question.oneRow ? 5 * question.faceSize + 4 * question.faceGap : question.width
                readonly property int perRow: Math.max(1, Math.floor((width + question.faceGap)
                                                                    / (question.faceSize + question.faceGap)))
                height: Math.ceil(5 / perRow) * (question.faceSize + question.faceGap) - question.faceGap
                sourceComponent: faceRow
                onLoaded: item.width = Qt.binding(() => width)
            }
            Loader {  // skip beside the faces where there is room (an end card): a lower block
                active: question.skipBeside && !question.thanked
                visible: active
                anchors.verticalCenter: parent.verticalCenter
                sourceComponent: skipButton
            }
        }
        // Words under the ends of the row, so the faces read as a scale and not as moods.
        Item {
            visible: !question.thanked && question.oneRow
            width: 5 * question.faceSize + 4 * question.faceGap; height: low.implicitHeight
            anchors.horizontalCenter: question.big ? parent.horizontalCenter : undefined
            Text {
                id: low
                width: question.faceSize * 1.8
                anchors.left: parent.left
                text: qsTr("Helemaal niet")
                color: Theme.textDim; font.pixelSize: Theme.fontSmall; wrapMode: Text.WordWrap
            }
            Text {
                width: question.faceSize * 1.8
                anchors.right: parent.right; horizontalAlignment: Text.AlignRight
                text: qsTr("Helemaal wel")
                color: Theme.textDim; font.pixelSize: Theme.fontSmall; wrapMode: Text.WordWrap
            }
        }
        Loader {
            active: !question.row && !question.skipBeside && !question.thanked
            visible: active
            anchors.horizontalCenter: question.big ? parent.horizontalCenter : undefined
            sourceComponent: skipButton
        }
    }

    // "row": one button high, where a screen has no more room than that.
    Row {
        visible: question.row
        width: parent.width; height: Theme.touchMin
        spacing: Theme.px(16)
        Text {
            width: parent.width - (question.thanked ? 0 : faces.width + skip.width + 2 * parent.spacing)
            height: parent.height
            objectName: question.row ? "pulseQuestion" : ""
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.WordWrap; elide: Text.ElideRight
            text: question.thanked ? qsTr("Dank je!") : question.words
            color: Theme.text; font.weight: Font.Black
            // an event's own, longer question gets smaller letters here, never cut off
            fontSizeMode: Text.Fit; minimumPixelSize: Theme.px(17)
            font.pixelSize: Theme.fontSmall
        }
        Loader {
            id: faces
            active: question.row && !question.thanked
            visible: active
            anchors.verticalCenter: parent.verticalCenter
            width: 5 * question.faceSize + 4 * question.faceGap
            height: question.faceSize
            sourceComponent: faceRow
            onLoaded: item.width = Qt.binding(() => width)
        }
        Loader {
            id: skip
            active: question.row && !question.thanked
            visible: active
            sourceComponent: skipButton
        }
    }
}
