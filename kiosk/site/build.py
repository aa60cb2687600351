"""``kiosk site build PACK --out DIR``: the take-home pages behind the kiosk's codes (no Qt).

Everything a page needs is in DIR (pictures, CSS, one small script); nothing is loaded from
another host, nothing is stored on the phone. Pages are Dutch and English at once: the link's
``lang=en`` shows the English half (Dutch without it, or for anything else). ``manifest.json``
lists every page and file; a copy goes into the pack as ``site-manifest.json`` so that
``kiosk check`` and ``preflight`` can say when a code would open a page the site lacks.
"""
from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from kiosk.config import Config
from kiosk.pack.loader import Pack, PackError, load_pack
from kiosk.pack.models import Episode, Job, Text
from kiosk.core.screen_texts import route_steps
from kiosk.core.links import (
    COMPANIES_PAGE,
    JOB_PAGE,
    PARENTS_PAGE,
    RESULT_PAGE,
    SHARE_PAGE,
    site_page,
)
from kiosk.pack.site_pages import PACK_MANIFEST
from kiosk.core.taxonomy import main_domain
from kiosk.paths import asset
from kiosk.site import pictures
from kiosk.site.texts import ABBREVIATIONS, DOMAIN_COLOURS, DOMAINS, PARENTS, TYPES, UI

MANIFEST = "manifest.json"
STATIC = Path(__file__).resolve().parent / "static"
Pair = tuple[str, str]
DIM, NOTE = 'class="dim"', 'class="note"'


class SiteError(Exception):
    """The site cannot be built; the message says what to do (one line)."""


@dataclass
class _Site:
    pack: Pack
    files: dict[str, bytes] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)
    job_pictures: dict[str, str] = field(default_factory=dict)      # job id → img/… path
    episode_pictures: dict[str, str] = field(default_factory=dict)  # episode id → img/… path
    logos: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, path: str, data: bytes | str) -> None:
        self.files[path] = data.encode("utf-8") if isinstance(data, str) else data


# -- small HTML helpers ------------------------------------------------------------------------
def _pair(text: Text | Pair | None) -> Pair:
    if text is None:
        return "", ""
    if isinstance(text, Text):
        return text.nl, text.get("en")
    return text


def bi(text: Text | Pair | None, tag: str = "span", attrs: str = "") -> str:
    """Both languages of ``text``; CSS shows the visitor's (one element when they agree)."""
    nl, en = _pair(text)
    extra = f" {attrs}" if attrs else ""
    if nl == en:
        return f"<{tag}{extra}>{escape(nl)}</{tag}>"
    return (f'<{tag} class="nl" lang="nl"{extra}>{escape(nl)}</{tag}>'
            f'<{tag} class="en" lang="en"{extra}>{escape(en)}</{tag}>')


def ui(key: str, tag: str = "span", attrs: str = "") -> str:
    return bi(UI[key], tag, attrs)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


# The language class goes on <html> before the first paint: no Dutch flash for an English link.
_HEAD_SCRIPT = ("<script>try{if(new URLSearchParams(location.search).get('lang')==='en')"
                "{document.documentElement.className='en';document.documentElement.lang='en';"
                "var t=document.documentElement.getAttribute('data-title-en');"
                "if(t)document.title=t}}catch(e){}</script>")


@functools.cache
def _static(name: str) -> str:
    """CSS and script go into each page: on 3G a second request costs a round trip (0.6–2 s)
    before the first paint; 10 kB more per page costs about 50 ms."""
    return (STATIC / name).read_text(encoding="utf-8").strip()


