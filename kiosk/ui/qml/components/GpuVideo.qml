import QtQuick
import QtMultimedia

// Qt's VideoOutput (full mode), in a file of its own: KioskVideo loads it only once there is a
// player, so attract's first frame does not load Qt's multimedia QML module.
VideoOutput {
    property bool crop: false
    fillMode: crop ? VideoOutput.PreserveAspectCrop : VideoOutput.PreserveAspectFit
}
