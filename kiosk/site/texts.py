"""The words of the take-home pages, Dutch (B1: short sentences, everyday words) and English.

The words for a direction are the kiosk's own (``kiosk.core.direction_words``, which the result
screen shows too): a student must recognise on the phone what the kiosk said.
"""
from __future__ import annotations

from kiosk.core.routes import PROFILES

from kiosk.core.direction_words import DOMAIN_WORDS, TYPE_WORDS

T = tuple[str, str]  # (nl, en)

TYPES: dict[str, T] = TYPE_WORDS
DOMAINS: dict[str, T] = DOMAIN_WORDS

# A colour per domain: the placeholder picture of a job without one, and the Open Graph card.
DOMAIN_COLOURS: dict[str, str] = {
    "bouw": "#c2571a", "energie": "#b7791f", "installatie": "#2b6cb0", "metaal": "#4a5568",
    "voertuigen": "#c53030", "media": "#6b46c1", "maritiem": "#2c7a7b",
}

# Abbreviations on a route "vmbo PIE → mbo …", explained under it.
ABBREVIATIONS: dict[str, T] = {
    "vmbo": ("voorbereidend middelbaar beroepsonderwijs: vier jaar, na de basisschool",
             "pre-vocational secondary school: four years, after primary school"),
    "mbo": ("middelbaar beroepsonderwijs: je leert een vak, op school en bij een bedrijf",
            "vocational college: you learn a trade, at school and at a company"),
    "hbo": ("hoger beroepsonderwijs: na het mbo kun je verder leren", "university of applied "
            "sciences: after mbo you can keep on learning"),
    # the five vmbo profiles: their names are the kiosk's own (kiosk.core.routes)
    **{p.code: (f"vmbo-profiel {p.name[0]}", f"vmbo profile {p.name[1]}") for p in PROFILES},
    "niveau": ("mbo-niveau 1 tot 4: hoe hoger, hoe meer je leert en mag",
               "mbo level 1 to 4: the higher, the more you learn and may do"),
    "level": ("mbo-niveau 1 tot 4: hoe hoger, hoe meer je leert en mag",
              "mbo level 1 to 4: the higher, the more you learn and may do"),
    "bbl": ("beroepsbegeleidende leerweg: je werkt en krijgt loon, één dag per week naar school",
            "work-based route: you work and get paid, one day a week at school"),
    "bol": ("beroepsopleidende leerweg: vooral op school, met stages",
            "school-based route: mostly at school, with internships"),
    "ICT": ("werken met computers en netwerken", "working with computers and networks"),
}

UI: dict[str, T] = {
    "brand": ("BLIQ op techniek", "BLIQ on tech"),
    "brand_tail": ("op techniek", "on tech"),
    "other_lang": ("English", "Nederlands"),
    "home": ("Start", "Home"),
    "home_title": ("Jouw bezoek, mee naar huis", "Your visit, taken home"),
    "home_intro": ("Hier vind je alles van de kiosk terug: beroepen, video's en bedrijven.",
                   "Everything from the kiosk is here: jobs, videos and companies."),
    "your_result": ("Jouw richting", "Your direction"),
    "duo_result": ("Jullie match", "Your match"),
    "player_a": ("Speler 1", "Player 1"),
    "player_b": ("Speler 2", "Player 2"),
    "your_jobs": ("Deze beroepen passen bij jou", "These jobs suit you"),
    "duo_jobs": ("Deze beroepen passen bij jullie allebei", "These jobs suit you both"),
    "surprise": ("Verrassing", "Surprise"),
    "unknown": ("Een paar beroepen uit je code kennen we hier niet. Kijk hieronder bij alle "
                "beroepen.", "We don't know a few jobs from your code here. Have a look at all "
                "jobs below."),
    "all_jobs": ("Alle beroepen", "All jobs"),
    "all_jobs_intro": ("Tik op een beroep en lees wat je doet.",
                       "Tap a job to read what you do."),
    "more": ("Lees meer", "Read more"),
    "what": ("Wat doe je?", "What do you do?"),
    "day": ("Een dag aan het werk", "A day at work"),
    "route": ("Zo word je het", "How to get there"),
    "words": ("Wat betekent dat?", "What does that mean?"),
    "watch": ("Kijk de video", "Watch the video"),
    "watch_nxtv": ("Kijk op NXtv", "Watch on NXtv"),
    "shows": ("laat zien hoe het is", "shows what it is like"),
    "companies": ("Bedrijven", "Companies"),
    "companies_here": ("Bedrijven die dit werk bieden", "Companies that offer this work"),
    "companies_title": ("Bedrijven van het event", "Companies at the event"),
    "companies_intro": ("Deze bedrijven waren er. Vraag naar een stage of kom kijken.",
                        "These companies were there. Ask about an internship or come and see."),
    "contact": ("Contact", "Contact"),
    "internship": ("Stage", "Internship"),
    "at_event": ("Op", "At"),
    "parents": ("Voor ouders en docenten", "For parents and teachers"),
    "share": ("Stuur naar je vrienden", "Send to your friends"),
    "share_job": ("Stuur dit beroep door", "Send this job on"),
    "copied": ("Link gekopieerd! Plak hem in je chat.", "Link copied! Paste it in your chat."),
    "copy_fail": ("Kopieer deze link:", "Copy this link:"),
    "jobs_in_video": ("Beroepen in deze video", "Jobs in this video"),
    "videos": ("Video's", "Videos"),
    "privacy": ("Geen cookies, geen trackers. Je code bevat alleen beroepen, geen naam.",
                "No cookies, no trackers. Your code holds jobs only, no name."),
    "not_found": ("Deze pagina is er niet (meer)", "This page is not here (any more)"),
    "not_found_text": ("Geen zorgen: alle beroepen en video's vind je via de start.",
                       "No worries: you find every job and video from the start."),
    "noscript": ("Je ziet hier alle beroepen. Zet JavaScript aan om jouw eigen uitslag te zien.",
                 "Here are all jobs. Turn on JavaScript to see your own result."),
}

PARENTS: list[tuple[T, T]] = [
    (("Techniek is overal", "Technology is everywhere"),
     ("Uw kind ziet techniek vaak niet, maar het zit in elk huis, elke straat en elke telefoon. "
      "Er is veel werk, met goede kansen en een goed loon.",
      "Children often don't see technology, but it is in every home, street and phone. There is "
      "a lot of work, with good prospects and good pay.")),
    (("Voor jongens én meiden", "For boys and girls"),
     ("Techniek past bij iedereen die graag iets maakt, uitzoekt of mensen helpt. In de video's "
      "vertellen jongeren van hun leeftijd over hun werk.",
      "Technology suits everyone who likes to make things, find things out or help people. In "
      "the videos, young people their age talk about their work.")),
    (("De route: vmbo, mbo en verder", "The route: vmbo, mbo and beyond"),
     ("Na het vmbo leert uw kind een vak op het mbo, op school (bol) of werkend bij een bedrijf "
      "(bbl). Daarna kan het werken of verder leren op het hbo.",
      "After vmbo your child learns a trade at mbo, at school (bol) or while working at a "
      "company (bbl). After that they can work or keep learning at hbo.")),
    (("Zo helpt u", "How you can help"),
     ("Kijk samen een video. Vraag wat uw kind leuk vond. Ga samen naar een open dag of een "
      "bedrijf in de buurt.",
      "Watch a video together. Ask what your child liked. Visit an open day or a company nearby "
      "together.")),
]