def _document(site: _Site, page: str, title: Pair, body: str, *, data: Any = None,
              og: tuple[str, str] | None = None) -> str:
    """One page at ``page`` ('' is the start page, 'beroep/x/' a job …)."""
    root = "../" * page.count("/")
    url = site_page(site.pack.site_url, page)
    meta = [f'<meta property="og:title" content="{escape(title[0])}">',
            f'<meta property="og:url" content="{escape(url)}">',
            '<meta property="og:type" content="website">',
            f'<meta property="og:site_name" content="{escape(UI["brand"][0])}">']
    if og is not None:
        image, description = og
        image_url = escape(site_page(site.pack.site_url, image))
        meta += [f'<meta property="og:image" content="{image_url}">',
                 f'<meta property="og:image:width" content="{pictures.OG_SIZE[0]}">',
                 f'<meta property="og:image:height" content="{pictures.OG_SIZE[1]}">',
                 f'<meta property="og:description" content="{escape(description)}">',
                 f'<meta name="description" content="{escape(description)}">',
                 '<meta name="twitter:card" content="summary_large_image">']
    if data is None and "data-share" in body:  # the share button's words after a tap
        data = {"t": {k: UI[k] for k in ("copied", "copy_fail")}}
    data_script = f'<script type="application/json" id="d">{_json(data)}</script>' if data else ""
    return (
        f'<!DOCTYPE html><html lang="nl" data-title-en="{escape(title[1])}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="referrer" content="no-referrer"><meta name="theme-color" content="#0e1633">'
        f"<title>{escape(title[0])}</title>{''.join(meta)}"
        f'<link rel="icon" href="{root}icon.png"><style>{_static("site.css")}</style>'
        f"{_HEAD_SCRIPT}</head><body>"
        f'<header><a class="b" data-i href="{root}">BLIQ <span>{ui("brand_tail")}</span></a>'
        f'<a class="l" data-toggle href="?lang=en">{ui("other_lang")}</a></header>'
        f"<main>{body}</main>"
        f'<footer>{ui("privacy", "p")}</footer>{data_script}'
        f"<script>{_static('site.js')}</script></body></html>")


def _picture_html(path: str | None, letter: str, colour: str, root: str, cls: str) -> str:
    if path:
        return f'<span class="{cls}" style="--c:{colour}"><img src="{root}{path}" alt=""></span>'
    return f'<span class="{cls}" style="--c:{colour}" aria-hidden="true">{escape(letter)}</span>'


def _main_domain(job: Job) -> str:
    weights: dict[str, float] = {str(k): v for k, v in job.domains.items()}
    return main_domain(weights)


def _colour(job: Job) -> str:
    return DOMAIN_COLOURS.get(_main_domain(job), "#3da5ff")


def _share_button() -> str:
    # hidden until the script runs: without it, the button could do nothing
    return (f'<button class="big" type="button" data-share hidden>{ui("share")}</button>'
            '<p class="msg" id="msg" role="status"></p>')


def _more_nav(root: str) -> str:
    return (f'<nav class="more"><a data-i href="{root}{RESULT_PAGE}">{ui("all_jobs")}</a>'
            f'<a data-i href="{root}{COMPANIES_PAGE}">{ui("companies")}</a>'
            f'<a data-i href="{root}{PARENTS_PAGE}">{ui("parents")}</a></nav>')


# -- pictures ---------------------------------------------------------------------------------
def _pictures(site: _Site) -> None:
    pack = site.pack
    for episode in pack.episodes.values():
        if episode.thumbnail is not None:
            data = pictures.page_picture(pack.root / episode.thumbnail)
            if data is not None:
                site.add(f"img/e/{episode.id}.jpg", data)
                site.episode_pictures[episode.id] = f"img/e/{episode.id}.jpg"
    for job in pack.jobs.values():
        # as on the kiosk's result: the role model's face first, then the job's own picture,
        # else the designed placeholder (letter on colour)
        shown = next((site.episode_pictures[e] for e in job.episodes
                      if e in site.episode_pictures), None)
        if shown:
            site.job_pictures[job.id] = shown
            continue
        data = pictures.page_picture(pack.root / job.image) if job.image is not None else None
        if data is not None:
            site.add(f"img/j/{job.id}.jpg", data)
            site.job_pictures[job.id] = f"img/j/{job.id}.jpg"
    for company in pack.companies.values():
        if company.logo is not None:
            data = pictures.logo(pack.root / company.logo)
            if data is not None:
                site.add(f"img/c/{company.id}.png", data)
                site.logos[company.id] = f"img/c/{company.id}.png"


