pragma ComponentBehavior: Bound
import QtQuick

// "Jouw richting" in words: what you like doing and where (never a type label or code).
Flow {
    id: chips
    property var direction: ({})
    spacing: Theme.px(12)

    function typeWord(t) {
        switch (t) {
        case "R": return qsTr("Zelf doen en maken")
        case "I": return qsTr("Uitzoeken hoe het werkt")
        case "A": return qsTr("Creatief bedenken")
        case "S": return qsTr("Helpen en uitleggen")
        case "E": return qsTr("Regelen en organiseren")
        case "C": return qsTr("Precies en netjes werken")
        }
        return ""
    }
    function domainWord(d) {
        switch (d) {
        case "bouw": return qsTr("Bouw & hout")
        case "energie": return qsTr("Elektro & energie")
        case "installatie": return qsTr("Installatie & klimaat")
        case "metaal": return qsTr("Metaal & machines")
        case "voertuigen": return qsTr("Voertuigen")
        case "media": return qsTr("Media & ICT")
        case "maritiem": return qsTr("Water & schepen")
        }
        return ""
    }
    readonly property var words: {
        var out = []
        var d = direction || {}
        for (var i = 0; d.types && i < d.types.length; i++) out.push({ "w": typeWord(d.types[i]), "c": Theme.teal })
        for (var j = 0; d.domains && j < d.domains.length; j++) out.push({ "w": domainWord(d.domains[j]), "c": Theme.violet })
        return out
    }
    Repeater {
        model: chips.words
        Rectangle {
            id: chip
            required property var modelData
            width: Math.min(chips.width, word.implicitWidth + Theme.px(36))
            height: word.implicitHeight + Theme.px(16)
            radius: height / 2; color: modelData.c
            Text {
                id: word
                anchors.centerIn: parent
                width: Math.min(implicitWidth, chips.width - Theme.px(36)); elide: Text.ElideRight
                text: chip.modelData.w
                color: Theme.inkOnAccent; font.pixelSize: Theme.fontSmall + Theme.px(2); font.weight: Font.Bold
            }
        }
    }
}
