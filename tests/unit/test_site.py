"""`kiosk site build`: the take-home pages from a pack, the manifest, bad input (no browser)."""
from __future__ import annotations

import io
import json
import re
import shutil
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from PIL import Image

from kiosk.config import DEFAULT
from kiosk.cli import run_tool
from kiosk.pack.check import run_check
from kiosk.pack.loader import load_pack
from kiosk.core.links import RESULT_PAGE, host_allowed
from kiosk.pack.site_pages import PACK_MANIFEST, page_of, site_codes
from kiosk.site import SiteError, build
from kiosk.site.serve import make_server
from tests.packs.broken_cases import BASE

SAMPLE = Path(__file__).resolve().parents[2] / "episodes"


@pytest.fixture(scope="module")
def pack_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample pack: the build leaves its manifest in the pack."""
    pack = tmp_path_factory.mktemp("pack") / "p"
    shutil.copytree(SAMPLE, pack, ignore=shutil.ignore_patterns(PACK_MANIFEST))
    # every sample job has its own picture; one without shows the designed placeholder
    jobs = pack / "jobs.toml"
    jobs.write_text(jobs.read_text(encoding="utf-8").replace(
        'image = "images/jobs/dakdekker.png"\n', ""), encoding="utf-8")
    return pack


@pytest.fixture(scope="module")
def built(pack_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("site") / "out"
    return out, build(pack_copy, out, DEFAULT)


def html(out: Path, page: str) -> str:
    return (out / page / "index.html").read_text(encoding="utf-8")


def test_every_job_episode_and_fixed_page_is_built_and_listed(pack_copy, built) -> None:
    out, manifest = built
    pack = load_pack(pack_copy, DEFAULT)
    expected = {"", "resultaat/", "bedrijven/", "ouders/"}
    expected |= {f"beroep/{j}/" for j in pack.jobs} | {f"video/{e}/" for e in pack.episodes}
    assert set(manifest["pages"]) == expected
    assert manifest["site_url"] == pack.site_url == "https://bliq.example/"
    for rel in manifest["files"]:
        assert (out / rel).is_file(), rel
    for page in manifest["pages"]:
        assert f"{page}index.html" in manifest["files"]
    assert json.loads((out / "manifest.json").read_text()) == manifest
    assert json.loads((pack_copy / PACK_MANIFEST).read_text()) == manifest


def test_every_code_opens_a_built_page_or_an_allowed_external_host(pack_copy, built) -> None:
    _out, manifest = built
    pack = load_pack(pack_copy, DEFAULT)
    pages = set(manifest["pages"])
    kinds = set()
    for what, url in site_codes(pack, DEFAULT):
        assert url, what
        assert "lang=nl" in url
        page = page_of(url, pack.site_url)
        if page is None:
            host = url.split("/")[2]
            assert host_allowed(host, pack.allowed_hosts) and "bliq.example" not in host, url
            kinds.add("external")
        else:
            assert page in pages, (what, url)
            kinds.add(page.split("/")[0])
    assert {"external", "resultaat", "video"} <= kinds


def test_job_page_has_route_words_role_model_and_companies(built) -> None:
    out, _ = built
    page = html(out, "beroep/elektromonteur")
    assert "<h1><span class=\"nl\" lang=\"nl\">Elektromonteur</span>" in page
    assert "Produceren, installeren en energie" in page          # PIE explained
    assert "https://nxtv.example/aflevering/ads-s1e1" in page       # the role model on NXtv
    assert "Sanne (19)" in page
    assert "https://voltwerk.bedrijf.example/stage" in page         # a company offering it
    assert '<meta property="og:image" content="https://bliq.example/og/j/elektromonteur.jpg">' \
        in page


def test_a_job_page_shows_the_role_models_face_else_the_jobs_own_picture(built) -> None:
    out, _ = built
    with_role_model = html(out, "beroep/elektromonteur")            # Sanne's episode ads-s1e1
    assert 'img src="../../img/e/ads-s1e1.jpg"' in with_role_model
    assert "img/j/elektromonteur.jpg" not in with_role_model
    own = html(out, "beroep/schilder")                               # no episode, own picture
    assert 'img src="../../img/j/schilder.jpg"' in own
    with Image.open(out / "img" / "j" / "schilder.jpg") as picture:
        assert picture.format == "JPEG"


def test_a_job_without_any_picture_gets_the_designed_placeholder(pack_copy, built) -> None:
    out, _ = built
    pack = load_pack(pack_copy, DEFAULT)
    bare = next(j for j in pack.jobs.values() if j.image is None and not j.episodes)
    page = html(out, f"beroep/{bare.id}")
    hero = re.search(r'<span class="hero"[^>]*>(.*?)</span>', page)
    assert hero is not None and hero.group(1) == bare.title.nl[0]   # the letter, no <img>
    with Image.open(out / "og" / "j" / f"{bare.id}.jpg") as card:
        assert card.size == (1200, 630)


def test_every_open_graph_image_exists_at_the_right_size(built) -> None:
    out, manifest = built
    named = 0
    for page in manifest["pages"]:
        for url in re.findall(r'property="og:image" content="([^"]+)"', html(out, page)):
            rel = url.removeprefix(manifest["site_url"])
            with Image.open(out / rel) as image:
                assert image.size == (1200, 630) and image.format == "JPEG"
            named += 1
    assert named == sum(p.startswith(("beroep/", "video/")) for p in manifest["pages"])


def test_result_page_is_light_and_lists_every_job_without_script(pack_copy, built) -> None:
    out, _ = built
    page = html(out, "resultaat")
    assert len(page.encode()) < 150_000  # CSS and script are in the page
    for job in load_pack(pack_copy, DEFAULT).jobs.values():
        assert f'href="../beroep/{job.id}/"' in page  # readable list with links, no script
    # nothing from another host: every src/href to load is relative
    for ref in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert not ref.startswith(("http:", "https:", "//")), ref


def test_a_pack_without_site_url_says_what_to_add(tmp_path: Path) -> None:
    with pytest.raises(SiteError, match="site_url is missing; add"):
        build(BASE, tmp_path / "out", DEFAULT)
    assert not (tmp_path / "out").exists()
    err = io.StringIO()
    assert run_tool(["site", "build", str(BASE), "--out", str(tmp_path / "o2")], err) == 1


def small_pack(tmp_path: Path) -> Path:
    """The tests' tiny pack with a site: quick to build."""
    pack = tmp_path / "small"
    shutil.copytree(BASE, pack)
    with (pack / "pack.toml").open("a", encoding="utf-8") as f:
        f.write('site_url = "https://nxtv.example/meenemen/"\n')
    return pack


