pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// One job on the result screen, light to read: a picture (the role model's face when the job
// has an episode, else the job's own picture, else a pictogram), the rank, the title, one short
// reason and "Kijk hoe <naam> het doet". The route and today's companies are one tap away
// ("Meer"): they open over the picture, and a second tap closes them. The card grows with its
// text; the screen gives every card in a row the tallest card's height, so the buttons line up.
Rectangle {
    id: card
    property var job: ({})
    property string because: ""         // the "omdat je … leuk vond" line, built by the screen
    property bool showDay: false        // kept for callers; the day in the life is not shown
    property bool expanded: false       // the details (route, companies) are open
    property real pictureRatio: 9 / 16  // the picture's height to its width (a band when tight)
    readonly property string rank: job && job.rank ? job.rank : ""
    readonly property bool surprise: job && job.surprise ? true : false
    readonly property var companyNames: job && job.companies ? job.companies : []
    readonly property var steps: job && job.routeSteps ? job.routeSteps : []
    readonly property bool hasEpisode: job && job.episode ? job.episode !== "" : false
    readonly property string face: job && job.face ? job.face
                                   : (hasEpisode ? Kiosk.catalog.thumbs[job.episode] || "" : "")
    readonly property int pad: Theme.px(18)
    // the foot's second row when the video has a row of its own (the screen keeps it in reach)
    readonly property real footExtra: foot.height - Theme.touchMin
    implicitHeight: words.y + words.implicitHeight + Theme.px(12) + foot.height + card.pad
    radius: Theme.radius
    color: Theme.surface
    border.color: surprise ? Theme.accent : "transparent"; border.width: Theme.px(4)
    onJobChanged: expanded = false

    // The picture across the top: a face where there is one, a designed pictogram otherwise.
    GameArt {
        id: picture
        objectName: "resultPicture_" + card.rank
        x: card.pad; y: card.pad
        width: card.width - 2 * card.pad; height: Math.round(width * card.pictureRatio)
        radius: Theme.px(18)
        image: card.face !== "" ? card.face : (card.job && card.job.image ? card.job.image : "")
        fallback: card.face !== "" && card.job && card.job.image ? card.job.image : ""
        art: card.job && card.job.art ? card.job.art : "spark"
        tint: card.job && card.job.tint ? card.job.tint : Theme.textDim
        // a role model's thumbnail in a band flatter than itself (the duo's landscape cards):
        // shown whole so its burned-in "Daan, 20" is never cut in half
        whole: card.face !== "" && card.pictureRatio < 9 / 16 - 0.01
    }
    Rectangle {
        id: badgeBox
        // top right: a thumbnail carries its own label top left and the name bottom left
        x: picture.x + picture.width - width - Theme.px(10); y: picture.y + Theme.px(10)
        width: badge.implicitWidth + Theme.px(28); height: badge.implicitHeight + Theme.px(8)
        radius: height / 2; color: card.surprise ? Theme.accent : Theme.background
        Text {
            id: badge
            anchors.centerIn: parent
            text: card.surprise ? qsTr("Verrassing!") : "#" + card.rank
            color: card.surprise ? Theme.inkOnAccent : Theme.text
            font.pixelSize: Theme.fontSmall; font.weight: Font.Black
        }
    }

    Column {
        id: words
        x: card.pad
        // open details taller than the picture (a long route on a narrow landscape card) push
        // the title down instead of covering it
        y: (card.expanded ? Math.max(picture.y + picture.height, details.y + details.height)
                          : picture.y + picture.height) + Theme.px(12)
        width: card.width - 2 * card.pad
        spacing: Theme.px(8)
        // whole words only: a long title ("Autoschadehersteller") gets a smaller font, never a break
        WordFitText {
            objectName: "resultJobTitle_" + card.rank
            width: parent.width
            text: card.job && card.job.title ? card.job.title : ""
            color: Theme.text; size: Theme.fontBody; font.weight: Font.Black
        }
        // why it fits: the card the visitor liked, beside a heart ("you liked this")
        Row {
            width: parent.width
            spacing: Theme.px(8)
            visible: because.text !== ""
            Icon { id: heart; name: "heart"; color: Theme.teal; visible: card.because !== ""
                   width: Theme.fontSmall; height: width; y: Theme.px(3) }
            WordFitText {
                id: because
                objectName: "resultBecause_" + card.rank
                width: parent.width - (heart.visible ? heart.width + parent.spacing : 0)
                size: Theme.fontSmall
                text: card.surprise && card.because === "" ? qsTr("Iets heel anders dat ook bij je past") : card.because
                color: Theme.teal; font.weight: Font.Bold
            }
        }
    }

    // "Meer": the route in two steps and who offers the job here today, over the picture.
    Rectangle {
        id: details
        objectName: "resultDetails_" + card.rank
        visible: card.expanded
        x: picture.x; y: picture.y; width: picture.width
        height: Math.max(picture.height, detailColumn.implicitHeight + 2 * Theme.px(12))
        radius: picture.radius; color: Theme.background
        z: 2
        Column {
            id: detailColumn
            x: Theme.px(12); y: Theme.px(12); width: parent.width - 2 * Theme.px(12)
            spacing: Theme.px(6)
            Repeater {
                model: card.steps
                Row {
                    id: step
                    required property string modelData
                    required property int index
                    spacing: Theme.px(10)
                    Rectangle {
                        width: Theme.px(30); height: width; radius: width / 2
                        color: Theme.surface
                        Text { anchors.centerIn: parent; text: step.index + 1; color: Theme.text
                               font.pixelSize: Theme.fontSmall - Theme.px(4); font.weight: Font.Black }
                    }
                    WordFitText {
                        objectName: "resultRoute_" + card.rank + "_" + (step.index + 1)
                        width: detailColumn.width - Theme.px(40)
                        text: step.modelData
                        color: Theme.text; size: Theme.fontSmall
                    }
                }
            }
            Item {
                objectName: "resultCompanies_" + card.rank
                width: parent.width
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
                    enabled: card.expanded
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: { Kiosk.companies.showJob(card.job.id); Kiosk.controller.openSection("companies") }
                }
            }
        }
    }

    // The foot: the video (with the role model's name) and "Meer", always at the bottom.
    // A narrow card (the duo's three in portrait) gives the video a row of its own, above "+"
    // and the speaker, when its label would not fit beside them even at its smallest size.
    Flow {
        id: foot
        readonly property real besideRoom: width - more.width - spacing
                                           - (speaker.visible ? speaker.width + spacing : 0)
        readonly property bool stacked: watch.visible
            && besideRoom - Theme.px(36) < watchMetrics.advanceWidth * 0.7
        x: card.pad
        y: card.height - card.pad - height
        width: card.width - 2 * card.pad
        height: stacked ? 2 * Theme.touchMin + spacing : Theme.touchMin
        spacing: Theme.px(10)
        PillButton {
            id: watch
            objectName: "resultWatch_" + card.rank
            width: foot.stacked ? foot.width : foot.besideRoom
            height: Theme.touchMin
            visible: card.hasEpisode
            // the whole label inside the pill: a long name gets a smaller font
            fontSize: Math.max(Math.round(Theme.fontSmall * 0.7),
                               Math.min(Theme.fontSmall, Math.floor(Theme.fontSmall * (width - Theme.px(36))
                                                                    / Math.max(1, watchMetrics.advanceWidth))))
            text: card.job && card.job.roleModel ? qsTr("Kijk hoe %1 het doet").arg(card.job.roleModel)
                                                 : qsTr("Kijk de video")
            TextMetrics { id: watchMetrics; font.pixelSize: Theme.fontSmall; font.weight: Font.Bold
                          text: watch.text }
            onClicked: Kiosk.controller.playEpisode(card.job.episode, "game")
        }
        PillButton {
            id: more
            objectName: "resultMore_" + card.rank
            width: card.hasEpisode ? Theme.touchMin
                                   : foot.width - (speaker.visible ? speaker.width + foot.spacing : 0)
            height: Theme.touchMin
            visible: card.steps.length > 0 || card.companyNames.length > 0
            fill: Theme.background; ink: Theme.text
            fontSize: Theme.fontLarge
            // a sign, not a word: the card stays light
            text: card.expanded ? "×" : "+"
            onClicked: card.expanded = !card.expanded
        }
        // Reads the job aloud (title, a day at work, the route: kiosk.visit.spoken).
        SpeakerButton {
            id: speaker
            objectName: "speaker_job_" + card.rank
            // open, it reads the details (the route, who offers it here today)
            kind: card.expanded ? "details" : "job"
            text: !card.job ? "" : card.expanded ? (card.job.detailsSpeech || "")
                                                 : (card.job.speech || "")
        }
    }
}
