pragma ComponentBehavior: Bound
import QtQuick

// "Jouw richting" in words: what you like doing and where (never a type label or code).
Flow {
    id: chips
    property var direction: ({})
    // smaller chips where a panel is short (the duo's guess panels under long job titles)
    property bool compact: false
    spacing: Theme.px(compact ? 8 : 12)

    // The words come from Python (kiosk.core.direction_words), in the visitor's language.
    readonly property var words: (direction || {}).words || []
    Repeater {
        model: chips.words
        Rectangle {
            id: chip
            required property var modelData
            width: Math.min(chips.width, word.implicitWidth + Theme.px(chips.compact ? 28 : 36))
            height: word.implicitHeight + Theme.px(chips.compact ? 8 : 16)
            radius: height / 2; color: modelData.kind === "type" ? Theme.teal : Theme.violet
            Text {
                id: word
                anchors.centerIn: parent
                width: Math.min(implicitWidth, chips.width - Theme.px(36)); elide: Text.ElideRight
                text: chip.modelData.word
                color: Theme.inkOnAccent; font.pixelSize: Theme.fontSmall + Theme.px(chips.compact ? -2 : 2)
                font.weight: Font.Bold
            }
        }
    }
}