def test_a_folder_with_other_files_is_refused_unless_forced(tmp_path) -> None:
    pack_copy = small_pack(tmp_path)
    out = tmp_path / "web"
    out.mkdir()
    (out / "keep.txt").write_text("van de campagne")
    (out / "index.html").write_text("de oude startpagina")
    with pytest.raises(SiteError, match=r"holds other files \(index.html, keep.txt\).*--force"):
        build(pack_copy, out, DEFAULT, record=False)
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "keep.txt"]
    build(pack_copy, out, DEFAULT, force=True, record=False)
    assert (out / "keep.txt").read_text() == "van de campagne"   # nothing deleted
    assert "BLIQ" in (out / "index.html").read_text()
    (out / "keep.txt").unlink()
    (out / "index.html").unlink()
    build(pack_copy, out, DEFAULT, record=False)  # its own earlier build is not "other files"


def test_check_reports_a_code_whose_page_the_site_lacks(pack_copy, built, tmp_path) -> None:
    pack = tmp_path / "p"
    shutil.copytree(pack_copy, pack)
    out = io.StringIO()
    assert run_check(pack, False, out, DEFAULT) == 0
    assert "site" not in out.getvalue().split("OK:")[0]   # all codes have their page
    manifest = json.loads((pack / PACK_MANIFEST).read_text())
    manifest["pages"].remove("video/ads-s1e1/")          # a site built before that episode
    manifest["files"].remove("video/ads-s1e1/index.html")
    (pack / PACK_MANIFEST).write_text(json.dumps(manifest))
    out = io.StringIO()
    assert run_check(pack, True, out, DEFAULT) == 0                # a warning: the pack itself is fine
    problems = json.loads(out.getvalue())["problems"]
    assert [(p["severity"], p["message"]) for p in problems] == [(
        "warning", "the share code of episode ads-s1e1 opens video/ads-s1e1/, a page the "
        "built site does not have")]
    (pack / PACK_MANIFEST).unlink()
    out = io.StringIO()
    run_check(pack, False, out, DEFAULT)
    assert "no take-home pages built for https://bliq.example/ yet" in out.getvalue()


def test_page_of_knows_what_is_under_the_site() -> None:
    site = "https://bliq.example/campagne/"
    assert page_of("https://bliq.example/campagne/resultaat/?jobs=a", site) == RESULT_PAGE
    assert page_of("https://BLIQ.example/campagne/", site) == ""
    assert page_of("https://bliq.example/elders/", site) is None
    assert page_of("https://nxtv.example/campagne/x", site) is None


def test_the_preview_serves_the_pages_on_localhost_only(built) -> None:
    out, _ = built
    server = make_server(out, 0)
    host, port = server.server_address[:2]
    assert host == "127.0.0.1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/resultaat/?lang=en") as answer:
            assert answer.status == 200 and b'id="all"' in answer.read()
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"http://{host}:{port}/beroep/bestaat-niet/")
        assert missing.value.code == 404 and b"niet (meer)" in missing.value.read()
    finally:
        server.shutdown()
        server.server_close()


def test_a_new_pack_builds_its_pages_out_of_the_box(tmp_path: Path) -> None:
    from kiosk.pack.new_pack import write_new_pack

    write_new_pack(tmp_path / "nieuw", DEFAULT)
    manifest = build(tmp_path / "nieuw", tmp_path / "web", DEFAULT)
    assert manifest["site_url"] == "https://bliq.example/"
    assert "resultaat/" in manifest["pages"]
