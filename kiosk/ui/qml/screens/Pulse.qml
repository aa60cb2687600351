pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// The campaign's question, right after "Tik om te beginnen" (only when the event has [pulse]):
// the faces, then, when the event asks it, the group question. Skip goes on to home; walking
// away lets the idle rules end the visit, with nothing recorded. Portrait: every control
// within reach (below Theme.reachTop).
Item {
    id: screen
    objectName: "pulseScreen"
    readonly property bool groupStep: Kiosk.pulse !== null && Kiosk.pulse.step === "group"
    readonly property real zoneTop: Theme.portrait ? Theme.reachTop : Theme.margin + Theme.touchMin
    readonly property real zoneBottom: height - Theme.margin - Theme.barSpace

    Text {
        anchors { left: parent.left; right: parent.right; margins: Theme.margin }
        // landscape: top left, clear of the language button; portrait: above the reach zone
        y: Theme.portrait ? Math.max(Theme.margin, (Theme.reachTop - height) / 2) : Theme.px(40)
        anchors.rightMargin: Theme.margin + Theme.topBarSpace
        wrapMode: Text.WordWrap
        text: screen.groupStep ? qsTr("Nog één ding, als je wilt") : qsTr("Eén vraag voor je begint")
        color: Theme.accent; font.pixelSize: Theme.fontLarge; font.weight: Font.Bold
    }

    PulseQuestion {
        id: faces
        visible: !screen.groupStep
        phase: "before"
        arrangement: "screen"
        width: Math.min(screen.width - 2 * Theme.margin, Theme.px(1300))
        x: (screen.width - width) / 2
        y: screen.zoneTop + Math.max(0, (screen.zoneBottom - screen.zoneTop - height) / 2)
    }

    Column {
        id: group
        visible: screen.groupStep
        width: Math.min(screen.width - 2 * Theme.margin, Theme.px(1300))
        x: (screen.width - width) / 2
        y: screen.zoneTop + Math.max(0, (screen.zoneBottom - screen.zoneTop - height) / 2)
        spacing: Theme.px(28)
        Text {
            width: parent.width; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
            text: qsTr("Ik ben een:")
            color: Theme.text; font.pixelSize: Theme.fontHuge; font.weight: Font.Black
        }
        Flow {
            width: parent.width
            spacing: Theme.gap
            // four fixed answers, nothing typed: all the report ever sees of a visitor
            Repeater {
                model: [{ id: "girl", text: qsTr("meisje") }, { id: "boy", text: qsTr("jongen") },
                        { id: "other", text: qsTr("anders") },
                        { id: "private", text: qsTr("zeg ik liever niet") }]
                PillButton {
                    required property var modelData
                    objectName: "pulseGroup_" + modelData.id
                    width: Theme.portrait ? group.width : (group.width - Theme.gap) / 2
                    text: modelData.text
                    fontSize: Theme.fontLarge
                    onClicked: Kiosk.pulse.chooseGroup(modelData.id)
                }
            }
        }
        PillButton {
            objectName: "pulseSkip"
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Sla over")
            fill: Theme.surface; ink: Theme.text
            onClicked: Kiosk.pulse.skip("before")
        }
    }
}
