import QtQuick

// The face of one activity card: a picture (or placeholder) and the sentence, plus the
// "Vet!" / "Niks voor mij" stamps that fade in as the card leans (`lean` −1 … 1).
Rectangle {
    id: face
    property var card: ({})
    property real lean: 0
    property bool speakable: false   // the card in play has a speaker; the one beneath does not
    readonly property string cardId: card && card.id ? card.id : ""
    radius: Theme.radius
    color: "#FFFFFF"
    border.color: Qt.rgba(0, 0, 0, 0.08); border.width: Theme.px(2)

    GameArt {
        id: picture
        objectName: "cardPicture_" + face.cardId
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(18) }
        height: parent.height * 0.56
        image: face.card && face.card.image ? face.card.image : ""
        art: face.card && face.card.art ? face.card.art : "spark"
        tint: face.card && face.card.tint ? face.card.tint : Theme.surface
    }
    // Reads the card's sentence aloud (hidden without a voice for the language).
    SpeakerButton {
        objectName: "speaker_card"
        anchors { right: picture.right; bottom: picture.bottom; margins: Theme.px(14) }
        kind: "card"
        wanted: face.speakable
        text: face.card && face.card.speech ? face.card.speech : ""
    }
    Text {
        anchors { left: parent.left; right: parent.right; top: picture.bottom; bottom: parent.bottom
                  margins: Theme.px(26) }
        text: face.card && face.card.text ? face.card.text : ""
        color: Theme.inkOnAccent
        font.pixelSize: Theme.fontLarge; font.weight: Font.Black
        fontSizeMode: Text.Fit; minimumPixelSize: Theme.fontBody
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter
    }

    Stamp {
        anchors { left: parent.left; top: parent.top; margins: Theme.px(36) }
        rotation: -12
        text: qsTr("Vet!")
        tone: Theme.teal
        opacity: Math.max(0, face.lean)
    }
    Stamp {
        anchors { right: parent.right; top: parent.top; margins: Theme.px(36) }
        rotation: 12
        text: qsTr("Niks voor mij")
        tone: Theme.coral
        opacity: Math.max(0, -face.lean)
    }
}
