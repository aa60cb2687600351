pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Admin dashboard (behind the PIN): the campaign's figures for one event and day.
// Reads `Kiosk.dashboard` (kiosk/ui/dashboard.py); it shows, Python computes.
Item {
    id: root
    objectName: "dashboard"
    readonly property bool wide: width > height
    readonly property int chartWidth: wide ? (content.width - Theme.gap) / 2 : content.width
    readonly property int chartHeight: Theme.px(440)

    Flickable {
        anchors.fill: parent
        contentHeight: content.height + Theme.margin
        clip: true
        flickableDirection: Flickable.VerticalFlick
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: content
            width: parent.width
            spacing: Theme.gap

            // --- filters: touch-sized buttons, no keyboard ---------------------------------
            FilterRow {
                objectName: "dashEvents"
                model: Kiosk.dashboard.eventChoices
                current: Kiosk.dashboard.filterEvent
                prefix: "dashEvent_"
                onPicked: (id) => Kiosk.dashboard.setEvent(id)
            }
            FilterRow {
                objectName: "dashDays"
                model: Kiosk.dashboard.dayChoices
                current: Kiosk.dashboard.filterDay
                prefix: "dashDay_"
                onPicked: (id) => Kiosk.dashboard.setDay(id)
            }

            // --- big figures ---------------------------------------------------------------
            Flow {
                width: parent.width
                spacing: Theme.gap
                opacity: Kiosk.dashboard.busy ? 0.5 : 1.0
                Figure { objectName: "dashSessions"; label: qsTr("Bezoeken"); value: String(Kiosk.dashboard.sessions) }
                Figure { objectName: "dashDwell"; label: qsTr("Tijd per bezoek"); value: Kiosk.dashboard.dwellText }
                Figure { objectName: "dashVideos"; label: qsTr("Video's per bezoek"); value: Kiosk.dashboard.videosText }
                Figure {
                    objectName: "dashWatchThrough"
                    label: qsTr("Kijkt tot het eind (campagne %1)").arg(Kiosk.dashboard.referenceText)
                    value: Kiosk.dashboard.watchThroughText
                }
                Figure { objectName: "dashGameFinish"; label: qsTr("Spel uitgespeeld"); value: Kiosk.dashboard.gameFinishText }
                Figure { objectName: "dashGameTime"; label: qsTr("Speeltijd"); value: Kiosk.dashboard.gameTimeText }
                Figure { objectName: "dashResetsIdle"; label: qsTr("Vanzelf gestopt"); value: String(Kiosk.dashboard.resetsIdle) }
                Figure { objectName: "dashResetsHand"; label: qsTr("Zelf afgesloten"); value: String(Kiosk.dashboard.resetsByHand) }
                Figure { objectName: "dashLanguages"; label: qsTr("Talen"); value: Kiosk.dashboard.languagesText }
                Figure {  // the campaign's question (event [pulse]): only where it was asked
                    objectName: "dashPulse"
                    visible: Kiosk.dashboard.pulseAsked
                    label: qsTr("Past techniek bij jou? (1–5)")
                    value: Kiosk.dashboard.pulseText
                }
            }

            // --- charts --------------------------------------------------------------------
            Flow {
                width: parent.width
                spacing: Theme.gap

                Panel {
                    // one bar per episode: grow with the pack so every title fits
                    height: Math.max(root.chartHeight, Theme.px(130) + Kiosk.dashboard.episodes.length * Theme.px(46))
                    title: qsTr("Tot het eind gekeken, per aflevering (lijn: campagne %1)").arg(Kiosk.dashboard.referenceText)
                    SvgChart { objectName: "chartWatchThrough"; chart: "watch"; barColor: Theme.teal }
                }
                Panel {
                    title: qsTr("Bezoeken per uur")
                    SvgChart { objectName: "chartSessionsPerHour"; chart: "hours"; barColor: Theme.accent }
                }
                Panel {
                    title: qsTr("Beroepen die het vaakst bovenaan staan")
                    SvgChart { objectName: "chartJobs"; chart: "jobs"; barColor: Theme.accent }
                }
                Panel {
                    title: qsTr("Kaarten: vind ik leuk (%)")
                    SvgChart { objectName: "chartCards"; chart: "cards"; barColor: Theme.coral }
                }
            }

            // --- QR codes shown ------------------------------------------------------------
            Text {
                text: qsTr("QR-codes getoond")
                color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.Bold
            }
            Flow {
                width: parent.width
                spacing: Theme.gap
                Repeater {
                    objectName: "dashQr"
                    model: Kiosk.dashboard.qrShows
                    Figure {
                        required property var modelData
                        small: true
                        label: modelData.label
                        value: String(modelData.count)
                    }
                }
            }
        }
    }

    // --- parts ---------------------------------------------------------------------------
    component Figure: Rectangle {
        id: figure
        property string label
        property string value
        property bool small: false
        width: Math.max(Theme.px(small ? 260 : 300),
                        Math.max(labelText.implicitWidth, valueText.implicitWidth) + Theme.px(48))
        height: small ? Theme.px(140) : Theme.px(190)
        radius: Theme.radius
        color: Theme.surface
        Column {
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                      margins: Theme.px(24) }
            spacing: Theme.px(6)
            Text {
                id: valueText
                objectName: "value"
                text: figure.value
                color: Theme.accent
                font.pixelSize: figure.small ? Theme.fontLarge : Theme.fontHuge * 0.8
                font.weight: Font.Black
            }
            Text {
                id: labelText
                text: figure.label
                color: Theme.textDim; font.pixelSize: Theme.fontSmall
            }
        }
    }

    component Panel: Rectangle {
        property alias title: heading.text
        default property alias chart: holder.data
        width: root.chartWidth
        height: root.chartHeight
        radius: Theme.radius
        color: Theme.surface
        Text {
            id: heading
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(24) }
            color: Theme.text; font.pixelSize: Theme.fontSmall; font.weight: Font.Bold
            elide: Text.ElideRight
        }
        Item {
            id: holder
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom
                      top: heading.bottom; margins: Theme.px(12) }
        }
    }

    component FilterRow: Flickable {
        id: filterRow
        property var model: []
        property string current
        property string prefix
        signal picked(string id)
        width: parent.width
        height: Theme.touchMin
        contentWidth: buttons.width
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        Row {
            id: buttons
            spacing: Theme.px(16)
            Repeater {
                model: filterRow.model
                PillButton {
                    required property var modelData
                    objectName: filterRow.prefix + (modelData.id === "" ? "all" : modelData.id)
                    text: modelData.label
                    fill: modelData.id === filterRow.current ? Theme.accent : Theme.surface
                    ink: modelData.id === filterRow.current ? Theme.inkOnAccent : Theme.text
                    onClicked: filterRow.picked(modelData.id)
                }
            }
        }
    }

    // A chart drawn by Python (the campaign report's SVG chart code, kiosk/ui/chart_images.py)
    // in the theme's colours, as large as the panel allows with its proportions kept.
    component SvgChart: Image {
        property string chart
        property color barColor: Theme.accent
        anchors.fill: parent
        fillMode: Image.PreserveAspectFit
        horizontalAlignment: Image.AlignLeft
        verticalAlignment: Image.AlignTop
        cache: false
        sourceSize: Qt.size(width, height)
        source: width > 0 && height > 0
                ? "image://charts/" + chart + "?v=" + Kiosk.dashboard.chartsVersion
                  + "&ink=" + encodeURIComponent(String(Theme.text))
                  + "&muted=" + encodeURIComponent(String(Theme.textDim))
                  + "&bar=" + encodeURIComponent(String(barColor))
                  + "&paper=" + encodeURIComponent(String(Theme.surface))
                : ""
    }
}
