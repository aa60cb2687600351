import QtQuick
import "../components"

// The game's result: "Jouw richting" and three jobs plus a surprise (solo), or "Jullie match",
// each player's own direction and "raad wat je maatje koos" (duo); a take-home QR code.
Item {
    id: screen
    objectName: "resultScreen"
    readonly property var result: game.result
    readonly property bool duo: game.mode === "duo" && result.match !== undefined
    readonly property var jobs: duo ? result.match : (result.jobs || [])
    readonly property real sideWidth: Theme.px(300)

    // „A”, „B” en „C"
    function quoted(list) {
        var q = list.map(function (t) { return "„" + t + "”" })
        if (q.length < 2) return q.join("")
        return q.slice(0, -1).join(", ") + " " + qsTr("en") + " " + q[q.length - 1]
    }
    function becauseText(job) {
        if (!job.because || job.because.length === 0) return ""
        // Duo cards are narrower and the list holds both players' reasons: two are enough.
        return duo ? qsTr("Omdat jullie %1 leuk vonden").arg(quoted(job.because.slice(0, 2)))
                   : qsTr("Omdat je %1 leuk vond").arg(quoted(job.because))
    }

    Column {
        id: header
        anchors { left: parent.left; top: parent.top; right: parent.right; margins: Theme.margin }
        anchors.topMargin: Theme.px(36)
        anchors.rightMargin: Theme.margin + Theme.px(440)   // room for the top bar
        spacing: Theme.px(14)
        Text {
            objectName: screen.duo ? "resultDuoTitle" : "resultTitle"
            width: parent.width; wrapMode: Text.WordWrap
            text: screen.duo ? qsTr("Jullie match") : qsTr("Jouw richting")
            color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
        }
        DirectionChips { width: parent.width; visible: !screen.duo; direction: screen.result.direction || ({}) }
        Text {
            width: parent.width; wrapMode: Text.WordWrap
            text: screen.duo ? qsTr("Deze beroepen passen bij jullie allebei")
                             : qsTr("Deze beroepen passen bij wat jij leuk vindt")
            color: Theme.textDim; font.pixelSize: Theme.fontBody
        }
    }

    // Jobs: four in a row (landscape) or two by two (portrait); duo shows three.
    Grid {
        id: jobGrid
        anchors { left: parent.left; top: header.bottom; margins: Theme.margin; topMargin: Theme.gap }
        readonly property real areaWidth: screen.width - 2 * Theme.margin
                                          - (Theme.portrait ? 0 : screen.sideWidth + Theme.gap)
        readonly property real areaHeight: screen.height - y - Theme.margin
                                           - (screen.duo ? duoRow.height + Theme.gap : 0)
                                           - (Theme.portrait ? side.height + Theme.gap : 0)
        columns: Theme.portrait ? 1 : (screen.duo ? screen.jobs.length : 2)
        spacing: Theme.gap
        readonly property int rows: Math.ceil(screen.jobs.length / Math.max(1, columns))
        Repeater {
            model: screen.jobs
            JobCard {
                required property var modelData
                objectName: modelData.surprise ? "resultJobSurprise" : "resultJob_" + modelData.rank
                job: modelData
                because: screen.becauseText(modelData)
                width: (jobGrid.areaWidth - jobGrid.spacing * (jobGrid.columns - 1)) / Math.max(1, jobGrid.columns)
                height: (jobGrid.areaHeight - jobGrid.spacing * (jobGrid.rows - 1)) / Math.max(1, jobGrid.rows)
            }
        }
    }

    // Duo: each player's own direction and the guessing moment, each on their own side.
    Row {
        id: duoRow
        visible: screen.duo
        anchors { left: parent.left; bottom: Theme.portrait ? side.top : parent.bottom; margins: Theme.margin }
        width: jobGrid.areaWidth
        height: visible ? Theme.px(Theme.portrait ? 520 : 360) : 0
        spacing: Theme.gap
        Repeater {
            model: screen.duo ? [1, 2] : []
            GuessPanel {
                required property int modelData
                width: (duoRow.width - duoRow.spacing) / 2; height: duoRow.height
                player: modelData
                direction: modelData === 1 ? screen.result.directionA : screen.result.directionB
                guess: screen.result.guess
            }
        }
    }

    // Take it home, play again, companies.
    Column {
        id: side
        width: Theme.portrait ? parent.width - 2 * Theme.margin : screen.sideWidth
        anchors { right: parent.right; rightMargin: Theme.margin }
        y: Theme.portrait ? parent.height - height - Theme.margin : Theme.px(170)
        spacing: Theme.gap
        QrCode {
            id: qr
            objectName: "qr_result"
            anchors.horizontalCenter: parent.horizontalCenter
            purpose: "result"; target: "result"
            payload: Theme.portrait ? "" : game.resultLink
            size: Theme.px(240)
            label: qsTr("Neem je uitslag mee")
        }
        Flow {
            width: parent.width
            spacing: Theme.gap
            layoutDirection: Theme.portrait ? Qt.RightToLeft : Qt.LeftToRight
            QrCode {
                objectName: "qr_result"
                purpose: "result"; target: "result"
                payload: Theme.portrait ? game.resultLink : ""
                size: Theme.px(240)
                label: qsTr("Neem je uitslag mee")
            }
            Column {
                spacing: Theme.gap
                PillButton {
                    objectName: "resultAgain"
                    width: Theme.portrait ? implicitWidth : side.width
                    text: qsTr("Nog een keer")
                    onClicked: controller.openSection("game")
                }
                PillButton {
                    objectName: "resultCompanies"
                    visible: controller.sections.indexOf("companies") >= 0
                    width: Theme.portrait ? implicitWidth : side.width
                    fill: Theme.surface; ink: Theme.text
                    text: qsTr("Bedrijven")
                    onClicked: controller.openSection("companies")
                }
            }
        }
    }
}
