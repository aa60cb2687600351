"""Links the kiosk shows: campaign tags, allow-list, the take-home result link (no Qt)."""
from __future__ import annotations

import datetime
from types import SimpleNamespace
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import DEFAULT
from kiosk.core.links import (
    Link,
    LinkBuilder,
    ResultSummary,
    url_problem,
)
from tests.result_links import parse_result_link

HOSTS = ["nxtv.example", "bedrijf.example"]
TAGS = [("utm_source", "kiosk"), ("utm_medium", "qr")]


def builder(**kw: object) -> LinkBuilder:
    args: dict[str, object] = dict(
        channel_url="https://nxtv.example/",
        result_url="https://nxtv.example/resultaat",
        allowed_hosts=HOSTS,
        event_id="open-dag-2026",
        max_chars=DEFAULT.qr.link_max_chars,
    )
    args.update(kw)
    return LinkBuilder(**args)  # type: ignore[arg-type]


def query(url: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query, keep_blank_values=True)


def test_episode_link_is_the_page_with_the_four_tags() -> None:
    link = builder().episode("ads-s1e1", "https://nxtv.example/aflevering/ads-s1e1")
    assert link == Link(
        "https://nxtv.example/aflevering/ads-s1e1?lang=nl&utm_source=kiosk&utm_medium=qr"
        "&utm_campaign=open-dag-2026&utm_content=ads-s1e1",
        "ads-s1e1",
    )
    assert link.ok


def test_every_kind_of_link_carries_the_tags_and_an_allowed_https_host() -> None:
    b = builder()
    links = [
        b.channel(),
        b.series("aan-de-slag", "https://nxtv.example/series/aan-de-slag"),
        b.episode("ads-s1e1", "https://nxtv.example/aflevering/ads-s1e1"),
        b.episode("ads-s1e1", "https://nxtv.example/aflevering/ads-s1e1", share=True),
        b.company("voltwerk", "https://voltwerk.bedrijf.example/contact"),
        b.company("voltwerk", "https://voltwerk.bedrijf.example/stage"),
        b.result(ResultSummary(("lasser", "timmerman", "matroos"))),
    ]
    contents = ["channel", "aan-de-slag", "ads-s1e1", "ads-s1e1_share", "voltwerk", "voltwerk",
                "result"]
    for link, content in zip(links, contents, strict=True):
        assert link.url is not None, link.problem
        parts = urlsplit(link.url)
        assert parts.scheme == "https"
        assert parts.hostname in ("nxtv.example", "voltwerk.bedrijf.example")
        q = dict(query(link.url))
        assert q["utm_source"] == "kiosk"
        assert q["utm_medium"] == "qr"
        assert q["utm_campaign"] == "open-dag-2026"
        assert q["utm_content"] == content
        assert len(query(link.url)) == len(q)  # no key twice


def test_existing_params_are_kept_and_old_tags_replaced_not_duplicated() -> None:
    url = "https://nxtv.example/a?lang=nl&utm_source=nieuwsbrief&q=a%20b#start"
    link = builder().episode("ads-s1e1", url)
    assert link.url == (
        "https://nxtv.example/a?q=a%20b&lang=nl&utm_source=kiosk&utm_medium=qr"
        "&utm_campaign=open-dag-2026&utm_content=ads-s1e1#start"
    )


def test_a_bare_host_gets_a_root_path() -> None:
    assert builder(channel_url="https://nxtv.example").channel().url == (
        "https://nxtv.example/?lang=nl&utm_source=kiosk&utm_medium=qr"
        "&utm_campaign=open-dag-2026&utm_content=channel"
    )


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://nxtv.example/a", "only https"),
        ("https://evil.example/a", "not in allowed_hosts"),
        ("https://nxtv.example.evil.example/a", "not in allowed_hosts"),
        ("https://user:pw@nxtv.example/a", "user name or password"),
        ("https://nxtv.example:8443/a", "port 8443"),
        ("javascript:alert(1)", "only https"),
        ("", "empty link"),
        ("https://nxtv.example/a b", "spaces"),
    ],
)
def test_a_bad_link_is_never_returned(url: str, reason: str) -> None:
    link = builder().company("voltwerk", url)
    assert link.url is None
    assert link.problem is not None and reason in link.problem
    assert link.content == "voltwerk"


def test_a_bad_channel_or_result_page_gives_no_link() -> None:
    b = builder(channel_url="http://nxtv.example/", result_url="https://elders.example/r")
    assert b.channel().url is None
    result = b.result(ResultSummary(("lasser",)))
    assert result.url is None and "elders.example" in (result.problem or "")


