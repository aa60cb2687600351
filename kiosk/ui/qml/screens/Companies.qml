pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// Companies here today: logo, name, their stand, the jobs they offer and a QR code to their
// contact / internship page. Light to read: the jobs they offer say what they do; their own
// description is left to the page behind their code.
Item {
    id: screen
    objectName: "companiesScreen"

    // Opened from a result: the way back to it (its code and jobs), not only Home.
    // Landscape: first thing in the header; portrait: just above Home, within reach.
    PillButton {
        id: back
        objectName: "companiesBack"
        visible: Kiosk.controller.canReturnToResult
        x: Theme.margin
        y: Theme.portrait ? parent.height - Theme.barSpace - height - Theme.px(8) : Theme.px(40)
        text: qsTr("‹ Terug naar je uitslag")
        onClicked: Kiosk.controller.companiesBack()
    }

    Column {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
        anchors.topMargin: back.visible && !Theme.portrait ? back.y + back.height + Theme.px(16)
                                                           : Theme.px(40)
        anchors.rightMargin: Theme.margin + Theme.topBarSpace
        spacing: Theme.px(6)
        Text {
            width: parent.width; wrapMode: Text.WordWrap
            text: qsTr("Bedrijven van vandaag")
            color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
        }
        Text {
            width: parent.width; wrapMode: Text.WordWrap
            text: Kiosk.companies.jobTitle !== "" ? qsTr("Hier kun je aan de slag als %1").arg(Kiosk.companies.jobTitle)
                                            : qsTr("Scan de code voor een stage")
            color: Theme.textDim; font.pixelSize: Theme.fontBody
        }
    }

    GridView {
        id: grid
        objectName: "companiesGrid"
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom
                  leftMargin: Theme.margin; topMargin: Theme.gap
                  bottomMargin: Theme.barSpace + (back.visible && Theme.portrait ? back.height + Theme.px(16) : 0) }
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        readonly property int columns: Theme.portrait ? 1 : 2
        cellWidth: (width - Theme.margin) / columns
        // the tallest tile sets every row's height (a long name or job titles wrap, never cut)
        property real tallest: 0
        cellHeight: Math.max(Theme.px(440), tallest)
        model: Kiosk.companies.rows
        delegate: Item {
            id: company
            required property var modelData
            width: grid.cellWidth; height: grid.cellHeight
            readonly property real needed: Math.max(info.y + info.implicitHeight, qr.height) + Theme.px(56)
                                           + Theme.gap
            onNeededChanged: grid.tallest = Math.max(grid.tallest, needed)
            Rectangle {
                objectName: "companyTile_" + company.modelData.id
                anchors { fill: parent; rightMargin: Theme.gap; bottomMargin: Theme.gap }
                radius: Theme.radius
                color: company.modelData.offersJob ? Qt.lighter(Theme.surface, 1.35) : Theme.surface
                border.color: Theme.accent; border.width: company.modelData.offersJob ? Theme.px(4) : 0
                Item {
                    id: logo
                    anchors { left: parent.left; top: parent.top; margins: Theme.px(28) }
                    width: Theme.px(96); height: width
                    // no logo (or one that failed): the initials on the company's own colour
                    Rectangle {
                        objectName: "logoBadge_" + company.modelData.id
                        anchors.fill: parent
                        visible: logoImage.status !== Image.Ready
                        radius: width / 2
                        color: Theme.idColours[company.modelData.colourIndex % Theme.idColours.length]
                        Text {
                            anchors.centerIn: parent
                            text: company.modelData.initials
                            color: Theme.inkOnAccent; font.pixelSize: Theme.fontLarge; font.weight: Font.Black
                        }
                    }
                    Image {
                        id: logoImage
                        anchors.fill: parent
                        source: company.modelData.logo; sourceSize.width: width
                        fillMode: Image.PreserveAspectFit
                    }
                }
                Column {
                    id: info
                    anchors { left: logo.right; right: qr.left; top: parent.top; margins: Theme.px(28) }
                    spacing: Theme.px(8)
                    WordFitText { width: parent.width; text: company.modelData.name
                                  color: Theme.text; size: Theme.fontLarge - Theme.px(6); font.weight: Font.Black }
                    Text { width: parent.width; text: company.modelData.stand; visible: text !== ""
                           color: Theme.accent; font.pixelSize: Theme.fontBody; font.weight: Font.Bold }
                    Flow {
                        id: jobChips
                        width: parent.width; spacing: Theme.px(8)
                        Repeater {
                            // three jobs fit a tile; the rest is a "+2" chip
                            model: company.modelData.jobs.length > 3
                                   ? company.modelData.jobs.slice(0, 2).concat([qsTr("+%1 meer").arg(company.modelData.jobs.length - 2)])
                                   : company.modelData.jobs
                            Rectangle {
                                id: chip
                                required property string modelData
                                radius: height / 2; color: Theme.background
                                width: Math.min(jobChips.width, jobText.implicitWidth + Theme.px(24))
                                height: jobText.implicitHeight + Theme.px(10)
                                // a long title wraps inside its chip, never cut off
                                Text { id: jobText; anchors.centerIn: parent; text: chip.modelData
                                       width: Math.min(implicitWidth, jobChips.width - Theme.px(24))
                                       wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
                                       color: Theme.text; font.pixelSize: Theme.fontSmall }
                            }
                        }
                    }
                }
                QrCode {
                    id: qr
                    objectName: "qr_company_" + company.modelData.id
                    anchors { right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(24) }
                    payload: company.modelData.link
                    size: Theme.px(240)
                    label: qsTr("Stage of contact")
                }
            }
        }
    }
}
