"""The broken-pack corpus: each case edits a copy of ``tests/packs/base`` in a temp dir.

Keeping the cases as edits (not 40 copies of a pack) keeps git small and each case readable.
``expect`` lists (file, field, words…): some problem must have exactly that file and field,
and every word must appear in its message or expected text (lower case); a word
``severity=warning`` overrides the case's severity for that line. All written by hand.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BASE = Path(__file__).resolve().parent / "base"
ADS = "series/aan-de-slag.toml"
ODW = "series/op-de-werf.toml"
EVENT = "events/open-dag.toml"
E0 = "seasons[0].episodes[0]"
E1 = "seasons[0].episodes[1]"


@dataclass(frozen=True)
class Case:
    name: str
    expect: list[tuple[str, ...]]
    replace: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # file → (old, new)
    write: dict[str, str | bytes] = field(default_factory=dict)
    delete: tuple[str, ...] = ()
    symlink: dict[str, str] = field(default_factory=dict)  # link → target ("OUT/x": outside)
    severity: str = "error"
    fatal: bool = False           # load_pack raises PackError
    config: dict[str, Any] = field(default_factory=dict)
    episodes_left: int | None = None  # playable episodes still loaded (None: not checked)


CASES: list[Case] = [
    Case("toml_syntax_cards", [("cards.toml", "line 4, column 10", "a quote is missing")],
         replace={"cards.toml": [('type = "R"\n', 'type = "R\n')]}, episodes_left=3),
    Case("toml_syntax_pack", [("pack.toml", "line 3, column 6", "text without quotes",
                               'id = "test-pack"')],
         replace={"pack.toml": [('id = "test-pack"', 'id = test-pack')]}, fatal=True),
    Case("missing_pack_toml", [("pack.toml", "(file)", "not found")], delete=("pack.toml",),
         fatal=True),
    Case("pack_format_2", [("pack.toml", "format", "2", "not allowed")],
         replace={"pack.toml": [("format = 1", "format = 2")]}, fatal=True),
    Case("pack_languages_without_nl", [("pack.toml", "languages", "'nl'")],
         replace={"pack.toml": [('languages = ["nl", "en"]', 'languages = ["en"]')]}, fatal=True),
    Case("missing_video_field", [(ADS, f"{E0}.video", "is missing", "clip")],
         replace={ADS: [('video = "media/clip.mp4"\nduration = 1.0\nthumbnail',
                         'duration = 1.0\nthumbnail')]}, episodes_left=2),
    Case("duration_is_text", [(ADS, f"{E0}.duration", "not a number", "'1.0'")],
         replace={ADS: [("duration = 1.0\nthumbnail", 'duration = "1.0"\nthumbnail')]},
         episodes_left=2),
    Case("age_is_text", [(ADS, f"{E1}.role_model.age", "not a whole number")],
         replace={ADS: [("age = 21", 'age = "21"')]}, episodes_left=2),
    Case("jobs_not_a_list", [(ADS, f"{E0}.jobs", "not a list")],
         replace={ADS: [('jobs = ["elektromonteur"]', 'jobs = "elektromonteur"')]},
         episodes_left=2),
    Case("title_without_nl", [(ODW, "title.nl", "is missing", "dutch")],
         replace={ODW: [('title = { nl = "Op de werf", en = "At the yard" }',
                         'title = { en = "At the yard" }')]}, episodes_left=2),
    Case("unknown_job_in_episode", [(ADS, f"{E0}.jobs[0]", "unknown job", "elektromonter")],
         replace={ADS: [('jobs = ["elektromonteur"]', 'jobs = ["elektromonter"]')]},
         episodes_left=3),
    Case("unknown_episode_in_job", [("jobs.toml", "jobs[0].episodes[0]", "unknown episode",
                                     "ads-s9e9")],
         replace={"jobs.toml": [('episodes = ["ads-s1e1"]', 'episodes = ["ads-s9e9"]')]}),
    Case("unknown_company_in_event", [(EVENT, "companies[1]", "unknown company", "bouwbaaz")],
         replace={EVENT: [('companies = ["voltwerk", "bouwbaas"]',
                           'companies = ["voltwerk", "bouwbaaz"]')]}),
    Case("unknown_featured_series",
         [(EVENT, "featured_series[0]", "unknown series", "aan-het-werk")],
         replace={EVENT: [('featured_series = ["aan-de-slag"]',
                           'featured_series = ["aan-het-werk"]')]}),
    Case("unknown_job_in_company", [("companies.toml", "companies[1].jobs[0]", "unknown job",
                                     "metselaar")],
         replace={"companies.toml": [('jobs = ["timmerman"]', 'jobs = ["metselaar"]')]}),
    Case("unknown_card_type", [("cards.toml", "cards[0].type", "'x'", "not allowed"),
                               ("cards.toml", "cards", "only 3 card(s) of type 'r'")],
         replace={"cards.toml": [('type = "R"', 'type = "X"')]}),
    Case("unknown_card_domain", [("cards.toml", "cards[0].domain", "'ruimtevaart'", "bouw")],
         replace={"cards.toml": [('domain = "bouw"', 'domain = "ruimtevaart"')]}),
    Case("path_traversal", [(ADS, f"{E0}.video", "leaves the pack", "..")],
         replace={ADS: [('video = "media/clip.mp4"\nduration = 1.0\nthumbnail',
                         'video = "../base/media/clip.mp4"\nduration = 1.0\nthumbnail')]},
         episodes_left=2),
    Case("absolute_path", [(ADS, f"{E1}.video", "absolute path", "/etc/hostname")],
         replace={ADS: [('video = "media/clip.mp4"\nduration = 1.0\nsubtitles',
                         'video = "/etc/hostname"\nduration = 1.0\nsubtitles')]},
         episodes_left=2),
    Case("backslash_path", [(ODW, f"{E0}.video", "uses '\\'", "'/'")],
         replace={ODW: [('video = "media/clip.mp4"', 'video = "media\\\\clip.mp4"')]},
         episodes_left=2),
    Case("symlink_out_video", [(ODW, f"{E0}.video", "leads outside the pack")],
         replace={ODW: [('video = "media/clip.mp4"', 'video = "media/link.mp4"')]},
         symlink={"media/link.mp4": "OUT/outside.mp4"}, episodes_left=2),
    Case("symlink_out_event_file", [("events/evil.toml", "(file)", "leads outside the pack")],
         symlink={"events/evil.toml": "OUT/outside.toml"}),
    Case("symlinked_media_folder_out", [(ODW, f"{E0}.video", "leads outside the pack")],
         replace={ODW: [('video = "media/clip.mp4"', 'video = "elders/clip.mp4"')]},
         symlink={"elders": "OUT"}, episodes_left=2),
    Case("http_link", [(ADS, "channel_url", "only https", "'http'")],
         replace={ADS: [('channel_url = "https://nxtv.example/series/aan-de-slag"',
                         'channel_url = "http://nxtv.example/series/aan-de-slag"')]},
         episodes_left=1),
    Case("host_not_allowed", [("companies.toml", "companies[1].contact_url", "evil.test",
                               "allowed_hosts")],
         replace={"companies.toml": [('"https://bouwbaas.bedrijf.example/contact"',
                                      '"https://evil.test/contact"')]}),
    Case("zero_byte_clip", [(ODW, f"{E0}.video", "empty (0 bytes)")],
         replace={ODW: [('video = "media/clip.mp4"', 'video = "media/empty.mp4"')]},
         write={"media/empty.mp4": b""}, episodes_left=2),
    Case("truncated_clip", [(ODW, f"{E0}.video", "cut off", "truncated")],
         replace={ODW: [('video = "media/clip.mp4"', 'video = "media/cut.mp4"')]},
         write={"media/cut.mp4": "TRUNCATE:3000"}, episodes_left=2),
    Case("text_file_as_clip", [(ODW, f"{E0}.video", "not a video file")],
         replace={ODW: [('video = "media/clip.mp4"', 'video = "media/notes.mp4"')]},
         write={"media/notes.mp4": "Dit is geen video, maar een boodschappenlijst.\n"},
         episodes_left=2),
    Case("clip_too_large", [(ODW, f"{E0}.video", "too large", "at most 4 kb")],
         config={"max_video_bytes": 4096}, fatal=True),
    Case("missing_subtitle_file", [(ODW, f"{E0}.subtitles.nl", "not found")],
         replace={ODW: [('nl = "media/clip.nl.vtt"', 'nl = "media/weg.nl.vtt"')]},
         episodes_left=2),
    Case("subtitle_not_webvtt", [(ODW, f"{E0}.subtitles.en", "does not start with 'webvtt'")],
         replace={ODW: [('en = "media/clip.en.vtt"', 'en = "media/notes.en.vtt"')]},
         write={"media/notes.en.vtt": "Hi\n"}, episodes_left=2),
    Case("srt_named_vtt", [(ODW, f"{E0}.subtitles.en", "an srt file with a .vtt name",
                            "notes.en.srt")],
         replace={ODW: [('en = "media/clip.en.vtt"', 'en = "media/notes.en.vtt"')]},
         write={"media/notes.en.vtt": "1\n00:00:00,000 --> 00:00:01,000\nHi\n"},
         episodes_left=2),
    Case("subtitle_not_utf8", [(ODW, f"{E0}.subtitles.nl", "not utf-8", "line 3",
                                "windows-1252", "severity=warning")],
         replace={ODW: [('nl = "media/clip.nl.vtt"', 'nl = "media/latin1.vtt"')]},
         write={"media/latin1.vtt": "WEBVTT\n\nCaf\u00e9\n".encode("latin-1")},
         severity="warning", episodes_left=3),
    Case("unbalanced_deck", [("cards.toml", "cards", "only 3 card(s) of type 's'", "at least 4")],
         replace={"cards.toml": [('(S, bouw)", en = "Activity 4 (S, bouw)" }\ntype = "S"',
                                  '(S, bouw)", en = "Activity 4 (S, bouw)" }\ntype = "R"')]}),
    Case("deck_domain_short", [("cards.toml", "cards", "only 2 card(s) in domain 'maritiem'")],
         replace={"cards.toml": [('domain = "maritiem"', 'domain = "bouw"')]}),
    Case("missing_cards_file", [("cards.toml", "(file)", "not found"),
                                ("cards.toml", "cards", "no usable cards")],
         delete=("cards.toml",)),
    Case("duplicate_card_id", [("cards.toml", "cards[1].id", "duplicate card id 'kaart-01'")],
         replace={"cards.toml": [('id = "kaart-02"', 'id = "kaart-01"')]}),
    Case("duplicate_episode_id", [(ODW, f"{E0}.id", "duplicate episode id 'ads-s1e1'", ADS)],
         replace={ODW: [('id = "odw-s1e1"', 'id = "ads-s1e1"')]}, episodes_left=2),
    Case("duplicate_season_number", [(ADS, "seasons[1].number", "season 1 appears twice")],
         replace={ADS: [('[[seasons.episodes]]\nid = "ads-s1e2"',
                         '[[seasons]]\nnumber = 1\ntitle = { nl = "Nog eens" }\n\n'
                         '[[seasons.episodes]]\nid = "ads-s1e2"')]}, episodes_left=2),
    Case("jobs_not_utf8", [("jobs.toml", "line 7", "not utf-8")],
         replace={"jobs.toml": [("Je legt stroom aan", "Caf\udce9 stroom aan")]},
         episodes_left=3),
    Case("text_too_long", [("cards.toml", "cards[2].text.nl", "too long (301 characters)",
                            "at most 300")],
         replace={"cards.toml": [('nl = "Activiteit 3 (A, bouw)"', 'nl = "' + "a" * 301 + '"')]}),
    Case("description_too_long", [("companies.toml", "companies[0].description.nl",
                                   "too long (1001 characters)", "at most 1000")],
         replace={"companies.toml": [('nl = "Installatiebedrijf (verzonnen)."',
                                      'nl = "' + "b" * 1001 + '"')]}),
    Case("bad_id_pattern", [("cards.toml", "cards[0].id", "'kaart 1'", "not a valid id")],
         replace={"cards.toml": [('id = "kaart-01"', 'id = "Kaart 1"')]}),
    Case("bad_pin_hash", [(EVENT, "admin_pin_hash", "not a pin hash", "hash-pin")],
         replace={EVENT: [('admin_pin_hash = "pbkdf2_sha256$1000$',
                           'admin_pin_hash = "md5$1000$')]}),
    Case("riasec_incomplete", [("jobs.toml", "jobs[1].riasec", "all six")],
         replace={"jobs.toml": [("riasec = { R = 7, I = 3, A = 3, S = 2, E = 2, C = 4 }",
                                 "riasec = { R = 7, I = 3, A = 3, S = 2, E = 2 }")]}),
    Case("domain_weight_out_of_range", [("jobs.toml", "jobs[1].domains", "bouw = 1.5",
                                         "out of range")],
         replace={"jobs.toml": [("domains = { bouw = 1.0 }", "domains = { bouw = 1.5 }")]}),
    Case("unknown_event_kind", [(EVENT, "kind", "'festival'", "open_day")],
         replace={EVENT: [('kind = "open_day"', 'kind = "festival"')]}),
    Case("unknown_default_event", [("pack.toml", "default_event", "unknown event 'markt'")],
         replace={"pack.toml": [('default_event = "open-dag"', 'default_event = "markt"')]}),
    Case("jobs_key_typo", [("jobs.toml", "jobs", "is missing"),
                           ("jobs.toml", "job", "unknown field", "severity=warning")],
         replace={"jobs.toml": [("[[jobs]]", "[[job]]")] * 3}),
    Case("nothing_playable", [(ADS, f"{E0}.video", "not found"), (ODW, f"{E0}.video", "not found")],
         delete=("media/clip.mp4",), fatal=True),
    # Warnings only: the pack is fine to run, check exits 0.
    Case("logo_not_an_image", [("companies.toml", "companies[0].logo", "not an image",
                                "placeholder")],
         write={"images/logo.png": "<html>not a logo</html>"}, severity="warning"),
    # A card's or job's own picture that is cut off, damaged or missing: a warning naming the
    # file and field, the card or job stays and shows its placeholder.
    Case("card_picture_cut_off", [("cards.toml", "cards[0].image", "images/kaart.png",
                                   "damaged", "cut off", "placeholder")],
         replace={"cards.toml": [('domain = "bouw"\n', 'domain = "bouw"\nimage = "images/kaart.png"\n')]},
         write={"images/kaart.png": "LOGO:half"}, severity="warning"),
    Case("job_picture_checksum", [("jobs.toml", "jobs[0].image", "images/logo.png", "damaged",
                                   "checksum", "placeholder")],
         write={"images/logo.png": "LOGO:flip"}, severity="warning"),
    Case("card_picture_missing", [("cards.toml", "cards[0].image", "images/weg.png",
                                   "not found", "placeholder")],
         replace={"cards.toml": [('domain = "bouw"\n', 'domain = "bouw"\nimage = "images/weg.png"\n')]},
         severity="warning"),
    Case("unknown_field_typo", [(ADS, "thumbnial", "unknown field", "thumbnail")],
         replace={ADS: [('thumbnail = "media/thumb.jpg"\n\n[[seasons]]',
                         'thumbnial = "media/thumb.jpg"\n\n[[seasons]]')]}, severity="warning"),
    Case("missing_english", [("cards.toml", "cards[0].text.en", "english text is missing")],
         replace={"cards.toml": [(', en = "Activity 1 (R, bouw)"', "")]}, severity="warning"),
]


def build(case: Case, tmp_path: Path) -> Path:
    """A copy of the base pack with the case's edits applied; returns the pack folder."""
    pack = tmp_path / "pack"
    shutil.copytree(BASE, pack, symlinks=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(BASE / "media" / "clip.mp4", outside / "outside.mp4")
    shutil.copy(BASE / "media" / "clip.mp4", outside / "clip.mp4")
    (outside / "outside.toml").write_text('id = "evil"\n', encoding="utf-8")
    for rel, edits in case.replace.items():
        text = (pack / rel).read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, f"{case.name}: {old!r} not in base {rel}"  # keeps cases honest
            text = text.replace(old, new, 1)
        # surrogateescape lets a case plant raw non-UTF-8 bytes ("\udce9" → b"\xe9").
        (pack / rel).write_bytes(text.encode("utf-8", "surrogateescape"))
    for rel, content in case.write.items():
        target = pack / rel
        if isinstance(content, str) and content.startswith("TRUNCATE:"):
            content = (BASE / "media" / "clip.mp4").read_bytes()[: int(content.split(":")[1])]
        elif content in ("LOGO:half", "LOGO:flip"):   # the base logo cut in half / one byte off
            logo = bytearray((BASE / "images" / "logo.png").read_bytes())
            if content == "LOGO:half":
                logo = logo[: len(logo) // 2]
            else:
                logo[len(logo) // 2] ^= 0xFF
            content = bytes(logo)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for rel in case.delete:
        (pack / rel).unlink()
    for rel, target in case.symlink.items():
        dest = outside / target.removeprefix("OUT").lstrip("/") if target.startswith("OUT") \
            else Path(target)
        os.symlink(dest, pack / rel)
    return pack
