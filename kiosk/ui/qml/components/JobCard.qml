pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// One job on the result screen: picture (or pictogram), rank, title, a day in the life, why it
// fits (one "omdat je … leuk vond" phrase), the route in two steps, who offers it here today,
// and its video. The card grows with its text (nothing is cut off); the screen gives every card
// in a row the tallest card's height, so the video buttons line up. `implicitHeight` is what
// this card needs; the video button sits at the foot, under the text, never over it.
Rectangle {
    id: card
    property var job: ({})
    property string because: ""         // the "omdat je … leuk vond" line, built by the screen
    property bool showDay: true
    property bool speakable: true       // the duo's result has no room for a speaker per card
    readonly property string rank: job && job.rank ? job.rank : ""
    readonly property bool surprise: job && job.surprise ? true : false
    readonly property var companyNames: job && job.companies ? job.companies : []
    readonly property var steps: job && job.routeSteps ? job.routeSteps : []
    readonly property bool hasEpisode: job && job.episode ? job.episode !== "" : false
    readonly property int pad: Theme.px(18)
    readonly property bool narrow: width < Theme.px(340)
    // roomy cards put the title beside a big pictogram; the others a small one beside the rank
    readonly property bool artBeside: width >= Theme.px(440)
    // wide cards: the "Vandaag hier" line and the video button share the foot row
    readonly property bool inlineFoot: width >= Theme.px(560)
    readonly property real artSize: artBeside ? Theme.px(84) : Theme.px(44)
    implicitHeight: words.y + words.implicitHeight + Theme.px(12)
                    + Math.max(foot.implicitHeight, speaker.visible ? speaker.height : 0) + card.pad
    radius: Theme.radius
    color: Theme.surface
    border.color: surprise ? Theme.accent : "transparent"; border.width: Theme.px(4)

    GameArt {
        id: picture
        x: card.pad; y: card.pad
        width: card.artSize; height: width
        radius: card.artBeside ? Theme.px(18) : Theme.px(10)
        image: card.job && card.job.image ? card.job.image : ""
        art: card.job && card.job.art ? card.job.art : "spark"
        tint: card.job && card.job.tint ? card.job.tint : Theme.textDim
    }
    Rectangle {
        id: badgeBox
        anchors { left: picture.right; leftMargin: Theme.px(12) }
        y: card.artBeside ? picture.y : picture.y + (picture.height - height) / 2
        width: badge.implicitWidth + Theme.px(28); height: badge.implicitHeight + Theme.px(8)
        radius: height / 2; color: card.surprise ? Theme.accent : Theme.background
        Text {
            id: badge
            anchors.centerIn: parent
            // equally good matches (decided in Python) get no #1/#2/#3
            text: card.surprise ? qsTr("Verrassing!") : card.job && card.job.equal ? qsTr("Even goed") : "#" + card.rank
            color: card.surprise ? Theme.inkOnAccent : Theme.text
            font.pixelSize: Theme.fontSmall; font.weight: Font.Black
        }
    }
    // whole words only: a long title ("Autoschadehersteller") gets a smaller font, never a break
    WordFitText {
        id: title
        objectName: "resultJobTitle_" + card.rank
        x: card.artBeside ? badgeBox.x : card.pad
        y: (card.artBeside ? badgeBox.y + badgeBox.height : picture.y + picture.height) + Theme.px(8)
        width: card.width - x - card.pad
        text: card.job && card.job.title ? card.job.title : ""
        color: Theme.text; size: card.narrow ? Theme.fontBody - Theme.px(4) : Theme.fontBody
        font.weight: Font.Black
    }

    Column {
        id: words
        x: card.pad
        y: Math.max(picture.y + picture.height, title.y + title.height) + Theme.px(12)
        width: card.width - 2 * card.pad
        spacing: Theme.px(10)
        WordFitText {
            width: parent.width; size: Theme.fontSmall
            visible: card.showDay && text !== ""
            text: card.job && card.job.day ? card.job.day : ""
            color: Theme.text
        }
        WordFitText {
            objectName: "resultBecause_" + card.rank
            width: parent.width; size: Theme.fontSmall
            visible: text !== ""
            text: card.surprise && card.because === "" ? qsTr("Iets heel anders dat ook bij je past") : card.because
            color: Theme.teal; font.weight: Font.Bold
        }
        // The route as two steps: vmbo, then mbo.
        Column {
            width: parent.width
            spacing: Theme.px(4)
            visible: card.steps.length > 0
            Repeater {
                model: card.steps
                Row {
                    id: step
                    required property string modelData
                    required property int index
                    spacing: Theme.px(10)
                    Rectangle {
                        width: Theme.px(30); height: width; radius: width / 2
                        color: Theme.background
                        Text { anchors.centerIn: parent; text: step.index + 1; color: Theme.text
                               font.pixelSize: Theme.fontSmall - Theme.px(4); font.weight: Font.Black }
                    }
                    WordFitText {
                        objectName: "resultRoute_" + card.rank + "_" + (step.index + 1)
                        width: words.width - Theme.px(40)
                        text: step.modelData
                        color: Theme.textDim; size: Theme.fontSmall
                    }
                }
            }
        }
    }

    // Reads the job aloud (title, a day at work, the route: kiosk.core.spoken); in the foot's
    // corner, where a thumb reaches it in portrait too.
    SpeakerButton {
        id: speaker
        objectName: "speaker_job_" + card.rank
        anchors { right: parent.right; bottom: parent.bottom; margins: card.pad }
        kind: "job"
        wanted: card.speakable
        text: card.job && card.job.speech ? card.job.speech : ""
    }

    // The foot: "Vandaag hier" (a tap shows those companies first) and the video, side by side
    // on a wide card, stacked on a narrow one; always at the bottom, never over the text.
    Grid {
        id: foot
        x: card.pad
        y: card.height - card.pad - height
        width: card.width - 2 * card.pad - (speaker.visible ? speaker.width + Theme.px(12) : 0)
        columns: card.inlineFoot ? 2 : 1
        spacing: Theme.px(12)
        verticalItemAlignment: Grid.AlignVCenter
        Item {
            objectName: "resultCompanies_" + card.rank
            width: card.inlineFoot && watch.visible ? foot.width - watch.width - foot.spacing : foot.width
            height: Math.max(here.implicitHeight, Theme.touchMin * 0.66)
            visible: card.companyNames.length > 0
            WordFitText {
                id: here
                width: parent.width; size: Theme.fontSmall
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Vandaag hier: %1").arg(card.companyNames.join(", "))
                color: Theme.accent; font.weight: Font.Bold
            }
            TapHandler {
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: { Kiosk.companies.showJob(card.job.id); Kiosk.controller.openSection("companies") }
            }
        }
        PillButton {
            id: watch
            objectName: "resultWatch_" + card.rank
            width: card.inlineFoot ? Math.max(implicitWidth, foot.width * 0.4) : foot.width
            height: Theme.touchMin
            visible: card.hasEpisode
            fontSize: Theme.fontSmall + Theme.px(2)
            text: qsTr("Kijk de video")
            onClicked: Kiosk.controller.playEpisode(card.job.episode, "game")
        }
    }
}
