"""Do the kiosk's codes open pages the take-home site has? (no Qt)

``kiosk site build`` leaves ``site-manifest.json`` in the pack: the site's address and every
page it wrote. ``kiosk check`` and ``preflight`` compare the codes the kiosk can show with it,
so an episode added after the last build (its share code would open a missing page) is found
before the event, not by a student at home.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urlsplit

from kiosk.config import Config
from kiosk.pack.models import Pack, Problem
from kiosk.core.links import LinkBuilder, ResultSummary

PACK_MANIFEST = "site-manifest.json"
REBUILD = "run 'kiosk site build PACK --out DIR' and upload DIR again (docs/take-home.md)"


def site_codes(pack: Pack, config: Config) -> Iterator[tuple[str, str]]:
    """(what, link) of every code the kiosk can show, site pages and others alike."""
    links = LinkBuilder.for_pack(pack, None, config)
    yield "channel", links.channel().url or ""
    for series in pack.series:
        yield f"series {series.id}", links.series(series.id, series.channel_url).url or ""
    for episode in pack.episodes.values():
        page = episode.channel_url or next(
            (s.channel_url for s in pack.series if s.id == episode.series_id), "")
        yield f"episode {episode.id}", links.episode(episode.id, page).url or ""
        yield (f"share code of episode {episode.id}",
               links.episode(episode.id, page, share=True).url or "")
    for company in pack.companies.values():
        yield (f"company {company.id}",
               links.company(company.id, company.internship_url or company.contact_url).url
               or "")
    yield "parents code", links.parents_code().url or ""
    first = next(iter(pack.jobs), None)
    if first is not None:
        yield "result code", links.result(ResultSummary((first,))).url or ""


def page_of(url: str, site_url: str) -> str | None:
    """The page of ``url`` under ``site_url`` ('resultaat/'), or None when it is elsewhere."""
    site, link = urlsplit(site_url), urlsplit(url)
    if (link.scheme, link.netloc.lower()) != (site.scheme, site.netloc.lower()):
        return None
    base = site.path.rstrip("/") + "/"
    if not link.path.startswith(base):
        return None
    return link.path[len(base):]


def site_problems(pack: Pack, config: Config) -> list[Problem]:
    """A note when no site was built yet, a warning per code that opens a missing page."""
    if not pack.site_url:
        return []
    path = pack.root / PACK_MANIFEST
    if not path.is_file():
        return [Problem("pack.toml", "site_url", f"no take-home pages built for "
                        f"{pack.site_url} yet (no {PACK_MANIFEST})", REBUILD, "note")]
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        pages = {str(p) for p in manifest["pages"]}
        built_for = str(manifest["site_url"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [Problem(PACK_MANIFEST, "(file)", f"unreadable ({type(exc).__name__})", REBUILD,
                        "warning")]
    if built_for.rstrip("/") != pack.site_url.rstrip("/"):
        return [Problem("pack.toml", "site_url", f"the pages were built for {built_for}, the "
                        f"codes open {pack.site_url}", REBUILD, "warning")]
    found = []
    for what, url in site_codes(pack, config):
        page = page_of(url, pack.site_url) if url else None
        if page is None:
            continue  # an NXtv or company page: the organiser's choice, not the site's
        file = page + "index.html" if page == "" or page.endswith("/") else page
        if page not in pages and file not in set(manifest.get("files", [])):
            found.append(Problem(PACK_MANIFEST, "pages", f"the {what} opens {page or '/'}, "
                                 "a page the built site does not have", REBUILD, "warning"))
    return found