def _og_picture(site: _Site, episode_or_job: str) -> Path | None:
    pack = site.pack
    if episode_or_job in pack.jobs:
        job = pack.jobs[episode_or_job]
        face = next((pack.episodes[e] for e in job.episodes
                     if e in pack.episodes and pack.episodes[e].thumbnail), None)
        if face is None and job.image is not None:
            return pack.root / job.image
        episode_or_job = face.id if face is not None else ""
    episode = pack.episodes.get(episode_or_job)
    return pack.root / episode.thumbnail if episode and episode.thumbnail else None


def _role_model_line(episode: Episode, lang: str) -> str:
    rm = episode.role_model
    if rm is None:
        return ""
    shows = UI["shows"][lang == "en"]
    return f"{rm.name} ({rm.age}), {rm.job.get(lang).lower()}, {shows}"


# -- pages ------------------------------------------------------------------------------------
def _students_episodes(job: Job, pack: Pack) -> list[Episode]:
    return [pack.episodes[e] for e in job.episodes if e in pack.episodes
            and "students" in pack.episodes[e].audience]


def _watch_url(pack: Pack, episode: Episode) -> str:
    if episode.channel_url:
        return episode.channel_url
    series = next((s for s in pack.series if s.id == episode.series_id), None)
    return series.channel_url if series is not None else pack.channel_url


def _all_jobs_list(site: _Site, root: str) -> str:
    """Every job as a plain link, grouped by its main domain (DOMAINS' order)."""
    groups: dict[str, list[Job]] = {}
    for job in sorted(site.pack.jobs.values(), key=lambda j: j.title.nl.lower()):
        groups.setdefault(_main_domain(job), []).append(job)
    parts = []
    for domain in sorted(groups, key=lambda d: list(DOMAINS).index(d) if d in DOMAINS else 99):
        links = "".join(f'<li><a data-i href="{root}{JOB_PAGE.format(id=job.id)}">'
                        f"{bi(job.title)}</a></li>" for job in groups[domain])
        parts.append(f'{bi(DOMAINS.get(domain, ("", "")), "h3")}<ul class="all">{links}</ul>')
    return f'<div id="all">{"".join(parts)}</div>'


def _result_page(site: _Site) -> None:
    pack = site.pack
    jobs = {
        job.id: [job.title.nl, job.title.get("en"), job.description.nl,
                 job.description.get("en"), site.job_pictures.get(job.id, ""), _colour(job)]
        for job in pack.jobs.values()
    }
    data = {"jobs": jobs, "types": TYPES, "domains": DOMAINS,
            "t": {k: UI[k] for k in ("your_result", "duo_result", "player_a", "player_b",
                                     "your_jobs", "duo_jobs", "surprise", "unknown", "more",
                                     "copied", "copy_fail")}}
    body = (f'<section id="r" hidden></section>'
            f'<h1 id="h">{ui("all_jobs")}</h1>'
            f'<noscript>{ui("noscript", "p", NOTE)}</noscript>'
            f'{ui("all_jobs_intro", "p", DIM)}'
            f"{_all_jobs_list(site, '../')}{_share_button()}{_more_nav('../')}")
    site.add(RESULT_PAGE + "index.html",
             _document(site, RESULT_PAGE, UI["your_result"], body, data=data))
    site.pages.append(RESULT_PAGE)