def test_a_link_too_long_for_a_qr_code_is_refused() -> None:
    page = "https://nxtv.example/" + "a" * 100
    # page 121 chars + "?lang=nl" (8) + "&utm_source=kiosk&utm_medium=qr" (31)
    # + "&utm_campaign=open-dag-2026" (27) + "&utm_content=x" (14) = 201 characters.
    assert builder(max_chars=201).episode("x", page).ok
    too_long = builder(max_chars=200).episode("x", page)
    assert too_long.url is None and "201 characters" in (too_long.problem or "")


def test_result_link_matches_the_agreed_shape() -> None:
    summary = ResultSummary(
        jobs=("elektromonteur", "lasser", "mediavormgever"),
        extra="matroos",
        riasec="RC",
        domains=("energie", "bouw"),
    )
    link = builder().result(summary)
    assert link.url == (
        "https://nxtv.example/resultaat?jobs=elektromonteur,lasser,mediavormgever&extra=matroos"
        "&r=RC&d=energie,bouw&lang=nl&utm_source=kiosk&utm_medium=qr&utm_campaign=open-dag-2026"
        "&utm_content=result"
    )


def test_result_link_round_trips_and_holds_nothing_else() -> None:
    summary = ResultSummary(("cnc-programmeur", "ict-beheerder", "software-developer"),
                            "matroos", "CRI", ("metaal", "media"))
    url = builder().result(summary).url
    assert url is not None
    assert parse_result_link(url) == summary
    keys = [k for k, _ in query(url)]
    assert keys == ["jobs", "extra", "r", "d", "lang", "utm_source", "utm_medium",
                    "utm_campaign", "utm_content"]


def test_result_link_leaves_out_empty_parts() -> None:
    url = builder().result(ResultSummary(("lasser", "timmerman", "dakdekker"))).url
    assert url is not None
    assert [k for k, _ in query(url)] == ["jobs", "lang", *[k for k, _ in TAGS],
                                          "utm_campaign", "utm_content"]
    assert parse_result_link(url) == ResultSummary(("lasser", "timmerman", "dakdekker"))


@pytest.mark.parametrize(
    "summary, reason",
    [
        (ResultSummary(()), "no jobs"),
        (ResultSummary(("Lasser",)), "not a valid id"),
        (ResultSummary(("lasser", "lasser")), "twice"),
        (ResultSummary(("lasser",), extra="lasser"), "twice"),
        (ResultSummary(("lasser",), riasec="RX"), "RIASEC"),
        (ResultSummary(("lasser",), riasec="RR"), "RIASEC"),
        (ResultSummary(("lasser",), domains=("bouw", "bouw")), "twice"),
        (ResultSummary(("lasser",), domains=("bouw&x=1",)), "not a valid id"),
    ],
)
def test_a_bad_result_gives_no_link(summary: ResultSummary, reason: str) -> None:
    link = builder().result(summary)
    assert link.url is None and reason in (link.problem or "")


@pytest.mark.parametrize(
    "url",
    [
        "https://nxtv.example/resultaat?r=RC",
        "https://nxtv.example/resultaat?jobs=lasser&jobs=timmerman",
        "https://nxtv.example/resultaat?jobs=lasser&r=RZ",
        "https://nxtv.example/resultaat?jobs=Lasser%21",
    ],
)
def test_parse_rejects_a_bad_result_link(url: str) -> None:
    with pytest.raises(ValueError):
        parse_result_link(url)


def test_result_page_params_survive_and_are_ignored_by_parse() -> None:
    b = builder(result_url="https://nxtv.example/r?lang=nl&jobs=oud")
    url = b.result(ResultSummary(("lasser",))).url
    assert url == ("https://nxtv.example/r?jobs=lasser&lang=nl&utm_source=kiosk&utm_medium=qr"
                   "&utm_campaign=open-dag-2026&utm_content=result")
    assert parse_result_link(url) == ResultSummary(("lasser",))


JOB_IDS = ["timmerman", "tegelzetter-stukadoor", "elektromonteur", "servicemonteur-windturbines",
           "cnc-programmeur", "mediavormgever", "matroos", "scheepswerktuigkundige"]
DOMAINS = ["bouw", "energie", "installatie", "metaal", "voertuigen", "media", "maritiem"]


@given(
    jobs=st.lists(st.sampled_from(JOB_IDS), min_size=1, max_size=3, unique=True),
    riasec=st.permutations("RIASEC").map(lambda p: "".join(p)),
    n_letters=st.integers(0, 3),
    domains=st.lists(st.sampled_from(DOMAINS), max_size=3, unique=True),
    with_extra=st.booleans(),
)
def test_any_result_round_trips(
    jobs: list[str], riasec: str, n_letters: int, domains: list[str], with_extra: bool
) -> None:
    extra = next((j for j in JOB_IDS if j not in jobs), None) if with_extra else None
    summary = ResultSummary(tuple(jobs), extra, riasec[:n_letters], tuple(domains))
    link = builder().result(summary)
    assert link.url is not None, link.problem
    assert url_problem(link.url, HOSTS) is None
    assert parse_result_link(link.url) == summary


