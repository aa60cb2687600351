"""``kiosk site serve DIR``: a preview of the built pages for the organiser, on 127.0.0.1 only.

A plain ``http.server``: nobody else on the fair's network can reach it, and it serves only
the folder it was given.
"""
from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TextIO

HOST = "127.0.0.1"


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass  # the organiser's terminal stays readable

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = Path(str(self.directory)) / "404.html"
        if code == 404 and page.is_file():  # as the static hosts do
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def make_server(out_dir: Path | str, port: int = 0) -> ThreadingHTTPServer:
    """A server for ``out_dir`` on 127.0.0.1 (port 0: a free one, see ``server_address``)."""
    handler = functools.partial(_Handler, directory=str(Path(out_dir).resolve()))
    return ThreadingHTTPServer((HOST, port), handler)


def serve(out_dir: Path | str, port: int = 8000, out: TextIO | None = None) -> None:
    """Serve ``out_dir`` until Ctrl+C."""
    server = make_server(out_dir, port)
    real_port = server.server_address[1]
    if out is not None:
        out.write(f"Bekijk de pagina's / preview the pages: http://{HOST}:{real_port}/ "
                  "(Ctrl+C stopt / stops)\n")
        out.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
