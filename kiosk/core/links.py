"""Every URL the kiosk shows is built and checked here (no Qt).

Only ``https`` links to hosts the pack allow-lists are ever shown. Each link carries the
campaign tags (``utm_*``) so the channel's own statistics see what the kiosks bring, and
nothing about the visitor: the take-home result link holds job ids and a direction only.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote, unquote_plus, urlsplit, urlunsplit

from kiosk.config import Config
from kiosk.core.event_choice import running_event

RIASEC = "RIASEC"


class LinkedPack(Protocol):
    """What the links need of a loaded pack (``kiosk.pack.models.Pack`` has it; ``core`` may
    not import ``pack``, so the pack is described here instead of imported)."""

    @property
    def id(self) -> str: ...
    @property
    def channel_url(self) -> str: ...
    @property
    def result_url(self) -> str: ...
    @property
    def allowed_hosts(self) -> Sequence[str]: ...
    @property
    def default_event(self) -> str | None: ...
    @property
    def events(self) -> Any: ...  # id -> event with its dates (kiosk.core.event_choice reads it)


# Same rule as every id in a pack (docs/PACK-FORMAT.md); such ids need no percent-encoding.
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")

# Query keys of the take-home result link: jobs, the "verrassing", RIASEC direction, domains;
# a duo adds "duo=1" and the second player's direction and domains.
RESULT_KEYS = ("jobs", "extra", "r", "d", "duo", "r2", "d2")
UTM_SOURCE = "kiosk"
UTM_MEDIUM = "qr"
LANGS = ("nl", "en")

# The pages `kiosk site build` writes under the pack's site_url (a folder means its index.html).
# Short Dutch paths: they go into QR codes, and the visitors are Dutch students.
RESULT_PAGE = "resultaat/"
JOB_PAGE = "beroep/{id}/"
SHARE_PAGE = "video/{id}/"
COMPANIES_PAGE = "bedrijven/"
PARENTS_PAGE = "ouders/"


def site_page(site_url: str, page: str) -> str:
    """The address of ``page`` (e.g. 'resultaat/') under ``site_url``."""
    return site_url.rstrip("/") + "/" + page


def host_allowed(host: str, allowed_hosts: Iterable[str]) -> bool:
    """A host matches an allow-listed host exactly or as a subdomain of it."""
    host = host.lower().rstrip(".")
    for allowed in allowed_hosts:
        allowed = allowed.lower().rstrip(".")
        if host == allowed or host.endswith("." + allowed):
            return True
    return False


def url_problem(url: str, allowed_hosts: Iterable[str]) -> str | None:
    """Why ``url`` may not be shown, or None when it is fine."""
    if not isinstance(url, str) or not url:
        return "empty link"
    if any(ch.isspace() for ch in url):
        return "link contains spaces"
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a bad port
    except ValueError:
        return "not a valid link"
    if not parts.scheme or ("." in parts.scheme and not parts.netloc):
        # "bedrijf.nl/stage" or "www.bedrijf.nl:443": the most common slip, say the fix
        return "link has no https:// (add https:// in front)"
    if parts.scheme != "https":
        return f"link uses '{parts.scheme}', only https is allowed"
    if not parts.hostname:
        return "link has no host"
    if parts.username or parts.password:
        return "link contains a user name or password"
    if port not in (None, 443):
        return f"link uses port {port}"
    if not host_allowed(parts.hostname, allowed_hosts):
        return f"host '{parts.hostname}' is not in allowed_hosts"
    return None


@dataclass(frozen=True)
class Link:
    """A link ready for a QR code, or the reason there is none (for the log)."""

    url: str | None
    content: str               # the utm_content value: what was shown (episode id, 'result', …)
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.url is not None


@dataclass(frozen=True)
class ResultSummary:
    """What a take-home result link carries: job ids and a direction, nothing personal."""

    jobs: tuple[str, ...]
    extra: str | None = None           # the "verrassing" job from another domain
    riasec: str = ""                   # direction letters, strongest first, e.g. "RC"
    domains: tuple[str, ...] = ()      # strongest work domains first
    duo: bool = False                  # two players: jobs is their match
    riasec_b: str = ""                 # duo: the second player's direction
    domains_b: tuple[str, ...] = ()    # duo: the second player's domains


def summary_problem(summary: ResultSummary) -> str | None:
    """Why ``summary`` cannot go into a link, or None when it can."""
    if not summary.jobs:
        return "result has no jobs"
    ids = list(summary.jobs) + ([summary.extra] if summary.extra is not None else [])
    for job in ids:
        if not isinstance(job, str) or not _ID.match(job):
            return f"job id {job!r} is not a valid id"
    if len(set(ids)) != len(ids):
        return "result lists a job twice"
    if not summary.duo and (summary.riasec_b or summary.domains_b):
        return "a second player's direction in a solo result"
    for riasec, domains in ((summary.riasec, summary.domains),
                            (summary.riasec_b, summary.domains_b)):
        if any(ch not in RIASEC for ch in riasec) or len(set(riasec)) != len(riasec):
            return f"direction {riasec!r} is not a set of RIASEC letters"
        for domain in domains:
            if not isinstance(domain, str) or not _ID.match(domain):
                return f"domain {domain!r} is not a valid id"
        if len(set(domains)) != len(domains):
            return "result lists a domain twice"
    return None


def merge_query(url: str, params: Sequence[tuple[str, str]]) -> str:
    """``url`` with ``params`` appended; an existing param of the same name is replaced.

    Other existing params are kept byte for byte (their encoding is the site's business).
    Commas stay literal: they are legal in a query and keep lists short in a QR code.
    """
    parts = urlsplit(url)
    ours = {key for key, _ in params}
    kept = [
        piece
        for piece in parts.query.split("&")
        if piece and unquote_plus(piece.split("=", 1)[0]) not in ours
    ]
    added = [f"{quote(key, safe='')}={quote(value, safe=',')}" for key, value in params]
    return urlunsplit(parts._replace(path=parts.path or "/", query="&".join(kept + added)))


def without_lang(url: str) -> str:
    """``url`` without its ``lang=`` param: the same page in the other language."""
    parts = urlsplit(url)
    kept = [piece for piece in parts.query.split("&") if piece and not piece.startswith("lang=")]
    return urlunsplit(parts._replace(query="&".join(kept)))


def campaign_tags(campaign: str, content: str) -> list[tuple[str, str]]:
    """The four campaign tags every link carries, in a fixed order."""
    return [
        ("utm_source", UTM_SOURCE),
        ("utm_medium", UTM_MEDIUM),
        ("utm_campaign", campaign),
        ("utm_content", content),
    ]


class LinkBuilder:
    """Builds every link the kiosk shows, tagged for one event, checked against the allow-list."""

    def __init__(
        self,
        channel_url: str,
        result_url: str,
        allowed_hosts: Iterable[str],
        event_id: str,
        *,
        max_chars: int,
        site_url: str = "",
        lang: str = "nl",
    ) -> None:
        self.channel_url = channel_url
        self.result_url = result_url
        self.allowed_hosts = tuple(allowed_hosts)
        self.event_id = event_id
        self.max_chars = max_chars
        self.site_url = site_url
        self.lang = "nl"
        self.set_language(lang)

    def set_language(self, lang: str) -> None:
        """The visitor's language: every link says it (``lang=``), so the page speaks it too."""
        self.lang = lang if lang in LANGS else "nl"

    @classmethod
    def for_pack(
        cls, pack: LinkedPack, event_id: str | None, config: Config
    ) -> LinkBuilder:
        """A builder for a loaded pack; without an event id, the event the pack runs today
        (kiosk.core.event_choice: the one rule), or the pack's id when it has no event."""
        if event_id is None:
            choice = running_event(pack)
            event_id = choice.event.id if choice is not None else None
        campaign = event_id or pack.id
        return cls(
            pack.channel_url,
            pack.result_url,
            pack.allowed_hosts,
            campaign,
            max_chars=config.qr.link_max_chars,
            site_url=getattr(pack, "site_url", "") or "",
            lang=config.language.default_language,
        )

    def channel(self) -> Link:
        """The channel's home page (NXtv)."""
        return self._build(self.channel_url, "channel")

    def series(self, series_id: str, page_url: str) -> Link:
        """A series' page on the channel."""
        return self._build(page_url, series_id)

    def episode(self, episode_id: str, page_url: str, *, share: bool = False) -> Link:
        """An episode's page; ``share`` marks the "send it to a friend" code apart.

        With a site, the share code opens the episode's share page there (a button to forward
        it, and the way to the channel); without one, the channel page itself.
        '_' cannot occur in an id, so ``<id>_share`` never collides with another id.
        """
        if share and self.site_url:
            page_url = site_page(self.site_url, SHARE_PAGE.format(id=episode_id))
        return self._build(page_url, f"{episode_id}_share" if share else episode_id)

    def job(self, job_id: str) -> Link:
        """A job's page on the site (what you do, the route, the role model, companies)."""
        return self._site(JOB_PAGE.format(id=job_id), job_id)

    def companies(self) -> Link:
        """The site's page of the event's companies."""
        return self._site(COMPANIES_PAGE, "companies")

    def parents(self) -> Link:
        """The site's page for parents and teachers."""
        return self._site(PARENTS_PAGE, "parents")

    def parents_code(self) -> Link:
        """The parents' take-home code: their page on the site, or the channel without one."""
        return self.parents() if self.site_url else self._build(self.channel_url, "parents")

    def _site(self, page: str, content: str) -> Link:
        if not self.site_url:
            return Link(None, content, "pack.toml has no site_url")
        return self._build(site_page(self.site_url, page), content)

    def company(self, company_id: str, page_url: str) -> Link:
        """A company's contact or internship page (the page itself tells them apart)."""
        return self._build(page_url, company_id)

    def result(self, summary: ResultSummary) -> Link:
        """The take-home result link: the pack's result page with job ids and direction."""
        problem = summary_problem(summary)
        if problem is not None:
            return Link(None, "result", problem)
        url = site_page(self.site_url, RESULT_PAGE) if self.site_url else self.result_url
        if not url:
            return Link(None, "result", "pack.toml has no site_url")
        return self._build(url, "result", result_params(summary))

    def _build(
        self, url: str, content: str, params: Sequence[tuple[str, str]] = ()
    ) -> Link:
        """Check the page, add params and tags, check the result again (length too)."""
        problem = url_problem(url, self.allowed_hosts)
        if problem is not None:
            return Link(None, content, f"{url!r}: {problem}")
        built = merge_query(url, [*params, ("lang", self.lang),
                                  *campaign_tags(self.event_id, content)])
        problem = url_problem(built, self.allowed_hosts)
        if problem is None and len(built) > self.max_chars:
            problem = f"link is {len(built)} characters, more than {self.max_chars} for a QR code"
        if problem is not None:
            return Link(None, content, f"{built!r}: {problem}")
        return Link(built, content)


def result_params(summary: ResultSummary) -> list[tuple[str, str]]:
    """The query params of a result; empty parts are left out to keep the link short."""
    params = [("jobs", ",".join(summary.jobs))]
    if summary.extra:
        params.append(("extra", summary.extra))
    if summary.riasec:
        params.append(("r", summary.riasec))
    if summary.domains:
        params.append(("d", ",".join(summary.domains)))
    if summary.duo:
        params.append(("duo", "1"))
        if summary.riasec_b:
            params.append(("r2", summary.riasec_b))
        if summary.domains_b:
            params.append(("d2", ",".join(summary.domains_b)))
    return params
