"""``kiosk new-pack DIR``: a minimal, valid, commented pack to start from (no Qt).

The clip, the deck and the jobs come from the sample pack in ``episodes/`` (a clip cannot be
made without ffmpeg); without a sample deck a placeholder deck is written, clearly marked.
The result is loaded before returning, so a new pack always passes ``kiosk check``.
"""
from __future__ import annotations

import re
import secrets
import shutil
import tomllib
from pathlib import Path

from kiosk import paths
from kiosk.config import Config
from kiosk.pack.loader import PackError, load_pack
from kiosk.pack.files import mp4_duration
from kiosk.core.taxonomy import DOMAINS, TYPES
from kiosk.core.pin import hash_pin


class NewPackError(Exception):
    """The new pack cannot be written; the message says why and what to do (one line)."""


PACK_TOML = '''\
# Content pack / inhoudspakket — docs/content-packs.md explains every field.
# NL: alle bestanden zijn UTF-8 TOML; paden zijn relatief aan deze map.
# EN: all files are UTF-8 TOML; paths are relative to this folder.

format = 1                                   # formaat van het pakket / pack format: always 1
id = "mijn-pakket"                           # kleine letters, cijfers, '-' / lowercase id
version = 1                                  # ophogen bij elke update / raise it for every update
title = {{ nl = "Mijn pakket", en = "My pack" }}   # titel / title (nl required, en optional)
languages = ["nl", "en"]                     # talen / languages: "nl" is required
channel_url = "https://nxtv.example/"        # het kanaal / the channel's home page
# NL: waar de pagina's van 'kiosk site build' komen (docs/take-home.md) / EN: where the pages go
site_url = "https://bliq.example/"
# NL: alleen links naar deze hosts (en hun subdomeinen) worden getoond; zet hier je echte sites.
# EN: only links to these hosts (and their subdomains) are shown; put your real sites here.
allowed_hosts = ["nxtv.example", "bedrijf.example", "bliq.example"]
default_event = "open-dag"                   # event zonder --event / event used without --event
'''

SERIES_TOML = '''\
# Eén bestand per serie / one file per series: series/<id>.toml
id = "mijn-serie"                            # gelijk aan de bestandsnaam / same as the file name
title = {{ nl = "Mijn serie", en = "My series" }}
description = {{ nl = "Waar gaat de serie over?", en = "What is the series about?" }}
channel_url = "https://nxtv.example/series/mijn-serie"   # de serie op het kanaal / on the channel

[[seasons]]                                  # een seizoen / a season
number = 1
title = {{ nl = "Seizoen 1", en = "Season 1" }}

[[seasons.episodes]]                         # een aflevering / an episode
id = "mijn-serie-s1e1"                       # uniek in het hele pakket / unique in the pack
number = 1                                   # volgorde in het seizoen / order in the season
title = {{ nl = "Eerste aflevering", en = "First episode" }}
video = "media/aflevering-1.mp4"             # MP4 (H.264 + AAC), liefst < 2 min / ideally < 2 min
duration = {duration}                         # optioneel, wordt gemeten / optional, measured
subtitles = {{ nl = "media/aflevering-1.nl.vtt", en = "media/aflevering-1.en.vtt" }}  # .vtt / .srt
jobs = ["{job}"]                             # beroepen uit jobs.toml / job ids from jobs.toml
# rolmodel: voornaam, leeftijd, beroep / role model: first name, age, job
role_model = {{ name = "Sam", age = 19, job = {{ nl = "{job_nl}", en = "{job_en}" }} }}
audience = ["students"]                      # "students" en/of/and/or "parents"
channel_url = "https://nxtv.example/aflevering/mijn-serie-s1e1"   # optioneel / optional
new = true                                   # "nieuw"-label / "new" badge (optional)
# thumbnail = "media/aflevering-1.jpg"       # optioneel plaatje / optional still (PNG/JPEG)
'''

