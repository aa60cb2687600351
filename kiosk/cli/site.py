"""``kiosk site build|serve``: one line per outcome, exit 1 with what to do on a mistake."""
from __future__ import annotations

import argparse
import sys
from typing import TextIO

from kiosk.config import Config

from kiosk.site.build import SiteError, build
from kiosk.site.serve import serve


def run_site(args: argparse.Namespace, out: TextIO, config: Config) -> int:
    if args.site_command == "build":
        try:
            manifest = build(args.pack, args.out, config, force=args.force)
        except SiteError as exc:
            print(f"kiosk site build: {exc}", file=sys.stderr)
            return 1
        size = sum((args.out / f).stat().st_size for f in manifest["files"])
        print(f"{len(manifest['pages'])} pagina's / pages, {len(manifest['files'])} files "
              f"({size / 1e6:.1f} MB) in {args.out}. Zet de inhoud op / upload its contents to "
              f"{manifest['site_url']} (docs/take-home.md); bekijk ze eerst / preview them "
              f"first: kiosk site serve {args.out}", file=out)
        if "warning" in manifest:
            print(f"let op/warning: {manifest['warning']}", file=out)
        return 0
    if not (args.dir / "index.html").is_file():
        print(f"kiosk site serve: {args.dir} holds no built pages (no index.html); make them "
              "with: kiosk site build PACK --out DIR", file=sys.stderr)
        return 1
    if not 0 <= args.port <= 65535:
        print(f"kiosk site serve: port {args.port} is not 0–65535", file=sys.stderr)
        return 1
    try:
        serve(args.dir, args.port, out)
    except OSError as exc:
        print(f"kiosk site serve: cannot listen on 127.0.0.1:{args.port} ({exc.strerror}); "
              "try another --port", file=sys.stderr)
        return 1
    return 0
