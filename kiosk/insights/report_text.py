"""Words and number formats of the campaign report, Dutch first, English second.

Dutch numbers: ``1.234`` for thousands, ``1,5`` for decimals, ``75 %`` with a space (the
Dutch style guides' choice); English: ``1,234``, ``1.5``, ``75%``.
"""
from __future__ import annotations

import time

from kiosk.config import Config
from kiosk.core.formatting import mm_ss, percent

_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

TEXT: dict[str, tuple[str, str]] = {
    "title": ("Campagnerapport BLIQ Kiosk", "BLIQ Kiosk campaign report"),
    "made": ("Gemaakt op", "Made on"),
    "sources": ("Gegevens uit", "Data from"),
    "period": ("Periode in de gegevens", "Period in the data"),
    "filter_period": ("Gekozen periode", "Chosen period"),
    "events_present": ("Evenementen in de gegevens", "Events in the data"),
    "summary": ("Samenvatting van de campagne", "Campaign summary"),
    "no_visits": ("Nog geen bezoeken in deze gegevens.", "No visits in this data yet."),
    "visits": ("Bezoeken", "Visits"),
    "visit_unit": ("bezoeken", "visits"),
    "visit_one": ("bezoek", "visit"),
    "dwell_median": ("Tijd per bezoek (mediaan)", "Time per visit (median)"),
    "videos_per_visit": ("Video's per kijkend bezoek", "Videos per watching visit"),
    "watch_through": ("Tot het eind gekeken", "Watched to the end"),
    "game_finish": ("Spel uitgespeeld", "Game finished"),
    "compare_events": ("Evenementen naast elkaar", "Events side by side"),
    "compare_regions": ("Regio's naast elkaar", "Regions side by side"),
    "hours_per_event": ("Bezoeken per uur, per evenement", "Visits per hour, per event"),
    "hours_caption": ("Zelfde schaal in elk vak: zo zie je welk evenement wanneer druk was.",
                      "Same scale in every panel: shows which event was busy when."),
    "cmp_visits_caption": ("Aantal bezoeken. Meer is beter.", "Number of visits. More is better."),
    "cmp_videos_caption": ("Video's per bezoek waarin iets werd gekeken; de lijn is de "
                           "~{row_ref} op rij uit het BLIQ-onderzoek. Op of boven de lijn is goed.",
                           "Videos per visit that watched any; the line is the ~{row_ref} in a "
                           "row from the BLIQ research. On or above the line is good."),
    "cmp_watch_caption": ("Deel van de gestarte video's dat tot het eind is gekeken; de lijn is "
                          "de {watch_ref} van de campagne. Op of boven de lijn is goed.",
                          "Share of started videos watched to the end; the line is the "
                          "campaign's {watch_ref}. On or above the line is good."),
    "cmp_game_caption": ("Deel van de gestarte spellen dat is uitgespeeld. Hoger is beter.",
                         "Share of started games that were finished. Higher is better."),
    "per_day": ("Bezoeken per dag", "Visits per day"),
    "per_day_caption": ("Hoeveel bezoeken elke dag begonnen. Laat zien welke dagen druk waren.",
                        "How many visits started each day. Shows the busy days."),
    "per_hour": ("Bezoeken per uur", "Visits per hour"),
    "per_hour_caption": ("Wanneer bezoekers kwamen (lokale tijd). Plan de bemensing op de "
                         "drukke uren.", "When visitors came (local time). Staff the busy hours."),
    "dwell": ("Tijd per bezoek", "Time per visit"),
    "dwell_caption": ("Hoe lang bezoeken duurden (zonder de wachttijd voor een reset). Goed: "
                      "langer dan de ~30 s die publieke schermen gemiddeld vasthouden.",
                      "How long visits lasted (without the wait before a reset). Good: longer "
                      "than the ~30 s public screens hold people on average."),
    "videos": ("Video's per bezoek", "Videos per visit"),
    "videos_caption": ("Gemiddeld aantal video's per bezoek waarin iets is gekeken, tegen de "
                       "~{row_ref} op rij uit het BLIQ-onderzoek. Op of boven de lijn is goed.",
                       "Mean number of videos per visit that watched any, against the "
                       "~{row_ref} in a row from the BLIQ research. On or above the line is "
                       "good."),
    "videos_hist_caption": ("Hoeveel bezoeken 0, 1, 2 … video's startten (automatisch "
                            "doorspelen telt mee).", "How many visits started 0, 1, 2 … videos "
                            "(autoplay counts)."),
    "this_campaign": ("Deze gegevens", "This data"),
    "in_a_row": ("BLIQ: ~{row_ref} op rij", "BLIQ: ~{row_ref} in a row"),
    "campaign_ref": ("campagne {watch_ref}", "campaign {watch_ref}"),
    "watch_caption": ("Per aflevering: deel van de keren starten dat tot het eind (≥ {min}) is "
                      "gekeken. De lijn is de {watch_ref} van de campagne (37 % voor korte video "
                      "elders). Op of boven de lijn is goed.",
                      "Per episode: share of plays watched to the end (≥ {min}). The line is "
                      "the campaign's {watch_ref} (37% for short video elsewhere). On or above "
                      "the line is good."),
    "game": ("Het spel", "The game"),
    "game_caption": ("Gestart, uitgespeeld en gestopt. Goed: de meeste spellen worden "
                     "uitgespeeld (het spel duurt minder dan 2 minuten).",
                     "Started, finished and given up. Good: most games are finished (the game "
                     "takes under 2 minutes)."),
    "game_started": ("Gestart", "Started"),
    "game_finished": ("Uitgespeeld", "Finished"),
    "game_abandoned": ("Gestopt", "Given up"),
    "game_time": ("speelduur (mediaan)", "game time (median)"),
    "jobs": ("Beroepen bovenaan de uitslag", "Jobs at the top of the result"),
    "jobs_caption": ("Welk beroep het vaakst als beste match uit het spel kwam. Laat zien welke "
                     "beroepen leerlingen aanspreken.", "Which job came out of the game as the "
                     "best match most often. Shows which jobs appeal to students."),
    "domains": ("Werkvelden", "Work domains"),
    "domains_caption": ("De werkvelden van die beroepen. Een brede spreiding is goed: techniek "
                        "is meer dan één vak.", "The domains of those jobs. A broad spread is "
                        "good: technology is more than one trade."),
    "cards": ("Kaarten in het spel: vind ik leuk", "Game cards: liked"),
    "cards_caption": ("Deel van de antwoorden per kaart dat 'leuk' was. Hoog is een activiteit "
                      "die aanspreekt.", "Share of answers per card that were 'like'. High is "
                      "an activity that appeals."),
    "likes": ("'Vet!' per aflevering", "'Cool!' per episode"),
    "likes_caption": ("Hoe vaak kijkers 'Vet!' tikten bij een aflevering (en welk deel van de "
                      "keren dat hij startte).", "How often viewers tapped 'Cool!' on an episode "
                      "(and what share of its plays)."),
    "qr": ("QR-codes getoond", "QR codes shown"),
    "qr_caption": ("Hoe vaak elke QR-code in beeld kwam, per doel. Meer is meer kans dat "
                   "iemand het bezoek mee naar huis neemt.", "How often each QR code was on "
                   "screen, per target. More is more chances to take the visit home."),
    "languages": ("Taal", "Language"),
    "languages_caption": ("In welke taal bezoeken eindigden.", "The language visits ended in."),
    "kiosks": ("Kiosks", "Kiosks"),
    "kiosks_caption": ("Elke kiosk met naam, regio, pakket en gezondheid uit zijn laatste "
                       "momentopname.", "Every kiosk with name, region, pack and health from "
                       "its latest snapshot."),
    "per_kiosk": ("Bezoeken per kiosk", "Visits per kiosk"),
    "per_kiosk_caption": ("Bezoeken per kiosk op dit evenement. Een kiosk zonder bezoeken "
                          "staat misschien op een stille plek.", "Visits per kiosk at this "
                          "event. A kiosk with few visits may stand in a quiet spot."),
    "kiosk": ("Kiosk", "Kiosk"),
    "name": ("Naam", "Name"),
    "region": ("Regio", "Region"),
    "pack": ("Pakket", "Pack"),
    "health": ("Gezondheid", "Health"),
    "days": ("Dagen", "Days"),
    "event": ("Evenement", "Event"),
    "no_region": ("zonder regio", "no region"),
    "notes": ("Opmerkingen", "Notes"),
    "more_events": ("Nog {n} evenementen staan alleen in de samenvatting.",
                    "{n} more events are only in the summary."),
    "pack_other": ("Een deel van de gegevens komt van pakket {data}; de titels hier komen uit "
                   "{ours}. Waar een titel ontbreekt staat het id.",
                   "Part of the data comes from pack {data}; the titles here come from {ours}. "
                   "Where a title is missing the id is shown."),
    "pack_foreign": ("De gegevens komen van pakket {data}, niet van {ours}: daarom staan hier de "
                     "ids. Geef het juiste pakket met --content voor titels.",
                     "The data comes from pack {data}, not from {ours}: ids are shown. Give the "
                     "right pack with --content for titles."),
    "pack_version_other": ("De titels komen uit {pack} {ours}; de gegevens zijn gemaakt met "
                           "{data}. Is een titel sindsdien veranderd, dan staat hier de nieuwe.",
                           "The titles come from {pack} {ours}; the data was recorded with "
                           "{data}. Where a title changed since, the new one is shown."),
    "pack_versions": ("Kiosks draaiden verschillende pakketversies: {list}.",
                      "Kiosks ran different pack versions: {list}."),
    "no_pack": ("Geen pakket voor titels ({why}); ids getoond.",
                "No pack for titles ({why}); ids shown."),
    "pack_errors": ("Pakket {pack} heeft {n} fout(en), de eerste: {first}. 'kiosk check' toont "
                    "ze allemaal; wat niet te lezen is, staat hier als id.",
                    "Pack {pack} has {n} error(s), the first: {first}. 'kiosk check' lists them "
                    "all; what cannot be read is shown as its id."),
    "definitions": ("Zo is geteld", "How it is counted"),
    "definitions_text": (
        "Een bezoek loopt van de eerste aanraking tot de reset; de tijd telt tot de laatste "
        "handeling. Tot het eind gekeken: ≥ {min} van de video. Video's per bezoek: gestarte "
        "video's, automatisch doorspelen telt mee. Spel uitgespeeld: uitgespeeld ÷ gestart. "
        "Alles is anoniem: geen namen, geen camera.",
        "A visit runs from the first touch to the reset; its time counts to the last action. "
        "Watched to the end: ≥ {min} of the video. Videos per visit: started videos, autoplay "
        "included. Game finished: finished ÷ started. Everything is anonymous: no names, no "
        "camera."),
    "lang_nl": ("Nederlands", "Dutch"),
    "lang_en": ("Engels", "English"),
    "of": ("van", "of"),
    "all_events": ("alle evenementen", "all events"),
}

