"""Take-home pages: what a student sees after scanning a kiosk code, built from the same pack.

``build(pack_dir, out_dir, config, force=False) -> manifest`` writes the static pages (the CLI's
``kiosk site build`` and the studio call it); ``serve(out_dir)`` previews them on 127.0.0.1.
No Qt: pages, pictures (Pillow) and the preview server are plain Python.
"""
from __future__ import annotations

from kiosk.pack.site_pages import PACK_MANIFEST
from kiosk.site.build import MANIFEST, SiteError, build
from kiosk.site.serve import serve

__all__ = ["MANIFEST", "PACK_MANIFEST", "SiteError", "build", "serve"]