def _glossary(route: Pair) -> str:
    """The abbreviations on the route explained, each language with the words of its route."""
    lists = []
    for lang, text in zip(("nl", "en"), route, strict=True):
        found = [w for w in ABBREVIATIONS
                 if re.search(rf"(?<![\w&]){re.escape(w)}(?![\w&])", text,
                              re.IGNORECASE if w.islower() else 0)]
        rows = "".join(f"<div><dt>{escape(w)}</dt><dd>{escape(ABBREVIATIONS[w][lang == 'en'])}"
                       "</dd></div>" for w in found)
        lists.append(f'<dl class="words {lang}" lang="{lang}">{rows}</dl>' if rows else "")
    if not any(lists):
        return ""
    return ui("words", "h2") + "".join(lists)


def _job_page(site: _Site, job: Job) -> None:
    pack = site.pack
    page = JOB_PAGE.format(id=job.id)
    root = "../../"
    route = _pair(job.route)
    steps_nl, steps_en = route_steps(route[0]), route_steps(route[1])
    steps = "".join(f"<li>{bi((a, b))}</li>" for a, b in zip(steps_nl, steps_en, strict=False))
    parts = [f'<h1>{bi(job.title)}</h1>',
             _picture_html(site.job_pictures.get(job.id), job.title.nl[:1], _colour(job), root,
                           "hero"),
             ui("what", "h2"), bi(job.description, "p"),
             ui("day", "h2"), bi(job.day, "p"),
             ui("route", "h2"), f'<ol class="steps">{steps}</ol>', _glossary(route)]
    episodes = _students_episodes(job, pack)
    if episodes:
        parts.append(ui("watch", "h2"))
        for episode in episodes:
            still = _picture_html(site.episode_pictures.get(episode.id), "▶", _colour(job), root,
                                  "pic")
            parts.append(
                f'<a class="card" href="{escape(_watch_url(pack, episode))}">{still}'
                f'<span><b>{bi(episode.title)}</b>'
                f'<small>{bi((_role_model_line(episode, "nl"), _role_model_line(episode, "en")))}'
                f'</small><span class="go">{ui("watch_nxtv")} →</span></span></a>')
    companies = [c for c in pack.companies.values() if job.id in c.jobs]
    if companies:
        parts.append(ui("companies_here", "h2"))
        parts += [_company_html(site, c, root) for c in companies]
    parts += [_share_button(), _more_nav(root)]
    description = f"{job.description.nl}"
    site.add(page + "index.html", _document(
        site, page, (job.title.nl, job.title.get("en")), "".join(parts),
        og=(f"og/j/{job.id}.jpg", description)))
    site.pages.append(page)
    subtitle = (_role_model_line(episodes[0], "nl") if episodes else job.description.nl)
    site.add(f"og/j/{job.id}.jpg", pictures.og_card(job.title.nl, subtitle,
                                                    _og_picture(site, job.id), _colour(job),
                                                    UI["brand"][0]))


def _share_page(site: _Site, episode: Episode) -> None:
    pack = site.pack
    page = SHARE_PAGE.format(id=episode.id)
    root = "../../"
    jobs = [pack.jobs[j] for j in episode.jobs if j in pack.jobs]
    colour = _colour(jobs[0]) if jobs else "#3da5ff"
    parts = [f"<h1>{bi(episode.title)}</h1>",
             _picture_html(site.episode_pictures.get(episode.id), "▶", colour, root, "hero")]
    if episode.role_model is not None:
        parts.append(bi((_role_model_line(episode, "nl"), _role_model_line(episode, "en")),
                        "p", 'class="dim"'))
    parts.append(_share_button())
    parts.append(f'<a class="big alt" href="{escape(_watch_url(pack, episode))}">'
                 f'{ui("watch_nxtv")}</a>')
    if jobs:
        parts.append(ui("jobs_in_video", "h2"))
        parts.append('<ul class="all">' + "".join(
            f'<li><a data-i href="{root}{JOB_PAGE.format(id=j.id)}">{bi(j.title)}</a></li>'
            for j in jobs) + "</ul>")
    parts.append(_more_nav(root))
    subtitle = _role_model_line(episode, "nl") or episode.title.nl
    site.add(page + "index.html", _document(
        site, page, (episode.title.nl, episode.title.get("en")), "".join(parts),
        og=(f"og/e/{episode.id}.jpg", subtitle)))
    site.pages.append(page)
    thumb = pack.root / episode.thumbnail if episode.thumbnail is not None else None
    site.add(f"og/e/{episode.id}.jpg", pictures.og_card(episode.title.nl, subtitle, thumb,
                                                        colour, UI["brand"][0]))


