import QtQuick
import "../components"

// Admin (behind the PIN): today's figures, content problems, leave the kiosk.
Rectangle {
    objectName: "adminScreen"
    color: Theme.background
    Column {
        anchors { fill: parent; margins: Theme.margin }
        spacing: Theme.gap
        Text {
            text: qsTr("Beheer")
            color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
        }
        Text {
            text: controller.eventName
            color: Theme.textDim; font.pixelSize: Theme.fontBody
        }
        Text {
            objectName: "adminSessions"
            text: qsTr("Bezoekers: %1").arg(controller.sessionsCount)
            color: Theme.accent; font.pixelSize: Theme.fontLarge; font.weight: Font.Bold
        }
        Text {
            objectName: "adminRestarts"
            text: qsTr("Herstarts door de bewaking: %1").arg(controller.restartsCount)
            color: Theme.textDim; font.pixelSize: Theme.fontBody
        }
        Text {
            text: controller.contentProblems.length === 0 ? qsTr("Inhoud: alles in orde")
                  : qsTr("Inhoud: %1 meldingen").arg(controller.contentProblems.length)
            color: Theme.text; font.pixelSize: Theme.fontBody
        }
        ListView {
            objectName: "adminProblems"
            width: parent.width; height: Theme.px(360)
            clip: true
            model: controller.contentProblems
            delegate: Text {
                required property string modelData
                width: ListView.view.width
                text: modelData; color: Theme.textDim
                font.pixelSize: Theme.fontSmall; wrapMode: Text.WrapAnywhere
            }
        }
        Row {
            spacing: Theme.gap
            PillButton {
                objectName: "adminBack"
                text: qsTr("Terug naar de kiosk")
                onClicked: controller.leaveAdmin()
            }
            PillButton {
                objectName: "adminQuit"
                text: qsTr("Kiosk afsluiten")
                fill: Theme.coral
                onClicked: controller.quitKiosk()
            }
        }
    }
}
