pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
// PySide6's own QtCharts type description has version mismatches qmllint reports on import;
// nothing in this file can fix them, so that one check is off for this line only.
import QtCharts // qmllint disable import

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
            }

            // --- charts --------------------------------------------------------------------
            Flow {
                width: parent.width
                spacing: Theme.gap

                Panel {
                    // one bar per episode: grow with the pack so every title fits
                    height: Math.max(root.chartHeight, Theme.px(130) + Kiosk.dashboard.episodes.length * Theme.px(46))
                    title: qsTr("Tot het eind gekeken, per aflevering (lijn: campagne %1)").arg(Kiosk.dashboard.referenceText)
                    BarsChart {
                        id: watchChart
                        objectName: "chartWatchThrough"
                        anchors.fill: parent
                        rows: Kiosk.dashboard.episodes
                        valueRole: "pct"
                        maxValue: 100
                        reference: Kiosk.dashboard.referencePct
                        barColor: Theme.teal
                    }
                }
                Panel {
                    title: qsTr("Bezoeken per uur")
                    ChartView {
                        id: hourChart
                        objectName: "chartSessionsPerHour"
                        property var values: Kiosk.dashboard.perHour
                        readonly property QtObject shownLine: hourLine  // tests read what is drawn
                        anchors.fill: parent
                        antialiasing: true
                        backgroundColor: "transparent"
                        legend.visible: false
                        margins { left: 0; right: 0; top: 0; bottom: 0 }
                        // the hours with visits, one either side (an open day is 9–16, not 0–23)
                        readonly property int firstHour: Math.max(0, values.findIndex(n => n > 0) - 1)
                        readonly property int lastHour: {
                            for (let h = values.length - 1; h >= 0; --h)
                                if (values[h] > 0) return Math.min(23, h + 1)
                            return 23
                        }
                        ValueAxis {
                            id: hourAxis
                            min: hourChart.firstHour; max: Math.max(hourChart.firstHour + 1, hourChart.lastHour)
                            tickCount: max - min + 1 <= 13 ? max - min + 1 : 7; labelFormat: "%d"
                            labelsColor: Theme.textDim; labelsFont.pixelSize: Theme.fontSmall
                            gridLineColor: Qt.rgba(1, 1, 1, 0.08); color: Theme.textDim
                        }
                        ValueAxis {
                            id: countAxis
                            min: 0
                            max: Math.max(4, Math.ceil(Math.max.apply(null, hourChart.values.concat([0])) * 1.15))
                            tickCount: 5; labelFormat: "%d"
                            labelsColor: Theme.textDim; labelsFont.pixelSize: Theme.fontSmall
                            gridLineColor: Qt.rgba(1, 1, 1, 0.08); color: Theme.textDim
                        }
                        LineSeries {
                            id: hourLine
                            axisX: hourAxis; axisY: countAxis
                            color: Theme.accent; width: Theme.px(5)
                        }
                        function fill() {
                            hourLine.clear()
                            for (let h = 0; h < values.length; ++h)
                                hourLine.append(h, values[h])
                        }
                        onValuesChanged: fill()
                        Component.onCompleted: fill()
                    }
                }
                Panel {
                    title: qsTr("Beroepen die het vaakst bovenaan staan")
                    BarsChart {
                        objectName: "chartJobs"
                        anchors.fill: parent
                        rows: Kiosk.dashboard.topJobs
                        valueRole: "count"
                        barColor: Theme.accent
                    }
                }
                Panel {
                    title: qsTr("Kaarten: vind ik leuk (%)")
                    BarsChart {
                        objectName: "chartCards"
                        anchors.fill: parent
                        rows: Kiosk.dashboard.topCards
                        valueRole: "pct"
                        maxValue: 100
                        barColor: Theme.coral
                    }
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

    // Horizontal bars (long Dutch labels stay readable), with an optional reference line.
    component BarsChart: ChartView {
        id: chart
        property var rows: []
        property string valueRole: "count"
        property real maxValue: 0          // 0: from the data
        property real reference: -1        // < 0: no line
        property color barColor: Theme.accent
        readonly property var values: rows.map(r => r[valueRole]).reverse()   // best at the top
        readonly property var labels: rows.map(r => r.label).reverse()
        // what is drawn, for tests (series are not QObject children of a ChartView)
        readonly property QtObject shownSet: barSet
        readonly property QtObject shownAxis: labelAxis
        readonly property QtObject shownReference: referenceLine
        antialiasing: true
        backgroundColor: "transparent"
        legend.visible: false
        margins { left: 0; right: 0; top: 0; bottom: 0 }
        ValueAxis {
            id: valueAxis
            min: 0
            max: chart.maxValue > 0 ? chart.maxValue : Math.max(4, Math.ceil(Math.max.apply(null, chart.values.concat([0])) * 1.15))
            tickCount: 5; labelFormat: "%d"
            labelsColor: Theme.textDim; labelsFont.pixelSize: Theme.fontSmall
            gridLineColor: Qt.rgba(1, 1, 1, 0.08); color: Theme.textDim
        }
        BarCategoryAxis {
            id: labelAxis
            categories: chart.labels
            labelsColor: Theme.text; labelsFont.pixelSize: Theme.px(20)
            gridVisible: false; color: Theme.textDim
        }
        HorizontalBarSeries {
            axisX: valueAxis
            axisY: labelAxis
            barWidth: 0.7
            labelsVisible: true
            labelsPosition: AbstractBarSeries.LabelsInsideEnd
            BarSet { id: barSet; values: chart.values; color: chart.barColor; borderColor: "transparent"; labelColor: Theme.inkOnAccent }
        }
        LineSeries {
            id: referenceLine
            axisX: valueAxis
            axisY: labelAxis
            visible: chart.reference >= 0
            color: Theme.text
            width: Theme.px(4)
            style: Qt.DashLine
        }
        function drawReference() {
            referenceLine.clear()
            if (reference >= 0) {
                referenceLine.append(reference, -0.5)
                referenceLine.append(reference, Math.max(1, values.length) - 0.5)
            }
        }
        onReferenceChanged: drawReference()
        onValuesChanged: drawReference()
        Component.onCompleted: drawReference()
    }
}