def test_for_pack_tags_the_event_the_kiosk_runs_then_the_pack_id() -> None:
    """Without an event id: the running event by the kiosk's own rule (dates first, then
    default_event), not default_event while the kiosk shows another event."""
    soon = datetime.date.today() + datetime.timedelta(days=3)
    events = {e: SimpleNamespace(id=e, date=d, dates=[])
              for e, d in [("kampen-2026", None), ("zwolle-2026", soon)]}
    pack = SimpleNamespace(id="bliq", channel_url="https://nxtv.example/",
                           result_url="https://nxtv.example/r", allowed_hosts=HOSTS,
                           default_event="kampen-2026", events=events)
    assert LinkBuilder.for_pack(pack, "kampen-2026", DEFAULT).event_id == "kampen-2026"
    assert LinkBuilder.for_pack(pack, None, DEFAULT).event_id == "zwolle-2026"  # the next one, by date
    del events["zwolle-2026"]
    assert LinkBuilder.for_pack(pack, None, DEFAULT).event_id == "kampen-2026"  # none dated: the default
    pack.events = {}
    assert LinkBuilder.for_pack(pack, None, DEFAULT).event_id == "bliq"


SITE_HOSTS = [*HOSTS, "bliq.example"]


def site_builder(**kw: object) -> LinkBuilder:
    return builder(site_url="https://bliq.example/", result_url="", allowed_hosts=SITE_HOSTS,
                   **kw)


def test_every_link_says_the_visitors_language_and_follows_a_change() -> None:
    b = site_builder(lang="en")
    links = [b.channel(), b.episode("ads-s1e1", "https://nxtv.example/a/ads-s1e1"),
             b.episode("ads-s1e1", "https://nxtv.example/a/ads-s1e1", share=True),
             b.company("voltwerk", "https://voltwerk.bedrijf.example/stage"),
             b.result(ResultSummary(("lasser",))), b.job("lasser"), b.companies(), b.parents()]
    assert [dict(query(link.url or ""))["lang"] for link in links] == ["en"] * len(links)
    b.set_language("nl")
    assert dict(query(b.channel().url or ""))["lang"] == "nl"
    b.set_language("de")  # a language the pages do not speak: Dutch
    assert dict(query(b.result(ResultSummary(("lasser",))).url or ""))["lang"] == "nl"


def test_with_a_site_the_result_share_and_site_pages_are_under_it() -> None:
    b = site_builder()
    assert (b.result(ResultSummary(("lasser",))).url or "").startswith(
        "https://bliq.example/resultaat/?jobs=lasser&lang=nl&")
    share = b.episode("ads-s1e1", "https://nxtv.example/a/ads-s1e1", share=True)
    assert (share.url or "").startswith("https://bliq.example/video/ads-s1e1/?lang=nl&")
    assert dict(query(share.url or ""))["utm_content"] == "ads-s1e1_share"
    watch = b.episode("ads-s1e1", "https://nxtv.example/a/ads-s1e1")
    assert (watch.url or "").startswith("https://nxtv.example/a/ads-s1e1?")  # NXtv plays it
    assert (b.job("lasser").url or "").startswith("https://bliq.example/beroep/lasser/?")
    assert (b.companies().url or "").startswith("https://bliq.example/bedrijven/?")
    assert (b.parents().url or "").startswith("https://bliq.example/ouders/?")


def test_without_a_site_there_are_no_site_pages_and_no_result_page() -> None:
    b = builder(result_url="")
    assert b.job("lasser").url is None and "site_url" in (b.job("lasser").problem or "")
    result = b.result(ResultSummary(("lasser",)))
    assert result.url is None and "site_url" in (result.problem or "")
    share = b.episode("ads-s1e1", "https://nxtv.example/a/ads-s1e1", share=True)
    assert (share.url or "").startswith("https://nxtv.example/a/ads-s1e1?")


def test_a_duo_result_carries_both_players_directions() -> None:
    summary = ResultSummary(("lasser", "timmerman", "matroos"), None, "RC", ("metaal",),
                            duo=True, riasec_b="SA", domains_b=("media", "bouw"))
    url = site_builder().result(summary).url
    assert url is not None
    q = dict(query(url))
    assert (q["r"], q["d"], q["duo"], q["r2"], q["d2"]) == ("RC", "metaal", "1", "SA",
                                                             "media,bouw")
    assert parse_result_link(url) == summary
    solo_with_b = ResultSummary(("lasser",), riasec_b="SA")
    assert "solo" in (site_builder().result(solo_with_b).problem or "")
    with pytest.raises(ValueError):
        parse_result_link("https://bliq.example/resultaat/?jobs=lasser&duo=2")
