pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// The game's result: "Jouw richting" and three jobs plus a surprise (solo), or "Jullie match",
// each player's own direction and "raad wat je maatje koos" (duo); a take-home QR code.
// Every line is readable in full: cards grow with their text. Portrait keeps every control in
// the lower 60 % (Theme.reachTop); the QR code, which a phone scans, sits at the top.
Item {
    id: screen
    objectName: "resultScreen"
    readonly property var result: Kiosk.game.result
    readonly property bool duo: Kiosk.game.mode === "duo" && result.match !== undefined
    readonly property var jobs: duo ? result.match : (result.jobs || [])
    readonly property bool portrait: Theme.portrait
    readonly property real sideWidth: Theme.px(300)
    // The campaign's question comes back here once (event [pulse]): inline, where "Nog een
    // keer" and "Bedrijven" stand until it is answered or skipped; everything else stays usable.
    readonly property bool asking: Kiosk.pulse !== null && Kiosk.pulse.afterShown && !Kiosk.pulse.afterDone

    // One phrase is enough and always fits: the strongest reason.
    function becauseText(job) {
        if (!job.because || job.because.length === 0) return ""
        // the quotes of the visitor's language (Dutch „…”, English “…”)
        var q = qsTr("„%1”").arg(job.because[0])
        // just the card, beside a heart on the job card: four cards carry one each and the whole
        // screen stays under ~90 words (tests/ui/test_result_light.py)
        return q
    }

    // Duo in landscape: title and subtitle share a line, so the cards and panels get the room.
    Flow {
        id: header
        anchors { left: parent.left; top: parent.top; right: parent.right; margins: Theme.margin }
        anchors.topMargin: Theme.px(36)
        anchors.rightMargin: Theme.margin + (screen.portrait ? topQr.width + Theme.gap : Theme.topBarSpace)
        spacing: Theme.px(14)
        Text {
            objectName: screen.duo ? "resultDuoTitle" : "resultTitle"
            width: screen.duo && !screen.portrait ? Math.min(implicitWidth, parent.width) : parent.width
            wrapMode: Text.WordWrap
            text: screen.duo ? qsTr("Jullie match") : qsTr("Jouw richting")
            color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
        }
        DirectionChips { width: parent.width; visible: !screen.duo; direction: screen.result.direction || ({}) }
        Text {
            width: screen.duo && !screen.portrait ? Math.min(implicitWidth, parent.width) : parent.width
            wrapMode: Text.WordWrap
            text: screen.duo ? qsTr("Deze beroepen passen bij jullie allebei")
                  : screen.result.equalTop >= 3 ? qsTr("Deze drie passen even goed bij wat jij leuk vindt")
                  : screen.result.equalTop === 2 ? qsTr("De eerste twee passen even goed bij wat jij leuk vindt")
                  : qsTr("Deze beroepen passen bij wat jij leuk vindt")
            color: Theme.textDim; font.pixelSize: Theme.fontBody
        }
    }

    // Portrait: the take-home code top right, at eye height for a phone.
    QrCode {
        id: topQr
        objectName: "qr_result"
        visible: screen.portrait
        anchors { right: parent.right; top: parent.top; margins: Theme.margin; topMargin: Theme.px(36) }
        payload: screen.portrait ? Kiosk.game.resultLink : ""
        size: Theme.px(screen.duo ? 170 : 200)
        label: qsTr("Neem je uitslag mee")
    }

    // Jobs: one row of four (landscape) or two by two (portrait); duo shows three in a row.
    Grid {
        id: jobGrid
        readonly property real areaWidth: screen.width - 2 * Theme.margin
                                          - (screen.portrait || screen.duo ? 0 : screen.sideWidth + Theme.gap)
        readonly property real cardWidth: (areaWidth - spacing * (columns - 1)) / columns
        readonly property real topEdge: Math.max(header.y + header.height,
                                             screen.portrait ? topQr.y + topQr.height : 0) + Theme.gap
        // the tallest card sets every card's height, so the video buttons line up
        readonly property real cardHeight: {
            var m = 0
            for (var i = 0; i < children.length; ++i)
                if (children[i].implicitHeight !== undefined) m = Math.max(m, children[i].implicitHeight)
            return m
        }
        readonly property real footExtra: {
            var m = 0
            for (var i = 0; i < children.length; ++i)
                if (children[i].footExtra !== undefined) m = Math.max(m, children[i].footExtra)
            return m
        }
        x: Theme.margin
        // Portrait: low enough that the first row's video buttons are within reach.
        // (the foot holds "Vandaag hier" over the video button: both must be within reach)
        // A foot of two rows (the video on its own row, narrow duo cards) needs its top row
        // in reach too.
        y: screen.portrait ? Math.max(topEdge, Theme.reachTop - cardHeight + Theme.px(12 + 18)
                                      + Math.max(Theme.touchMin * 1.66, Theme.touchMin + footExtra))
                           : topEdge
        columns: screen.duo ? 3 : (screen.portrait ? 2 : 4)
        spacing: Theme.gap
        Repeater {
            model: screen.jobs
            JobCard {
                required property var modelData
                objectName: modelData.surprise ? "resultJobSurprise" : "resultJob_" + modelData.rank
                job: modelData
                because: screen.becauseText(modelData)
                // the day in the life where there is room: solo, landscape
                showDay: !screen.duo && !screen.portrait
                // duo landscape shares the height with the guess panels: a band of picture
                pictureRatio: screen.duo && !screen.portrait ? 0.28 : 9 / 16
                width: jobGrid.cardWidth
                height: jobGrid.cardHeight
            }
        }
    }

    // Duo: each player's own direction and the guessing moment, each on their own side.
    Row {
        id: duoRow
        visible: screen.duo
        x: Theme.margin
        y: jobGrid.y + jobGrid.height + Theme.gap
        // landscape: the take-home code and the actions share this row, on the right
        width: jobGrid.areaWidth - (screen.portrait ? 0 : side.width + Theme.gap)
        // down to the actions (portrait) or the screen's foot (landscape)
        height: visible ? (screen.portrait ? actions.y - Theme.gap : screen.height - Theme.margin) - y : 0
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

    // Take it home (landscape), play again, companies.
    Grid {
        id: side
        visible: !screen.portrait
        columns: screen.duo ? 2 : 1
        anchors { right: parent.right; rightMargin: Theme.margin }
        y: screen.duo ? duoRow.y : Theme.px(170)
        spacing: Theme.gap
        QrCode {
            objectName: "qr_result"
            payload: screen.portrait ? "" : Kiosk.game.resultLink
            size: Theme.px(screen.duo ? 200 : 240)
            label: qsTr("Neem je uitslag mee")
        }
        Column {
        visible: !screen.asking
        spacing: Theme.gap
        PillButton {
            objectName: screen.portrait ? "" : "resultAgain"
            width: screen.sideWidth
            text: qsTr("Opnieuw")
            onClicked: Kiosk.controller.openSection("game")
        }
        PillButton {
            objectName: screen.portrait ? "" : "resultCompanies"
            visible: Kiosk.controller.sections.indexOf("companies") >= 0
            width: screen.sideWidth
            fill: Theme.surface; ink: Theme.text
            text: qsTr("Bedrijven")
            onClicked: Kiosk.controller.openSection("companies")
        }
        }
    }
    // Portrait: the same two actions in a row just above Home and the language.
    Row {
        id: actions
        visible: screen.portrait && !screen.asking
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom
                  bottomMargin: Theme.barSpace }
        spacing: Theme.gap
        PillButton {
            objectName: screen.portrait ? "resultAgain" : ""
            text: qsTr("Opnieuw")
            onClicked: Kiosk.controller.openSection("game")
        }
        PillButton {
            objectName: screen.portrait ? "resultCompanies" : ""
            visible: Kiosk.controller.sections.indexOf("companies") >= 0
            fill: Theme.surface; ink: Theme.text
            text: qsTr("Bedrijven")
            onClicked: Kiosk.controller.openSection("companies")
        }
    }
    PulseQuestion {
        visible: screen.asking
        phase: "after"
        // portrait: one row where the two buttons stood; landscape: below the take-home code
        arrangement: screen.portrait ? "row" : "column"
        width: screen.portrait ? screen.width - 2 * Theme.margin : screen.sideWidth
        x: screen.portrait ? Theme.margin : side.x
        y: screen.portrait ? screen.height - Theme.barSpace - height
                           : side.y + side.height + Theme.gap
    }
}
