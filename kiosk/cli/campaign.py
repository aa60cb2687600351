"""``kiosk keygen|pack build|trust|name|snapshot|merge|data-request``: the campaign's tools
(docs/campaign.md).

Every problem is one line on stderr naming the file, and exit code 1; never a traceback.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TextIO

from kiosk.config import Config


class ToolError(Exception):
    """One line for the person at the keyboard."""


def run_campaign_tool(args: argparse.Namespace, out: TextIO, config: Config) -> int:
    from kiosk.campaign.identity import KioskNameError
    from kiosk.pack.bliqpack import PackSigningError
    from kiosk.storage.snapshot import SnapshotError

    name = args.command if args.command != "pack" else "pack build"
    try:
        if args.command == "keygen":
            return _keygen(args, out)
        if args.command == "pack":
            return _pack_build(args, out, config)
        if args.command == "trust":
            return _trust(args, out)
        if args.command == "name":
            return _name(args, out, config)
        if args.command == "snapshot":
            return _snapshot(args, out, config)
        if args.command == "data-request":
            return _data_request(args, out, config)
        if args.command == "merge":
            from kiosk.insights.export import run_merge

            return run_merge(args.out, list(args.inputs), out, sys.stderr, config)
        raise ToolError(f"unknown command {args.command!r}")
    except (ToolError, PackSigningError, KioskNameError, SnapshotError) as e:
        print(f"kiosk {name}: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"kiosk {name}: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return 1


def _keygen(args: argparse.Namespace, out: TextIO) -> int:
    from kiosk.pack.bliqpack import generate_keys

    private, public = generate_keys(args.out)
    print(f"Private key (keep it secret, sign packs with it): {private}", file=out)
    print(f"Public key (give it to every kiosk: kiosk trust {public} --data DIR): {public}",
          file=out)
    return 0


def _pack_build(args: argparse.Namespace, out: TextIO, config: Config) -> int:
    from kiosk.pack.bliqpack import SUFFIX, build
    from kiosk.pack.check import collect

    if not args.out.name.endswith(SUFFIX):
        raise ToolError(f"{args.out}: the file name must end in {SUFFIX}")
    pack, problems, fatal = collect(args.pack, config, remember_titles=True)
    errors = [p for p in problems if p.severity == "error"]
    if pack is None or errors:
        first = errors[0] if errors else fatal
        raise ToolError(f"{args.pack}: 'kiosk check' finds {len(errors) or 1} error(s), first: "
                        f"{first}; fix them before building")
    if pack.version < 1:
        head = args.pack / "pack.toml"
        if _has_version_line(head):
            raise ToolError(f"{head}: field version: {pack.version}; a kiosk installs version 1 "
                            "and up: set 'version = 1' and raise it for every update")
        raise ToolError(f"{head}: field version: missing; add a line 'version = 1' and raise "
                        "it for every update")
    named = _version_in_name(args.out.name)
    if named is not None and named != pack.version:
        raise ToolError(f"{args.out}: the name says version {named} but "
                        f"{args.pack / 'pack.toml'} has version = {pack.version}; raise version "
                        f"to {named} (for an update), or name the file "
                        f"{_with_version(args.out.name, pack.version)}")
    manifest = build(args.pack, args.key, args.out, pack.id, pack.version)
    size = args.out.stat().st_size
    print(f"Wrote {args.out}: pack {pack.id} version {pack.version}, {len(manifest.files)} "
          f"files, {size / 2**20:.1f} MB, signed by key {manifest.key_id}", file=out)
    return 0


_NAMED_VERSION = re.compile(r"(?i)(?<=[-_ ])(v?)(\d+)(\.bliqpack)$")


def _version_in_name(name: str) -> int | None:
    """``mijnpakket-4.bliqpack`` → 4 (people read the number as the version); else None."""
    found = _NAMED_VERSION.search(name)
    return int(found.group(2)) if found else None


def _with_version(name: str, version: int) -> str:
    return _NAMED_VERSION.sub(lambda m: f"{m.group(1)}{version}{m.group(3)}", name)


def _has_version_line(head: Path) -> bool:
    import tomllib

    try:
        return "version" in tomllib.loads(head.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def _trust(args: argparse.Namespace, out: TextIO) -> int:
    from kiosk.pack.bliqpack import key_id, load_public, revoke, trust

    if args.revoke:
        gone = revoke(args.pubkey, args.data)
        kid = key_id(load_public(args.pubkey))
        print(f"Key {kid} {'no longer trusted' if gone else 'was not trusted'} in {args.data}",
              file=out)
        return 0
    stored = trust(args.pubkey, args.data)
    print(f"Trusted key {stored.stem} in {args.data}: packs signed with it will install", file=out)
    return 0


def _name(args: argparse.Namespace, out: TextIO, config: Config) -> int:
    from kiosk.campaign.identity import set_identity

    data = set_identity(args.data, args.name, args.region, config)
    region = f", region {data['region']}" if data["region"] else ""
    print(f"Kiosk in {args.data} is now called \"{data['name']}\"{region}", file=out)
    return 0


def _snapshot(args: argparse.Namespace, out: TextIO, config: Config) -> int:
    from kiosk.storage.snapshot import snapshot

    db = args.data / config.store.db_filename
    if not db.is_file():
        raise ToolError(f"{args.data} holds no {config.store.db_filename}; "
                        "give the kiosk's data dir")
    target = snapshot(db, args.out, config.store)
    print(f"Wrote {target} (a consistent copy; safe to merge while the kiosk runs)", file=out)
    return 0


def _data_request(args: argparse.Namespace, out: TextIO, config: Config) -> int:
    from kiosk.campaign.data_request import write_request

    if not args.stick.is_dir():
        raise ToolError(f"{args.stick}: not a folder; give the stick's folder (e.g. "
                        "/media/USER/STICK or E:\\)")
    target = write_request(args.stick, args.key, config=config.campaign)
    print(f"Wrote {target}: kiosks that trust this key copy their figures to this stick "
          f"for {config.campaign.data_request_days} days", file=out)
    return 0
