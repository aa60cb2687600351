"""The campaign report's section on its own question (``id="pulse"``), Dutch or English.

Figures come from ``pulse_report``; a figure whose base holds fewer than
``Config.report.pulse_min_group`` answers is replaced by "te weinig antwoorden" (no number at all,
so a small group cannot be told apart). Under the figures: what they are and what they are not.
"""
from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from kiosk.core.pulse import VALUES
from kiosk.insights import charts
from kiosk.insights.charts import Bar
from kiosk.insights.pulse_report import GROUPS, PulseCounts, PulseFigures
from kiosk.insights.report_text import Words

TEXT: dict[str, tuple[str, str]] = {
    "title": ("De vraag van de campagne: past techniek bij jou?",
              "The campaign's question: is tech your thing?"),
    "intro": ("Bezoekers konden na 'Tik om te beginnen' met één tik antwoorden (1 = helemaal "
              "niet … 5 = helemaal wel) en na het spel of een hele video nog één keer.",
              "Visitors could answer with one tap after 'Tap to start' (1 = not at all … 5 = "
              "totally) and once more after the game or a whole video."),
    "too_few": ("te weinig antwoorden", "too few answers"),
    "response": ("Wie antwoordde", "Who answered"),
    "asked": ("Bezoeken met de vraag", "Visits asked"),
    "before_answered": ("Antwoord vooraf", "Answered before"),
    "before_skipped": ("Vooraf overgeslagen", "Skipped before"),
    "stopped": ("Gestopt bij de vraag", "Stopped at the question"),
    "stopped_caption": ("Deel van de bezoeken dat na de vraag niet verder ging dan dat scherm: "
                        "zo kost de vraag bezoeken.",
                        "Share of visits that went no further than the question's screen: what "
                        "asking costs in visits."),
    "offered_after": ("Vraag achteraf gesteld", "Asked again after"),
    "after_answered": ("Antwoord achteraf", "Answered after"),
    "after_skipped": ("Achteraf overgeslagen", "Skipped after"),
    "of_asked": ("van de bezoeken met de vraag", "of visits asked"),
    "of_offered": ("van wie het achteraf zag", "of those asked again"),
    "before": ("Voor het bezoek", "Before the visit"),
    "after": ("Na het bezoek", "After the visit"),
    "dist_caption": ("Deel van de antwoorden per gezicht ({n} antwoorden).",
                     "Share of answers per face ({n} answers)."),
    "face": ("{v}", "{v}"),
    "face_low": ("1 helemaal niet", "1 not at all"),
    "face_high": ("5 helemaal wel", "5 totally"),
    "change": ("Van voor naar na", "From before to after"),
    "change_caption": ("Bezoeken die voor én na antwoordden ({n}): hoger, gelijk of lager.",
                       "Visits that answered before and after ({n}): higher, the same or "
                       "lower."),
    "up": ("hoger", "higher"), "same": ("gelijk", "the same"), "down": ("lager", "lower"),
    "mean_change": ("Gemiddelde verandering", "Mean change"),
    "interval": ("95 %-interval {low} tot {high}", "95% interval {low} to {high}"),
    "method": ("Het interval is Student's t-interval voor het gemiddelde van de gepaarde "
               "verschillen (na min voor, per bezoek).",
               "The interval is Student's t interval for the mean of the paired differences "
               "(after minus before, per visit)."),
    "groups": ("Per groep", "Per group"),
    "groups_caption": ("Alleen bij evenementen die de groepsvraag stelden. Een groep met minder "
                       "dan {min} antwoorden krijgt geen cijfer.",
                       "Only at events that asked the group question. A group with fewer than "
                       "{min} answers gets no figure."),
    "group": ("Groep", "Group"),
    "answers": ("Antwoorden", "Answers"),
    "mean_before": ("Gemiddeld vooraf", "Mean before"),
    "mean_after": ("Gemiddeld achteraf", "Mean after"),
    "group_girl": ("meisje", "girl"), "group_boy": ("jongen", "boy"),
    "group_other": ("anders", "other"), "group_private": ("zeg ik liever niet", "rather not say"),
    "compare": ("Per evenement en regio", "Per event and region"),
    "slice": ("Evenement of regio", "Event or region"),
    "honest": ("Let op: dit is wat bezoekers zelf aangeven bij een kiosk, geen gecontroleerd "
               "onderzoek. Wie antwoordt, kiest dat zelf; er is geen vergelijkingsgroep zonder "
               "bezoek; een antwoord vlak na een leuk spel zegt niet hoe iemand er over een maand "
               "over denkt. Lees een verschil als een aanwijzing, niet als bewijs.",
               "Note: this is what visitors say about themselves at a kiosk, not a controlled "
               "study. Who answers is self-chosen; there is no comparison group without a "
               "visit; an answer right after a fun game says nothing about how someone feels a "
               "month later. Read a difference as a hint, not as proof."),
    "privacy": ("Er is geen lijst per bezoek: alleen tellingen, en een groep van minder dan {min} "
                "antwoorden krijgt geen cijfer.",
                "There is no list per visit: only counts, and a group of fewer than {min} "
                "answers gets no figure."),
}


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