COMPANIES_TOML = '''\
# Bedrijven op de markt / companies at the fair. Links: alleen https, hosts uit allowed_hosts.
[[companies]]
id = "voorbeeldbedrijf"
name = "Voorbeeldbedrijf"                    # een naam, niet vertaald / a name, not translated
description = {{ nl = "Wat doet het bedrijf?", en = "What does the company do?" }}
jobs = ["{job}"]                             # beroepen die ze bieden / jobs they offer
contact_url = "https://voorbeeld.bedrijf.example/contact"
internship_url = "https://voorbeeld.bedrijf.example/stage"   # optioneel / optional
# logo = "images/voorbeeldbedrijf.png"       # optioneel / optional
'''

EVENT_TOML = '''\
# Eén bestand per evenement / one file per event: events/<id>.toml
id = "open-dag"
name = {{ nl = "Open dag", en = "Open day" }}
kind = "open_day"                            # "open_day" of/or "career_fair"
# date = 2026-11-28                          # optioneel / optional
companies = ["voorbeeldbedrijf"]             # bedrijven die er vandaag zijn / present today
featured_series = ["mijn-serie"]             # eerst getoond / shown first
languages = ["nl", "en"]
# NL: beheer-PIN is nu {pin}. Verander hem: python -m kiosk hash-pin <PIN> en plak de uitkomst.
# EN: the admin PIN is now {pin}. Change it: python -m kiosk hash-pin <PIN> and paste the result.
admin_pin_hash = "{pin_hash}"

[idle]                                       # optioneel, seconden / optional, seconds
timeout = 45                                 # "Ben je er nog?" na / after
countdown = 10                               # daarna terug naar start / then back to start

[stands]                                     # optioneel: standplaats / optional: stand
voorbeeldbedrijf = "Stand 1"
'''

VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n{text}\n"

# Texts of the templates above that an organiser must replace before a real event;
# ``kiosk check --strict`` and ``kiosk preflight`` name any that are left (pack/readiness.py).
PLACEHOLDER_TEXTS = ("Mijn pakket", "My pack", "Mijn serie", "My series",
                     "Waar gaat de serie over?", "What is the series about?",
                     "Eerste aflevering", "First episode", "Voorbeeldbedrijf",
                     "Wat doet het bedrijf?", "What does the company do?")

FALLBACK_JOBS = '''\
# Beroepen / jobs (docs/content-packs.md). riasec: 1–7 per type; domains: weights 0–1.
[[jobs]]
id = "elektromonteur"
title = { nl = "Elektromonteur", en = "Electrician" }
profile = "PIE"
riasec = { R = 7, I = 4, A = 2, S = 3, E = 2, C = 5 }
domains = { energie = 1.0, installatie = 0.4 }
description = { nl = "Je zorgt dat stroom veilig werkt.", en = "You make power work safely." }
day = { nl = "Vandaag sluit je een laadpaal aan.", en = "Today you connect a charging point." }
route = { nl = "vmbo PIE → mbo Eerste monteur elektrotechniek", en = "vmbo PIE → electrician" }

[[jobs]]
id = "timmerman"
title = { nl = "Timmerman", en = "Carpenter" }
profile = "BWI"
riasec = { R = 7, I = 2, A = 3, S = 2, E = 2, C = 5 }
domains = { bouw = 1.0 }
description = { nl = "Je bouwt met hout.", en = "You build with wood." }
day = { nl = "Vandaag zet je een dakkapel.", en = "Today you fit a dormer." }
route = { nl = "vmbo BWI → mbo Timmerman", en = "vmbo BWI → mbo carpenter" }

[[jobs]]
id = "automonteur"
title = { nl = "Automonteur", en = "Car mechanic" }
profile = "M&T"
riasec = { R = 7, I = 5, A = 2, S = 3, E = 2, C = 4 }
domains = { voertuigen = 1.0 }
description = { nl = "Je houdt auto's rijdend.", en = "You keep cars on the road." }
day = { nl = "Vandaag zoek je een storing.", en = "Today you find a fault." }
route = { nl = "vmbo M&T → mbo Autotechnicus", en = "vmbo M&T → mbo car technician" }
'''

_DROP_KEYS = re.compile(r"^\s*(episodes|image)\s*=")


def _strip_refs(text: str) -> str:
    """Drop ``episodes = …`` and ``image = …`` lines: they point into the sample pack."""
    out, skipping = [], False
    for line in text.splitlines(keepends=True):
        if skipping:
            skipping = "]" not in line
            continue
        if _DROP_KEYS.match(line):
            skipping = line.count("[") > line.count("]")
            continue
        out.append(line)
    return "".join(out)


