pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// Admin PIN pad, shown after the hidden corner gesture. Digits only, no keyboard needed.
Rectangle {
    id: pad
    objectName: "adminPin"
    visible: Kiosk.controller.pinPadVisible
    color: "#F00E1633"
    property string entered: ""
    onVisibleChanged: entered = ""
    // nothing beneath reacts to a finger or the mouse while the pad is up
    MultiPointTouchArea { anchors.fill: parent; mouseEnabled: true }

    Column {
        anchors.centerIn: parent
        spacing: Theme.gap
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Beheer: pincode")
            color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.Bold
        }
        Text {
            objectName: "adminPinDots"
            anchors.horizontalCenter: parent.horizontalCenter
            text: "●".repeat(pad.entered.length) + "○".repeat(Math.max(0, Kiosk.controller.pinLength - pad.entered.length))
            color: Theme.accent; font.pixelSize: Theme.fontTitle
        }
        Text {
            objectName: "adminPinMessage"
            anchors.horizontalCenter: parent.horizontalCenter
            text: Kiosk.controller.pinMessage
            color: Theme.coral; font.pixelSize: Theme.fontBody
        }
        Grid {
            anchors.horizontalCenter: parent.horizontalCenter
            columns: 3; spacing: Theme.px(18)
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "x", "0", "ok"]
                PillButton {
                    required property string modelData
                    objectName: modelData === "x" ? "adminPinCancel" : modelData === "ok" ? "adminPinOk" : "adminPinKey_" + modelData
                    width: Theme.touchMin * 1.3; height: Theme.touchMin
                    text: modelData === "x" ? qsTr("Stop") : modelData === "ok" ? "OK" : modelData
                    fill: modelData === "ok" ? Theme.accent : Theme.surface
                    ink: modelData === "ok" ? Theme.inkOnAccent : Theme.text
                    fontSize: Theme.fontLarge
                    onClicked: {
                        if (modelData === "x") { Kiosk.controller.cancelPin() }
                        else if (modelData === "ok") { Kiosk.controller.submitPin(pad.entered); pad.entered = "" }
                        else if (pad.entered.length < 12) { pad.entered += modelData }
                    }
                }
            }
        }
    }
}