class PulseWords:
    """The section's words in one language, with the report's number formats."""

    def __init__(self, words: Words, min_group: int) -> None:
        self.w = words
        self._i = 1 if words.lang == "en" else 0
        self.min = min_group

    def __call__(self, key: str, **values: str) -> str:
        return TEXT[key][self._i].format(min=str(self.min), **values)

    def signed(self, x: float) -> str:
        text = self.w.decimal(abs(x), 2)
        return ("−" if x < 0 and text.strip("0,.") else "+") + text


def _share(part: int, whole: int, pw: PulseWords) -> str:
    return f"{pw.w.pct(part / whole)} ({pw.w.whole(part)})" if whole else "–"


def _mean(dist: list[int]) -> float | None:
    n = sum(dist)
    return sum(v * k for v, k in zip(VALUES, dist)) / n if n else None


def _response(c: PulseCounts, fig: PulseFigures, pw: PulseWords) -> str:
    if not fig.enough(c.asked):
        return f'<p class="meta">{_e(pw("response"))}: {_e(pw("too_few"))}</p>'
    w = pw.w
    rows = [(pw("asked"), w.whole(c.asked), ""),
            (pw("before_answered"), _share(c.before_answered, c.asked, pw), pw("of_asked")),
            (pw("before_skipped"), _share(c.before_skipped, c.asked, pw), pw("of_asked")),
            (pw("stopped"), _share(c.stopped, c.asked, pw), pw("stopped_caption"))]
    if fig.enough(c.offered_after):
        rows += [(pw("offered_after"), w.whole(c.offered_after), ""),
                 (pw("after_answered"), _share(c.after_answered, c.offered_after, pw),
                  pw("of_offered")),
                 (pw("after_skipped"), _share(c.after_skipped, c.offered_after, pw),
                  pw("of_offered"))]
    else:
        rows.append((pw("offered_after"), pw("too_few"), ""))
    body = "".join(f'<tr><td>{_e(a)}</td><td class="n">{_e(b)}</td><td>{_e(note)}</td></tr>'
                   for a, b, note in rows)
    return f'<h3>{_e(pw("response"))}</h3><table><tbody>{body}</tbody></table>'


def _distribution(title: str, dist: list[int], fig: PulseFigures, pw: PulseWords) -> str:
    n = sum(dist)
    if not fig.enough(n):
        return (f'<figure><h3>{_e(title)}</h3><p class="meta">{_e(pw("too_few"))}</p>'
                f'</figure>')
    labels = [pw("face_low"), "2", "3", "4", pw("face_high")]
    svg = charts.hbars([Bar(label, k / n, f"{pw.w.pct(k / n)} ({pw.w.whole(k)})")
                        for label, k in zip(labels, dist)], title, top=1.0)
    return (f'<figure><h3>{_e(title)}</h3><figcaption>'
            f'{_e(pw("dist_caption", n=pw.w.whole(n)))}</figcaption>{svg}</figure>')


def _change_text(c: PulseCounts, pw: PulseWords) -> str:
    change = c.change
    if change is None:
        return pw("too_few")
    interval = pw("interval", low=pw.signed(change.low), high=pw.signed(change.high))
    return f"{pw.signed(change.mean)} ({interval})"


def _change(c: PulseCounts, fig: PulseFigures, pw: PulseWords) -> str:
    if not fig.enough(c.pairs):
        return (f'<figure><h3>{_e(pw("change"))}</h3><p class="meta">{_e(pw("too_few"))}</p>'
                f'</figure>')
    w = pw.w
    parts = [Bar(pw("up"), c.up, _share(c.up, c.pairs, pw)),
             Bar(pw("same"), c.same, _share(c.same, c.pairs, pw)),
             Bar(pw("down"), c.down, _share(c.down, c.pairs, pw))]
    return (f'<figure><h3>{_e(pw("change"))}</h3><figcaption>'
            f'{_e(pw("change_caption", n=w.whole(c.pairs)))}</figcaption>'
            f'{charts.shares(parts, pw("change"))}'
            f'<p><b>{_e(pw("mean_change"))}: {_e(_change_text(c, pw))}</b></p>'
            f'<p class="meta">{_e(pw("method"))}</p></figure>')


