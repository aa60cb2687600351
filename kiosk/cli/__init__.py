"""Command line: ``kiosk [run options]`` starts the kiosk; subcommands are tools for organisers.

Every mistake on the command line gets one line saying what is wrong and what to do.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

if TYPE_CHECKING:
    from kiosk.config import Config
    from kiosk.insights.report import Request

SUBCOMMANDS = ("run", "check", "preflight", "new-pack", "hash-pin", "stats", "export", "merge",
               "report", "add-videos", "make-thumbnails", "keygen", "pack", "trust", "name",
               "snapshot", "studio", "site", "data-request")
CAMPAIGN_COMMANDS = ("keygen", "pack", "trust", "name", "snapshot", "merge", "data-request")


class UsageError(Exception):
    """A command-line mistake; the message is one line for the person at the keyboard."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises one clear line instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        if message.startswith("unrecognized arguments"):
            message = message.replace("unrecognized arguments", "unknown option(s)")
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080") from None
    if not (200 <= w <= 10000 and 200 <= h <= 10000):
        raise argparse.ArgumentTypeError(f"'{text}': width and height must be 200–10000")
    return w, h


def _every(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 1 <= value <= 4:
        raise argparse.ArgumentTypeError(f"'{text}': use 1 (every frame) to 4")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not 1 <= value <= 24 * 3600:
        raise argparse.ArgumentTypeError(f"'{text}': use 1 to 86400 seconds")
    return value


def _season(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 1000:
        raise argparse.ArgumentTypeError(f"'{text}' is not a season number (1–1000)")
    return int(text)


class _RunParser(_Parser):
    """The kiosk's own options; the tools are listed under them only when help is shown (the
    list is read from the tools' parsers, which every start would otherwise build first)."""

    def format_help(self) -> str:
        self.epilog = _tools_list()
        return super().format_help()


def run_parser() -> argparse.ArgumentParser:
    """Options of the kiosk itself (docs/design.md §7); the tools are listed below them."""
    p = _RunParser(prog="kiosk", description="BLIQ Kiosk: start the touchscreen kiosk.",
                   formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--content", type=Path, metavar="DIR",
                   help="content pack (default: the sample pack)")
    p.add_argument("--data", type=Path, metavar="DIR", help="where the database and log go")
    p.add_argument("--event", metavar="ID", help="event id from the pack's events/ folder")
    p.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    p.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1080x1920")
    p.add_argument("--lang", choices=("nl", "en"), help="start language (default nl)")
    p.add_argument("--idle-timeout", type=_seconds, metavar="S",
                   help="seconds before 'Ben je er nog?'")
    p.add_argument("--inbox", type=Path, metavar="DIR",
                   help="folder watched for signed .bliqpack updates (default: <data>/inbox)")
    p.add_argument("--render", choices=("lean", "full", "auto"),
                   help="lean drops costly effects (for PCs without graphics hardware); "
                        "auto (default) chooses lean on a software renderer")
    p.add_argument("--attract-every", type=_every, metavar="N",
                   help="lean mode: the attract loop shows every N-th video frame (default 1: "
                        "all of them; 2 for a very weak PC)")
    p.add_argument("--quit-after-start", action="store_true",
                   help="quit with exit code 0 once the first attract frame is on screen "
                        "(checks an installation)")
    return p


# Run by the kiosk itself, not by a person: left out of ``kiosk --help``.
INTERNAL_COMMANDS = ("make-thumbnails",)


def _tools_list() -> str:
    """One line per tool for ``kiosk --help``, read from the tools' own parsers."""
    sub = next(a for a in tools_parser()._actions
               if isinstance(a, argparse._SubParsersAction))
    tools = [(c.dest, c.help or "") for c in sub._choices_actions
             if c.dest not in INTERNAL_COMMANDS]
    tools.append(("supervise", "run the kiosk (same options) under the watchdog"))
    width = max(len(name) for name, _ in tools)
    lines = [f"  kiosk {name:<{width}}  {text}" for name, text in tools]
    return "tools (each has its own --help, e.g. 'kiosk check --help'):\n" + "\n".join(lines)


def tools_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="kiosk", description="BLIQ Kiosk tools.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="validate a content pack (no Qt needed)")
    c.add_argument("pack", type=Path)
    c.add_argument("--json", action="store_true")
    c.add_argument("--strict", action="store_true",
                   help="placeholder content (.example links, demo PIN) is an error too")
    f = sub.add_parser("preflight", help="check a pack on this machine: decode clips, QR codes")
    f.add_argument("pack", type=Path)
    f.add_argument("--event", metavar="ID")
    f.add_argument("--data", type=Path, metavar="DIR",
                   help="data dir to check (default: the kiosk's own)")
    f.add_argument("--json", action="store_true")
    f.add_argument("--strict", action="store_true",
                   help="placeholder content (.example links, demo PIN) is an error too")
    f.add_argument("--json-lines", action="store_true",
                   help="one JSON line per check as it is done (for programs reading along)")
    n = sub.add_parser("new-pack", help="write a minimal valid pack to start from")
    n.add_argument("dir", type=Path)
    h = sub.add_parser("hash-pin", help="print an admin_pin_hash for an event file")
    h.add_argument("pin")
    s = sub.add_parser("stats", help="print the campaign figures from a data dir")
    s.add_argument("--data", type=Path, required=True, metavar="DIR")
    s.add_argument("--content", type=Path, metavar="PACK",
                   help="pack for titles and job domains (default: the sample pack)")
    s.add_argument("--event", metavar="ID")
    s.add_argument("--day", metavar="YYYY-MM-DD")
    s.add_argument("--json", action="store_true")
    e = sub.add_parser("export", help="write CSV files of the events and a summary")
    e.add_argument("--data", type=Path, required=True, metavar="DIR")
    e.add_argument("--out", type=Path, required=True, metavar="DIR")
    e.add_argument("--content", type=Path, metavar="PACK",
                   help="pack for titles and job domains (default: the sample pack)")
    a = sub.add_parser("add-videos", help="add your own clips to a pack (copies, thumbnails, "
                       "an episode each)")
    a.add_argument("pack", type=Path)
    a.add_argument("paths", type=Path, nargs="+", metavar="PATH", help="a clip or a folder")
    a.add_argument("--series", metavar="ID", help="series id (default: the folder's name)")
    a.add_argument("--season", type=_season, metavar="N", help="season (default: the last)")
    a.add_argument("--convert", action="store_true",
                   help="convert clips the kiosk cannot play (needs ffmpeg)")
    a.add_argument("--progress", action="store_true",
                   help="also print '%% FILE PERCENT' lines as each clip goes (for BLIQ Studio)")
    t = sub.add_parser("make-thumbnails", help="(used by the kiosk itself) stills for clips")
    t.add_argument("pairs", nargs="+", metavar="VIDEO JPEG")
    m = sub.add_parser("merge", help="combine the databases of several kiosks")
    m.add_argument("out", type=Path)
    m.add_argument("inputs", type=Path, nargs="+", help="database files or folders (recursive)")
    r = sub.add_parser("report", help="one HTML file with the campaign's figures as charts")
    r.add_argument("inputs", type=Path, nargs="+", metavar="DB_OR_DIR",
                   help="kiosk.db files, data dirs or folders of snapshots")
    r.add_argument("--out", type=Path, required=True, metavar="FILE.html")
    r.add_argument("--event", metavar="ID", help="only this event")
    r.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day")
    r.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day")
    r.add_argument("--lang", choices=("nl", "en"), default="nl")
    r.add_argument("--content", type=Path, metavar="PACK",
                   help="pack for titles (default: the sample pack)")
    st = sub.add_parser("studio", help="BLIQ Studio: prepare your own event in a window")
    st.add_argument("pack", type=Path, nargs="?",
                    help="your copy of the pack (a campaign .bliqpack asks where to copy it)")
    st.add_argument("--lang", choices=("nl", "en"), default="nl")
    st.add_argument("--quit-after-start", action="store_true",
                    help="quit with exit code 0 once the window is shown (installation checks)")
    _campaign_parsers(sub)
    _site_parsers(sub)
    return p


def _site_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Take-home pages from the pack (docs/take-home.md)."""
    st = sub.add_parser("site", help="the take-home pages behind the kiosk's codes")
    st_sub = st.add_subparsers(dest="site_command", required=True, parser_class=_Parser)
    b = st_sub.add_parser("build", help="write the pages for the pack's site_url into DIR")
    b.add_argument("pack", type=Path)
    b.add_argument("--out", type=Path, required=True, metavar="DIR")
    b.add_argument("--force", action="store_true",
                   help="write into a folder that holds other files (nothing is deleted)")
    v = st_sub.add_parser("serve", help="preview built pages on http://127.0.0.1")
    v.add_argument("dir", type=Path, metavar="DIR")
    v.add_argument("--port", type=int, default=8000)


def _campaign_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Signed pack updates, kiosk names and snapshots (docs/campaign.md)."""
    k = sub.add_parser("keygen", help="make an Ed25519 key pair for signing packs")
    k.add_argument("--out", type=Path, required=True, metavar="DIR")
    pk = sub.add_parser("pack", help="build a signed .bliqpack archive of a pack")
    pk_sub = pk.add_subparsers(dest="pack_command", required=True, parser_class=_Parser)
    b = pk_sub.add_parser("build", help="check, sign and write one .bliqpack file")
    b.add_argument("pack", type=Path)
    b.add_argument("--key", type=Path, required=True, metavar="KEY")
    b.add_argument("--out", type=Path, required=True, metavar="FILE.bliqpack")
    t = sub.add_parser("trust", help="let this kiosk install packs signed by a public key")
    t.add_argument("pubkey", type=Path)
    t.add_argument("--data", type=Path, required=True, metavar="DIR")
    t.add_argument("--revoke", action="store_true", help="stop trusting the key")
    nm = sub.add_parser("name", help="give this kiosk a name (and region) for merged figures")
    nm.add_argument("name")
    nm.add_argument("--region", metavar="R")
    nm.add_argument("--data", type=Path, required=True, metavar="DIR")
    sn = sub.add_parser("snapshot", help="write a consistent copy of a kiosk's database")
    sn.add_argument("--data", type=Path, required=True, metavar="DIR")
    sn.add_argument("--out", type=Path, required=True, metavar="DIR")
    dr = sub.add_parser("data-request", help="let a stick fetch the kiosks' figures (a request "
                        "signed with a key the kiosks trust)")
    dr.add_argument("stick", type=Path, help="the stick's folder (its root)")
    dr.add_argument("--key", type=Path, required=True, metavar="KEY")


def parse_run_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse kiosk options; raises UsageError with one clear line."""
    args = list(argv)
    if args and args[0] == "run":
        args = args[1:]
    return run_parser().parse_args(args)


def run_tool(argv: Sequence[str], out: TextIO = sys.stdout) -> int:
    """Run a tools subcommand and return its exit code.

    The tools' composition root: the one place their ``Config`` comes from."""
    from kiosk.config import DEFAULT as config

    args = tools_parser().parse_args(list(argv))
    if args.command == "check":
        from kiosk.pack.check import run_check

        return run_check(args.pack, args.json, out, config, strict=args.strict)
    if args.command == "preflight":
        from kiosk.media.preflight import run_preflight
        from kiosk.paths import default_data_dir

        return run_preflight(args.pack, args.event, args.json, out, config,
                             data_dir=args.data or default_data_dir(), strict=args.strict,
                             json_lines=args.json_lines)
    if args.command == "new-pack":
        from kiosk.pack.new_pack import NewPackError, write_new_pack

        try:
            write_new_pack(args.dir, config)
        except NewPackError as exc:
            print(f"kiosk new-pack: {exc}", file=sys.stderr)
            return 1
        print(f"Wrote a new pack to {args.dir}; check it with: kiosk check {args.dir}", file=out)
        return 0
    if args.command == "add-videos":
        from kiosk.media.add_videos import run_add_videos

        return run_add_videos(args.pack, args.paths, args.series, args.season, args.convert,
                              out, config, progress=args.progress)
    if args.command == "make-thumbnails":
        from kiosk.media.thumbcache import run_make_thumbnails

        return run_make_thumbnails(args.pairs, out, config)
    if args.command == "hash-pin":
        from kiosk.core.pin import hash_pin

        if not (args.pin.isdigit() and 4 <= len(args.pin) <= 12):
            raise UsageError("a PIN is 4 to 12 digits")
        print(f'admin_pin_hash = "{hash_pin(args.pin)}"', file=out)
        return 0
    if args.command == "studio":
        from kiosk.studio import main as studio_main

        return studio_main(([str(args.pack)] if args.pack else []) + ["--lang", args.lang]
                           + (["--quit-after-start"] if args.quit_after_start else []))
    if args.command == "site":
        from kiosk.cli.site import run_site

        return run_site(args, out, config)
    if args.command in CAMPAIGN_COMMANDS:
        from kiosk.cli.campaign import run_campaign_tool

        return run_campaign_tool(args, out, config)
    return run_insights(args, out, config)


def insights_request(args: argparse.Namespace) -> Request:
    """The command line of ``stats``, ``export`` or ``report`` as the figures' own request."""
    from kiosk.insights.report import Request

    def path(name: str) -> Path | None:
        value = getattr(args, name, None)
        return Path(value) if value is not None else None

    return Request(command=args.command, data=path("data") or Path(),
                   inputs=tuple(Path(p) for p in getattr(args, "inputs", None) or ()),
                   out=path("out") or Path(), event=getattr(args, "event", None),
                   day=getattr(args, "day", None), date_from=getattr(args, "date_from", None),
                   date_to=getattr(args, "date_to", None), content=path("content"),
                   lang=getattr(args, "lang", None) or "nl",
                   json=bool(getattr(args, "json", False)))


def run_insights(args: argparse.Namespace, out: TextIO, config: Config) -> int:
    from kiosk.insights import report  # stats / export / report

    return report.run(insights_request(args), out, config)


def is_tool(argv: Sequence[str]) -> bool:
    return bool(argv) and argv[0] in SUBCOMMANDS and argv[0] != "run"