def _company_html(site: _Site, company: Any, root: str) -> str:
    pack = site.pack
    initials = "".join(w[0] for w in company.name.split()[:2]).upper()
    logo = (f'<img src="{root}{site.logos[company.id]}" alt="">' if company.id in site.logos
            else f'<span class="ini" aria-hidden="true">{escape(initials)}</span>')
    where = []
    for event in pack.events.values():
        if company.id in event.companies:
            stand = event.stands.get(company.id)
            where.append(bi((f"{UI['at_event'][0]} {event.name.nl}" + (f": {stand}" if stand
                                                                         else ""),
                             f"{UI['at_event'][1]} {event.name.get('en')}"
                             + (f": {stand}" if stand else "")), "small"))
    jobs = ", ".join(f'<a data-i href="{root}{JOB_PAGE.format(id=j)}">{bi(pack.jobs[j].title)}'
                     "</a>" for j in company.jobs if j in pack.jobs)
    links = f'<a href="{escape(company.contact_url)}">{ui("contact")}</a>'
    if company.internship_url:
        links += f'<a href="{escape(company.internship_url)}">{ui("internship")}</a>'
    return (f'<div class="co"><div class="top">{logo}<div><b>{escape(company.name)}</b>'
            f'{"".join(where)}</div></div>{bi(company.description, "p")}'
            f'{"<p>" + jobs + "</p>" if jobs else ""}<div class="links">{links}</div></div>')


def _companies_page(site: _Site) -> None:
    body = (f'{ui("companies_title", "h1")}{ui("companies_intro", "p", DIM)}'
            + "".join(_company_html(site, c, "../") for c in site.pack.companies.values())
            + _more_nav("../"))
    site.add(COMPANIES_PAGE + "index.html",
             _document(site, COMPANIES_PAGE, UI["companies_title"], body))
    site.pages.append(COMPANIES_PAGE)


def _parents_page(site: _Site) -> None:
    pack = site.pack
    parts = [ui("parents", "h1")]
    for head, text in PARENTS:
        parts += [bi(head, "h2"), bi(text, "p")]
    for_parents = [e for e in pack.episodes.values() if "parents" in e.audience]
    if for_parents:
        parts.append(ui("videos", "h2"))
        parts += [f'<a class="card" href="{escape(_watch_url(pack, e))}">'
                  f"{_picture_html(site.episode_pictures.get(e.id), '▶', '#3da5ff', '../', 'pic')}"
                  f'<span><b>{bi(e.title)}</b><span class="go">{ui("watch_nxtv")} →</span>'
                  "</span></a>" for e in for_parents]
    names = {"niveau": ("niveau", "level")}  # the English routes say "level"
    words = "".join(f"<div><dt>{bi(names.get(w, (w, w)))}</dt><dd>{bi(ABBREVIATIONS[w])}</dd>"
                    "</div>" for w in ("vmbo", "BWI", "PIE", "M&T", "MVI", "MaT", "mbo",
                                       "niveau", "bbl", "bol", "hbo"))
    parts += [ui("words", "h2"), f'<dl class="words">{words}</dl>', _more_nav("../")]
    site.add(PARENTS_PAGE + "index.html",
             _document(site, PARENTS_PAGE, UI["parents"], "".join(parts)))
    site.pages.append(PARENTS_PAGE)