def _groups(fig: PulseFigures, pw: PulseWords) -> str:
    if not fig.asked_group:
        return ""
    w = pw.w
    rows = []
    for group in GROUPS:
        c = fig.groups[group]
        label = pw(f"group_{group}")
        if not fig.shown(c):
            rows.append(f'<tr><td>{_e(label)}</td><td colspan="6">{_e(pw("too_few"))}</td></tr>')
            continue

        def cell(n: int, text: str) -> str:
            return _e(text if fig.enough(n) else pw("too_few"))

        # shares only: inside a group the counts behind them can be very small
        moves = " / ".join(w.pct(k / c.pairs) for k in (c.up, c.same, c.down)) if c.pairs else "–"
        rows.append(
            f'<tr><td>{_e(label)}</td><td class="n">{_e(w.whole(c.before_answered))}</td>'
            f'<td class="n">{cell(c.before_answered, w.decimal(_mean(c.before), 2))}</td>'
            f'<td class="n">{cell(c.after_answered, w.decimal(_mean(c.after), 2))}</td>'
            f'<td class="n">{cell(c.pairs, w.whole(c.pairs))}</td>'
            f'<td>{cell(c.pairs, moves)}</td>'
            f'<td>{cell(c.pairs, _change_text(c, pw))}</td></tr>')
    head = "".join(f"<th>{_e(h)}</th>" for h in (
        pw("group"), pw("answers"), pw("mean_before"), pw("mean_after"), pw("change"),
        f'{pw("up")} / {pw("same")} / {pw("down")}', pw("mean_change")))
    return (f'<h3>{_e(pw("groups"))}</h3><p class="meta">{_e(pw("groups_caption"))}</p>'
            f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def block(fig: PulseFigures, words: Words) -> str:
    """One slice's figures: response, before and after, the change, per group."""
    pw = PulseWords(words, fig.min_group)
    c = fig.all
    return (_response(c, fig, pw)
            + '<div class="grid">' + _distribution(pw("before"), c.before, fig, pw)
            + _distribution(pw("after"), c.after, fig, pw) + _change(c, fig, pw) + "</div>"
            + _groups(fig, pw))


def _compare(rows: Sequence[tuple[str, PulseFigures]], pw: PulseWords) -> str:
    w = pw.w
    shown = [(label, fig) for label, fig in rows if fig.all.asked]
    if len(shown) < 2:
        return ""
    body = []
    for label, fig in shown:
        c = fig.all
        if not fig.enough(c.asked):
            body.append(f'<tr><td>{_e(label)}</td><td colspan="5">{_e(pw("too_few"))}</td></tr>')
            continue
        pairs = _e(w.whole(c.pairs)) if fig.enough(c.pairs) else _e(pw("too_few"))
        change = _e(_change_text(c, pw)) if fig.enough(c.pairs) else _e(pw("too_few"))
        body.append(f'<tr><td>{_e(label)}</td><td class="n">{_e(w.whole(c.asked))}</td>'
                    f'<td class="n">{_e(_share(c.before_answered, c.asked, pw))}</td>'
                    f'<td class="n">{_e(_share(c.stopped, c.asked, pw))}</td>'
                    f'<td class="n">{pairs}</td><td>{change}</td></tr>')
    head = "".join(f"<th>{_e(h)}</th>" for h in (
        pw("slice"), pw("asked"), pw("before_answered"), pw("stopped"), pw("change"),
        pw("mean_change")))
    return (f'<h3>{_e(pw("compare"))}</h3><table><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def section(overall: PulseFigures, slices: Sequence[tuple[str, PulseFigures]],
            words: Words) -> str:
    """The summary page's section ``id="pulse"`` (empty when no visit was ever asked)."""
    if not overall.all.asked:
        return ""
    pw = PulseWords(words, overall.min_group)
    return (f'<section id="pulse"><h2>{_e(pw("title"))}</h2><p class="meta">{_e(pw("intro"))}'
            f'</p>{block(overall, words)}{_compare(slices, pw)}'
            f'<p class="note">{_e(pw("honest"))}</p><p class="meta">{_e(pw("privacy"))}</p>'
            f'</section>')


def event_block(fig: PulseFigures, words: Words, anchor: str) -> str:
    """An event page's part (its own id, so the campaign's ``pulse`` stays unique)."""
    if not fig.all.asked:
        return ""
    pw = PulseWords(words, fig.min_group)
    return (f'<section id="{_e(anchor)}"><h2>{_e(pw("title"))}</h2>{block(fig, words)}'
            f'<p class="note">{_e(pw("honest"))}</p></section>')
