import QtQuick
import Kiosk
import "../components"

// Admin (behind the PIN): the campaign's figures as charts, what the pack check and the
// morning checklist found, the last lines of the log; back to the kiosk or close it.
Rectangle {
    id: screen
    objectName: "adminScreen"
    color: Theme.background
    property string tab: "stats"

    Column {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
        spacing: Theme.px(10)
        Row {
            spacing: Theme.gap
            Text {
                text: qsTr("Beheer")
                color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
            }
            Text {
                anchors.baseline: parent.children[0].baseline
                text: Kiosk.controller.eventName
                color: Theme.textDim; font.pixelSize: Theme.fontBody
            }
        }
        Row {
            spacing: Theme.gap
            Text {
                objectName: "adminSessions"
                text: qsTr("Bezoekers in totaal: %1").arg(Kiosk.controller.sessionsCount)
                color: Theme.accent; font.pixelSize: Theme.fontBody; font.weight: Font.Bold
            }
            Text {
                objectName: "adminRestarts"
                text: qsTr("Herstarts door de bewaking: %1").arg(Kiosk.controller.restartsCount)
                color: Theme.textDim; font.pixelSize: Theme.fontBody
            }
        }
        Text {
            // the disk is full or read-only: visitors notice nothing, the organiser must
            objectName: "adminStorage"
            visible: !Kiosk.admin.storageOk || Kiosk.admin.eventsDropped > 0
            width: parent.width
            wrapMode: Text.WordWrap
            text: (Kiosk.admin.storageOk ? "" : qsTr("De schijf neemt nu niets aan (vol of alleen-lezen): "
                                              + "%n gebeurtenis(sen) wachten in het geheugen en "
                                              + "worden bewaard zodra er weer ruimte is.", "",
                                              Kiosk.admin.eventsWaiting))
                  + (Kiosk.admin.eventsDropped > 0 ? " " + qsTr("%n oudste gebeurtenis(sen) niet bewaard.",
                                                         "", Kiosk.admin.eventsDropped) : "")
            color: Theme.coral; font.pixelSize: Theme.fontBody; font.weight: Font.Bold
        }
        Text {
            objectName: "adminRender"
            width: parent.width; elide: Text.ElideRight
            text: qsTr("Weergave: %1").arg(Kiosk.renderMode.summary)
            color: Theme.textDim; font.pixelSize: Theme.fontSmall
        }
        Flow {
            width: parent.width
            spacing: Theme.px(16)
            PillButton {
                objectName: "adminTabStats"
                text: qsTr("Cijfers")
                fill: screen.tab === "stats" ? Theme.accent : Theme.surface
                ink: screen.tab === "stats" ? Theme.inkOnAccent : Theme.text
                onClicked: screen.tab = "stats"
            }
            PillButton {
                objectName: "adminTabContent"
                text: Kiosk.controller.contentProblems.length === 0 ? qsTr("Inhoud: alles in orde")
                      : qsTr("Inhoud: %1 meldingen").arg(Kiosk.controller.contentProblems.length)
                fill: screen.tab === "content" ? Theme.accent : Theme.surface
                ink: screen.tab === "content" ? Theme.inkOnAccent : Theme.text
                onClicked: screen.tab = "content"
            }
            PillButton {
                objectName: "adminTabLog"
                text: qsTr("Logboek")
                fill: screen.tab === "log" ? Theme.accent : Theme.surface
                ink: screen.tab === "log" ? Theme.inkOnAccent : Theme.text
                onClicked: { Kiosk.admin.refresh(); screen.tab = "log" }
            }
            PillButton {
                objectName: "adminTabCampaign"
                text: Kiosk.campaign.updatePending ? qsTr("Campagne: nieuwe versie klaar")
                                             : qsTr("Campagne")
                fill: screen.tab === "campaign" ? Theme.accent : Theme.surface
                ink: screen.tab === "campaign" ? Theme.inkOnAccent : Theme.text
                onClicked: screen.tab = "campaign"
            }
            PillButton {
                objectName: "adminBack"
                text: qsTr("Terug naar de kiosk")
                fill: Theme.teal; ink: Theme.inkOnAccent
                onClicked: Kiosk.controller.leaveAdmin()
            }
            PillButton {
                objectName: "adminQuit"
                text: qsTr("Kiosk afsluiten")
                fill: Theme.coral
                onClicked: Kiosk.controller.quitKiosk()
            }
        }
    }

    Item {
        id: body
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom
                  margins: Theme.margin }

        Dashboard {
            anchors.fill: parent
            visible: screen.tab === "stats"
        }

        Column {
            anchors.fill: parent
            visible: screen.tab === "content"
            spacing: Theme.gap
            ListView {
                objectName: "adminProblems"
                width: parent.width; height: parent.height * 0.45
                clip: true
                model: Kiosk.controller.contentProblems
                delegate: Text {
                    required property string modelData
                    width: ListView.view.width
                    text: modelData; color: Theme.textDim
                    font.pixelSize: Theme.fontSmall; wrapMode: Text.WrapAnywhere
                }
            }
            PillButton {
                objectName: "adminPreflight"
                // the check runs in a child process: the kiosk keeps answering meanwhile
                text: Kiosk.admin.preflightRunning ? qsTr("Controle loopt …")
                                             : qsTr("Ochtendcontrole uitvoeren")
                onClicked: Kiosk.admin.runPreflight()
            }
            Flickable {
                width: parent.width; height: parent.height * 0.4
                clip: true; contentHeight: preflightText.implicitHeight
                boundsBehavior: Flickable.StopAtBounds
                Text {
                    id: preflightText
                    objectName: "adminPreflightText"
                    width: parent.width
                    text: Kiosk.admin.preflightText
                    color: Kiosk.admin.preflightOk ? Theme.text : Theme.coral
                    font.pixelSize: Theme.fontSmall; font.family: "monospace"
                    wrapMode: Text.WrapAnywhere
                }
            }
        }

        // This kiosk in the campaign: name, region, pack version, today's event, updates.
        Column {
            anchors.fill: parent
            visible: screen.tab === "campaign"
            spacing: Theme.gap
            Text {
                objectName: "adminKioskName"
                width: parent.width
                text: Kiosk.campaign.region === "" ? qsTr("Deze kiosk: %1").arg(Kiosk.campaign.kioskName)
                      : qsTr("Deze kiosk: %1 (regio %2)").arg(Kiosk.campaign.kioskName).arg(Kiosk.campaign.region)
                color: Theme.text; font.pixelSize: Theme.fontBody; font.weight: Font.Bold
                wrapMode: Text.Wrap
            }
            Text {
                objectName: "adminPackVersion"
                width: parent.width
                text: qsTr("Pakket: %1").arg(Kiosk.campaign.packText)
                color: Theme.text; font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }
            Text {
                // Python chooses the event (kiosk.core.event_choice); a pin by --event is
                // called out, in coral when the dates would run another event.
                objectName: "adminEventChoice"
                readonly property var why: ({
                    "today": qsTr("vandaag"), "upcoming": qsTr("het eerstvolgende"),
                    "default": qsTr("standaard van het pakket"), "first": qsTr("het eerste van het pakket")
                })
                width: parent.width
                text: !Kiosk.campaign.eventPinned
                      ? qsTr("Evenement: %1 (%2)").arg(Kiosk.campaign.eventName).arg(why[Kiosk.campaign.eventWhy] || "")
                      : Kiosk.campaign.eventByDate === ""
                        ? qsTr("Evenement: vast ingesteld op %1 (--event)").arg(Kiosk.campaign.eventName)
                        : qsTr("Evenement: vast ingesteld op %1 (--event); volgens de datum zou het %2 zijn")
                          .arg(Kiosk.campaign.eventName).arg(Kiosk.campaign.eventByDate)
                color: Kiosk.campaign.eventByDate === "" ? Theme.textDim : Theme.coral
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }
            Flow {
                width: parent.width
                spacing: Theme.px(16)
                PillButton {
                    objectName: "adminRollback"
                    visible: Kiosk.campaign.canRollback
                    text: qsTr("Vorige versie terugzetten")
                    onClicked: Kiosk.campaign.rollback()
                }
                PillButton {
                    objectName: "adminSnapshot"
                    text: qsTr("Gegevens nu klaarzetten")
                    onClicked: Kiosk.campaign.snapshotNow()
                }
            }
            ListView {
                objectName: "adminUpdates"
                width: parent.width; height: parent.height * 0.5
                clip: true
                model: Kiosk.campaign.statusLines
                delegate: Text {
                    required property string modelData
                    width: ListView.view.width
                    text: modelData; color: Theme.textDim
                    font.pixelSize: Theme.fontSmall; wrapMode: Text.WrapAnywhere
                }
            }
        }

        Flickable {
            anchors.fill: parent
            visible: screen.tab === "log"
            clip: true; contentHeight: logText.implicitHeight
            contentY: Math.max(0, contentHeight - height)   // newest lines in view
            boundsBehavior: Flickable.StopAtBounds
            Text {
                id: logText
                objectName: "adminLog"
                width: parent.width
                text: Kiosk.admin.logTail
                color: Theme.textDim; font.pixelSize: Theme.fontSmall; font.family: "monospace"
                wrapMode: Text.WrapAnywhere
            }
        }
    }
}