HEALTH_LABELS: dict[str, tuple[str, str]] = {
    "pack_id": ("pakket", "pack"),
    "pack_version": ("versie", "version"),
    "uptime_s": ("aan", "up"),
    "restarts": ("herstarts", "restarts"),
    "restart_reasons": ("redenen", "reasons"),
    "errors": ("fouten", "errors"),
    "clips_skipped": ("video's overgeslagen", "clips skipped"),
    "free_disk_mb": ("schijf vrij", "disk free"),
    "render_mode": ("weergave", "render mode"),
}


class Words:
    """Text and numbers in one language."""

    def __init__(self, lang: str, config: Config) -> None:
        """Texts name the campaign's own references from ``config`` (65 %, ~3 in a row)."""
        self.lang = "en" if lang == "en" else "nl"
        self._i = 1 if self.lang == "en" else 0
        self._refs = {"watch_ref": self.pct(config.insights.watch_through_reference),
                      "row_ref": self.short(config.report.videos_in_a_row_reference)}

    def __call__(self, key: str, **values: str) -> str:
        return TEXT[key][self._i].format(**self._refs, **values)

    def health_label(self, key: str) -> str:
        words = HEALTH_LABELS.get(key)
        return words[self._i] if words else key.replace("_", " ")

    def whole(self, n: float | None) -> str:
        if n is None:
            return "–"
        text = f"{round(n):,}"
        return text.replace(",", ".") if self.lang == "nl" else text

    def decimal(self, x: float | None, places: int = 1) -> str:
        if x is None:
            return "–"
        text = f"{x:,.{places}f}"
        if self.lang == "nl":
            text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return text

    def short(self, x: float) -> str:
        """As few digits as needed: ``3``, ``2,5`` (nl) / ``2.5`` (en)."""
        text = f"{x:g}"
        return text.replace(".", ",") if self.lang == "nl" else text

    def pct(self, x: float | None) -> str:
        return percent(x, space=self.lang == "nl")

    def duration(self, seconds: float | None) -> str:
        """``1:40 min``, or ``2 u 05 min`` / ``2 h 05 min`` from an hour up."""
        if seconds is None:
            return "–"
        s = round(seconds)
        if s >= 3600:
            hours = "u" if self.lang == "nl" else "h"
            return f"{s // 3600} {hours} {s % 3600 // 60:02d} min"
        return f"{mm_ss(s)} min"

    def date(self, day: str | None) -> str:
        """``12 mrt 2026`` / ``12 Mar 2026`` from ``2026-03-12`` (no locale needed)."""
        if not day:
            return "–"
        try:
            parsed = time.strptime(day, "%Y-%m-%d")
        except ValueError:
            return day
        return f"{parsed.tm_mday} {_MONTHS[self.lang][parsed.tm_mon - 1]} {parsed.tm_year}"

    def short_date(self, day: str) -> str:
        try:
            parsed = time.strptime(day, "%Y-%m-%d")
        except ValueError:
            return day
        return f"{parsed.tm_mday} {_MONTHS[self.lang][parsed.tm_mon - 1]}"

    def language(self, code: str) -> str:
        key = f"lang_{code}"
        return self(key) if key in TEXT else code

    def seconds_bin(self, label: str) -> str:
        """The metrics' dwell bins (``<30``, ``60-120``, ``600+``, seconds) in words."""
        def part(value: str) -> str:
            s = float(value)
            return f"{s / 60:g} min" if s >= 60 else f"{s:g} s"
        if label.startswith("<"):
            return f"< {part(label[1:])}"
        if label.endswith("+"):
            return f"> {part(label[:-1])}"
        low, _sep, high = label.partition("-")
        return f"{part(low)}–{part(high)}"