def _start_page(site: _Site) -> None:
    pack = site.pack
    videos = "".join(
        f'<li><a data-i href="{SHARE_PAGE.format(id=e.id)}">{bi(e.title)}</a></li>'
        for e in pack.episodes.values() if "students" in e.audience)
    body = (f'{ui("home_title", "h1")}{ui("home_intro", "p", DIM)}'
            f"{_more_nav('')}{ui('videos', 'h2')}<ul class=\"all\">{videos}</ul>")
    site.add("index.html", _document(site, "", UI["home_title"], body))
    site.pages.append("")
    body_404 = (f'{ui("not_found", "h1")}{ui("not_found_text", "p")}'
                f'<a class="big" href="/">{ui("home")}</a>')
    # at the host's root (GitHub Pages, Netlify serve it for any unknown path): absolute links
    site.add("404.html", _document(site, "", UI["not_found"], body_404).replace(
        'href="icon.png"', 'href="/icon.png"'))


# -- the build --------------------------------------------------------------------------------
def _ours(out: Path) -> set[str]:
    """Files a previous build wrote into ``out`` (its manifest), relative, '/'-separated."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return {str(f) for f in manifest.get("files", [])} | {MANIFEST}
    except (OSError, ValueError, AttributeError):
        return set()


def _check_out(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise SiteError(f"{out} is a file; give a folder for the pages")
    if not out.exists() or force:
        return
    ours = _ours(out)
    others = sorted(str(p.relative_to(out)).replace("\\", "/") for p in out.rglob("*")
                    if p.is_file() and str(p.relative_to(out)).replace("\\", "/") not in ours)
    if others:
        shown = ", ".join(others[:3]) + (" …" if len(others) > 3 else "")
        raise SiteError(f"{out} holds other files ({shown}); choose an empty folder, or add "
                        "--force to write the pages there anyway (nothing is deleted)")


def build(pack_dir: Path | str, out_dir: Path | str, config: Config, force: bool = False,
          progress: Callable[[str], None] | None = None,
          record: bool = True) -> dict[str, Any]:
    """Build the take-home pages of the pack at ``pack_dir`` into ``out_dir``.

    Returns the manifest (also written to ``out_dir/manifest.json`` and, with ``record`` and
    a writable pack folder, ``pack_dir/site-manifest.json``). Raises ``SiteError`` with one
    line saying what to do: no ``site_url`` in pack.toml, an unusable pack, or an output
    folder holding other files (refused unless ``force``; files are only written, never
    deleted).
    """
    pack_dir, out = Path(pack_dir), Path(out_dir)
    try:
        pack = load_pack(pack_dir, config)
    except PackError as exc:
        raise SiteError(f"the pack cannot be used: {exc}") from None
    if not pack.site_url:
        raise SiteError(f"{pack_dir / 'pack.toml'}: site_url is missing; add the address where "
                        'the campaign puts these pages, e.g. site_url = "https://bliq.example/", '
                        "and its host to allowed_hosts")
    _check_out(out, force)
    say = progress or (lambda _text: None)
    site = _Site(pack)
    icon = pictures.icon(asset("brand", "bliq-icon.png"))
    if icon is not None:
        site.add("icon.png", icon)
    say("pictures")
    _pictures(site)
    say("pages")
    _start_page(site)
    _result_page(site)
    for job in pack.jobs.values():
        _job_page(site, job)
    for episode in pack.episodes.values():
        _share_page(site, episode)
    _companies_page(site)
    _parents_page(site)
    manifest = {"format": 1, "site_url": pack.site_url, "pack": pack.id,
                "pack_version": pack.version, "pages": sorted(site.pages),
                "files": sorted(site.files)}
    say("writing")
    for rel, data in site.files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    (out / MANIFEST).write_text(text, encoding="utf-8")
    try:
        if record:
            (pack_dir / PACK_MANIFEST).write_text(text, encoding="utf-8")
    except OSError as exc:  # a read-only pack: check then cannot compare, the site is fine
        manifest["warning"] = f"could not write {pack_dir / PACK_MANIFEST}: {exc.strerror}"
    return manifest