def _fallback_cards() -> str:
    """24 placeholder cards, balanced as docs/game.md asks (4 per type, ≥ 3 per domain)."""
    lines = ["# NL: plaatshouders: de voorbeeldkaarten (episodes/cards.toml) ontbraken.\n"
             "#     Schrijf per kaart een alledaagse activiteit, geen beroepsnaam.\n"
             "# EN: placeholders: the sample deck (episodes/cards.toml) was missing.\n"
             "#     Write an everyday activity per card, never a job title.\n"]
    for i in range(24):
        kind, domain = TYPES[i % 6], DOMAINS[i % 7]
        lines.append(f'\n[[cards]]\nid = "kaart-{i + 1:02d}"\n'
                     f'text = {{ nl = "Activiteit {i + 1} ({kind}, {domain})", '
                     f'en = "Activity {i + 1} ({kind}, {domain})" }}\n'
                     f'type = "{kind}"\ndomain = "{domain}"\n')
    return "".join(lines)


def _sample_text(sample: Path, name: str) -> str | None:
    try:
        return _strip_refs((sample / name).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def _first_job(jobs_toml: str) -> tuple[str, str, str]:
    """(id, Dutch title, English title): the electrician when there, else the first job."""
    jobs = tomllib.loads(jobs_toml).get("jobs") or [{}]
    job = next((j for j in jobs if j.get("id") == "elektromonteur"), jobs[0])
    title = job.get("title") or {}
    nl = str(title.get("nl", "Vakkracht")).replace('"', "'")
    return str(job.get("id", "")), nl, str(title.get("en", nl)).replace('"', "'")


def write_new_pack(target: Path, config: Config, sample: Path | None = None) -> None:
    """Write a minimal valid pack to ``target`` (new or empty folder); NewPackError if it can't."""
    target, sample = Path(target), Path(sample) if sample else paths.sample_pack()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NewPackError(f"{target} already exists and is not empty; choose a new folder")
    clips = sorted(sample.rglob("*.mp4")) if sample.is_dir() else []
    if not clips:
        raise NewPackError(f"no sample clip (*.mp4) found in {sample}; it provides the first "
                           "episode's video (build it with tools/make_sample_pack.py)")
    for sub in ("series", "events", "media", "images"):
        (target / sub).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(clips[0], target / "media" / "aflevering-1.mp4")
    jobs = _sample_text(sample, "jobs.toml") or FALLBACK_JOBS
    cards = _sample_text(sample, "cards.toml") or _fallback_cards()
    try:
        job, job_nl, job_en = _first_job(jobs)
    except (tomllib.TOMLDecodeError, AttributeError, TypeError, IndexError):
        jobs = FALLBACK_JOBS  # the sample's jobs.toml is broken: start from ours
        job, job_nl, job_en = _first_job(jobs)
    (target / "jobs.toml").write_text(jobs, encoding="utf-8")
    (target / "cards.toml").write_text(cards, encoding="utf-8")
    pin = f"{secrets.randbelow(10_000):04d}"
    duration = mp4_duration(target / "media" / "aflevering-1.mp4") or 15.0
    files = {
        "pack.toml": PACK_TOML.format(),
        "series/mijn-serie.toml": SERIES_TOML.format(duration=round(duration, 2), job=job,
                                                     job_nl=job_nl, job_en=job_en),
        "companies.toml": COMPANIES_TOML.format(job=job),
        "events/open-dag.toml": EVENT_TOML.format(pin=pin, pin_hash=hash_pin(pin)),
        "media/aflevering-1.nl.vtt": VTT.format(text="Welkom! Dit is de eerste aflevering."),
        "media/aflevering-1.en.vtt": VTT.format(text="Welcome! This is the first episode."),
    }
    for rel, text in files.items():
        (target / rel).write_text(text, encoding="utf-8")
    try:
        errors = [str(p) for p in load_pack(target, config).errors]
    except PackError as exc:
        errors = [str(exc)]
    if errors:  # a starting point that fails its own check helps nobody
        raise NewPackError(f"the new pack in {target} does not pass check: {errors[0]}")
