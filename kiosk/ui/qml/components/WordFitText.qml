import QtQuick

// Text that wraps between words only, never inside one ("Autoschadehersteller" stays whole):
// when its longest word is wider than the line, the font shrinks until it fits, down to
// `minimumSize`. Set `size` instead of font.pixelSize. A long text (a course name as a job
// title) also starts smaller, so it takes about as many lines as a short one.
Text {
    id: fit
    property int size: Theme.fontBody
    readonly property int startSize: Math.round(size * (text.length > 70 ? 0.72 : text.length > 40 ? 0.85 : 1))
    property int minimumSize: Math.round(size * 0.6)
    // the longest word by letters; measured in this font at `size`
    readonly property string longest: {
        var words = String(text).split(/\s+/), best = ""
        for (var i = 0; i < words.length; ++i) if (words[i].length > best.length) best = words[i]
        return best
    }
    wrapMode: Text.WordWrap
    font.pixelSize: width <= 0 || metrics.advanceWidth <= 0 ? startSize
                    : Math.max(minimumSize, Math.min(startSize, Math.floor(size * (width - 2) / metrics.advanceWidth)))
    TextMetrics {
        id: metrics
        font.family: fit.font.family
        font.weight: fit.font.weight
        font.pixelSize: fit.size
        text: fit.longest
    }
}
