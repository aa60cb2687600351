pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// For parents and teachers: the route from school to work at a glance (vmbo profile → mbo
// level → job), the five technical vmbo profiles in one line each, their clips, and a code to
// take it home. The words are Python's (Kiosk.parents, kiosk.core.routes); this only lays out.
// Landscape: the route on the left, clips and code on the right. Portrait: the route on top
// (read, not touched), clips and code below it, within reach.
Item {
    id: screen
    objectName: "parentsScreen"
    readonly property bool portrait: Theme.portrait
    readonly property var page: Kiosk.parents

    // One step of the route with the arrow to the next; `needed` is its text's height.
    component StepBox: Row {
        id: step
        required property var modelData
        required property int index
        readonly property real needed: stepWords.implicitHeight + 2 * Theme.px(18)
        spacing: Theme.px(12)
        Rectangle {
            objectName: "parentsStep_" + (step.index + 1)
            width: (steps.width - 2 * (steps.arrow + 2 * steps.spacing)) / 3
            height: Math.max(step.needed, steps.tallest)
            radius: Theme.px(20); color: Theme.surface
            Column {
                id: stepWords
                x: Theme.px(18); y: Theme.px(18)
                width: parent.width - 2 * Theme.px(18)
                spacing: Theme.px(6)
                Text {
                    width: parent.width; wrapMode: Text.WordWrap
                    text: (step.index + 1) + "  " + step.modelData.title
                    color: Theme.accent; font.pixelSize: Theme.fontBody; font.weight: Font.Black
                }
                Text {
                    width: parent.width; wrapMode: Text.WordWrap
                    text: step.modelData.line
                    color: Theme.text; font.pixelSize: Theme.fontSmall
                }
            }
        }
        Text {
            visible: step.index < 2
            width: steps.arrow
            anchors.verticalCenter: parent.verticalCenter
            horizontalAlignment: Text.AlignHCenter
            text: "→"
            color: Theme.accent; font.pixelSize: Theme.fontLarge; font.weight: Font.Black
        }
    }

    Text {
        id: heading
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
        anchors.rightMargin: Theme.margin + Theme.topBarSpace
        anchors.topMargin: Theme.px(40)
        text: qsTr("Voor ouders & docenten")
        color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.Black
        wrapMode: Text.WordWrap
    }

    // -- the route ------------------------------------------------------------------------------
    Column {
        id: route
        anchors { left: parent.left; top: heading.bottom; leftMargin: Theme.margin
                  topMargin: Theme.gap }
        width: screen.portrait ? screen.width - 2 * Theme.margin : screen.width * 0.56
        spacing: Theme.gap

        Row {
            id: steps
            width: parent.width
            spacing: Theme.px(12)
            readonly property real arrow: Theme.px(36)
            // every step as tall as the tallest
            readonly property real tallest: {
                var most = 0
                for (var i = 0; i < stepRepeater.count; i++) {
                    var item = stepRepeater.itemAt(i) as StepBox
                    if (item)
                        most = Math.max(most, item.needed)
                }
                return most
            }
            Repeater {
                id: stepRepeater
                model: screen.page ? screen.page.steps : []
                StepBox {}
            }
        }

        Text {
            width: parent.width; wrapMode: Text.WordWrap
            text: qsTr("Vijf techniekprofielen op het vmbo")
            color: Theme.text; font.pixelSize: Theme.fontLarge - Theme.px(6); font.weight: Font.Black
        }
        Column {
            width: parent.width
            spacing: Theme.px(14)
            Repeater {
                model: screen.page ? screen.page.profiles : []
                Row {
                    id: profile
                    required property var modelData
                    objectName: "parentsProfile_" + modelData.code
                    width: parent.width
                    spacing: Theme.px(16)
                    Rectangle {
                        width: Theme.px(96); height: Theme.px(52); radius: height / 2
                        color: Theme.sky
                        Text {
                            anchors.centerIn: parent
                            text: profile.modelData.code
                            color: Theme.inkOnAccent; font.pixelSize: Theme.fontSmall
                            font.weight: Font.Black
                        }
                    }
                    Column {
                        width: parent.width - Theme.px(96) - parent.spacing
                        Text {
                            width: parent.width; wrapMode: Text.WordWrap
                            text: profile.modelData.name
                            color: Theme.text; font.pixelSize: Theme.fontSmall + Theme.px(2)
                            font.weight: Font.Bold
                        }
                        Text {
                            width: parent.width; wrapMode: Text.WordWrap
                            text: profile.modelData.line
                                  + (profile.modelData.examples.length > 0
                                     ? " " + qsTr("Bijvoorbeeld: %1.").arg(
                                           profile.modelData.examples.join(", "))
                                     : "")
                            color: Theme.textDim; font.pixelSize: Theme.fontSmall
                        }
                    }
                }
            }
        }
    }

    // -- clips and the code -----------------------------------------------------------------------
    // Landscape: the clips side by side, the code under them. Portrait: the code beside the
    // clips, so everything fits above the Home bar.
    Item {
        id: side
        x: screen.portrait ? Theme.margin : route.x + route.width + Theme.gap * 2
        y: screen.portrait ? Math.max(route.y + route.height + Theme.gap, Theme.reachTop)
                           : heading.y + heading.height + Theme.gap
        width: screen.portrait ? screen.width - 2 * Theme.margin : screen.width - x - Theme.margin
        height: screen.portrait ? clipsTitle.height + Theme.gap + Math.max(clipRow.height, codeBlock.height)
                                : clipRow.y + clipRow.height + Theme.gap + codeBlock.height

        Text {
            id: clipsTitle
            width: clipRow.width; wrapMode: Text.WordWrap
            visible: clips.count > 0
            text: qsTr("Kijk samen")
            color: Theme.text; font.pixelSize: Theme.fontLarge - Theme.px(6); font.weight: Font.Black
        }
        Row {
            id: clipRow
            y: clipsTitle.height + Theme.gap
            width: screen.portrait ? side.width - codeBlock.width - Theme.gap : side.width
            spacing: Theme.gap
            Repeater {
                id: clips
                // the parents' clips of every series, in the pack's order
                model: {
                    var all = []
                    var rows = Kiosk.catalog ? Kiosk.catalog.rows : []
                    for (var i = 0; i < rows.length; i++)
                        all = all.concat(rows[i].episodes)
                    return all.slice(0, 2)
                }
                EpisodeTile {
                    required property var modelData
                    objectName: "episodeTile_" + modelData.id
                    width: (clipRow.width - Theme.gap) / 2
                    episode: modelData
                    onClicked: Kiosk.controller.playEpisode(modelData.id, "tile")
                }
            }
        }
        Grid {
            id: codeBlock
            x: screen.portrait ? side.width - width : 0
            y: screen.portrait ? clipRow.y : clipRow.y + clipRow.height + Theme.gap
            columns: screen.portrait ? 1 : 2
            spacing: Theme.gap
            verticalItemAlignment: Grid.AlignVCenter
            horizontalItemAlignment: Grid.AlignHCenter
            QrCode {
                id: code
                objectName: "qr_parents"
                payload: screen.page ? screen.page.codeLink : ""
                size: Theme.px(200)
                label: qsTr("Lees thuis verder")
            }
            // reads the route and the profiles aloud; a lone round button did not say what it
            // reads, so it carries a word (both hidden without a voice for the language)
            Column {
                spacing: Theme.px(8)
                SpeakerButton {
                    id: parentsSpeaker
                    objectName: "speaker_parents"
                    anchors.horizontalCenter: parent.horizontalCenter
                    kind: "parents"
                    text: screen.page ? screen.page.speech : ""
                }
                Text {
                    objectName: "speakerParentsLabel"
                    visible: parentsSpeaker.visible
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("Lees voor")
                    color: Theme.text; font.pixelSize: Theme.fontSmall; font.weight: Font.Bold
                }
            }
        }
    }
}
