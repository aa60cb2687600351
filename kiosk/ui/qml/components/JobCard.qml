import QtQuick

// One job on the result screen: picture (or placeholder), title, a day in the life, why it
// fits ("omdat je … leuk vond"), the route, who offers it here today, and its video.
// Wide cards put the picture and the video button on the left; tall ones stack everything.
Rectangle {
    id: card
    property var job: ({})
    property string because: ""         // the "omdat je … leuk vond" line, built by the screen
    readonly property string rank: job && job.rank ? job.rank : ""
    readonly property bool surprise: job && job.surprise ? true : false
    readonly property var companyNames: job && job.companies ? job.companies : []
    readonly property bool wide: width > height * 1.5
    readonly property bool compact: !wide && height < Theme.px(520)
    readonly property bool low: wide && height < Theme.px(330)   // duo on a portrait screen
    readonly property int pad: Theme.px(18)
    readonly property real side: Math.min(width * 0.3, Theme.px(280))
    radius: Theme.radius
    color: Theme.surface
    border.color: surprise ? Theme.accent : "transparent"; border.width: Theme.px(4)
    clip: true

    GameArt {
        id: picture
        x: card.pad; y: card.pad
        width: card.wide ? card.side : card.width - 2 * card.pad
        // wide cards: the picture fills the left column; the video button lies over its foot
        height: card.wide ? card.height - 2 * card.pad : Math.max(Theme.px(70), card.height * 0.18)
        image: card.job && card.job.image ? card.job.image : ""
        art: card.job && card.job.art ? card.job.art : "spark"
        tint: card.job && card.job.tint ? card.job.tint : Theme.textDim
    }
    Rectangle {
        anchors { left: picture.left; top: picture.top; margins: Theme.px(12) }
        width: badge.implicitWidth + Theme.px(28); height: badge.implicitHeight + Theme.px(10)
        radius: height / 2; color: card.surprise ? Theme.background : Theme.background
        Text {
            id: badge
            anchors.centerIn: parent
            text: card.surprise ? qsTr("Verrassing!") : "#" + card.rank
            color: card.surprise ? Theme.accent : Theme.text
            font.pixelSize: Theme.fontSmall; font.weight: Font.Black
        }
    }

    Column {
        id: words
        x: card.wide ? card.side + 2 * card.pad : card.pad
        y: card.wide ? card.pad : picture.y + picture.height + card.pad
        width: card.wide ? card.width - card.side - 3 * card.pad : card.width - 2 * card.pad
        height: (card.wide || !watch.visible ? card.height - card.pad : watch.y - card.pad / 2) - y
        spacing: Theme.px(8)
        clip: true
        Text {
            width: parent.width; wrapMode: Text.WordWrap; maximumLineCount: 2; elide: Text.ElideRight
            text: card.job && card.job.title ? card.job.title : ""
            color: Theme.text; font.pixelSize: Theme.fontBody + Theme.px(4); font.weight: Font.Black
        }
        Text {
            width: parent.width; wrapMode: Text.WordWrap; maximumLineCount: 2; elide: Text.ElideRight
            // a short card with a video button keeps "omdat …" and lets the day line go
            visible: !(card.compact && watch.visible)
            text: card.job && card.job.day ? card.job.day : ""
            color: Theme.text; font.pixelSize: Theme.fontSmall
        }
        Text {
            width: parent.width; wrapMode: Text.WordWrap; maximumLineCount: card.wide || card.compact ? 2 : 3
            elide: Text.ElideRight
            visible: text !== ""
            text: card.surprise && card.because === "" ? qsTr("Iets heel anders dat ook bij je past") : card.because
            color: Theme.teal; font.pixelSize: Theme.fontSmall; font.weight: Font.Bold
        }
        Text {
            width: parent.width; wrapMode: Text.WordWrap; maximumLineCount: 1; elide: Text.ElideRight
            visible: !card.compact && !card.low
            text: card.job && card.job.route ? card.job.route : ""
            color: Theme.textDim; font.pixelSize: Theme.fontSmall
        }
        Text {
            objectName: "resultCompanies_" + card.rank
            width: parent.width; maximumLineCount: 1; elide: Text.ElideRight
            visible: card.companyNames.length > 0 && !card.low   // low cards: the Bedrijven button
            text: qsTr("Vandaag hier: %1").arg(card.companyNames.join(", "))
            color: Theme.accent; font.pixelSize: Theme.fontSmall; font.weight: Font.Bold
            TapHandler {
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: { companies.showJob(card.job.id); controller.openSection("companies") }
            }
        }
    }

    PillButton {
        id: watch
        objectName: "resultWatch_" + card.rank
        x: card.wide ? card.pad + Theme.px(10) : card.pad
        y: card.height - card.pad - height - (card.wide ? Theme.px(10) : 0)
        width: card.wide ? card.side - Theme.px(20) : card.width - 2 * card.pad
        height: Theme.touchMin
        visible: card.job && card.job.episode ? card.job.episode !== "" : false
        fontSize: Theme.fontSmall + Theme.px(2)
        text: qsTr("Kijk de video")
        onClicked: {
            if (typeof controller.playEpisode === "function")
                controller.playEpisode(card.job.episode, "game")
        }
    }
}
