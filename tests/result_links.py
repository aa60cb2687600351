"""Read a take-home result link back (the inverse of ``kiosk.core.links.result_params``): the
tests decode the QR codes the screens show and check the result they carry. The kiosk never
reads its own links; the take-home pages read them in the browser."""
from __future__ import annotations

from urllib.parse import unquote_plus, urlsplit

from kiosk.core.links import RESULT_KEYS, ResultSummary, summary_problem


def parse_result_link(url: str) -> ResultSummary:
    """Read a result link back. Raises ValueError when it is not a valid result link.

    Params other than the result keys (campaign tags, the page's own) are ignored here.
    """
    values: dict[str, str] = {}
    for piece in urlsplit(url).query.split("&"):
        if not piece:
            continue
        key, _, value = piece.partition("=")
        key = unquote_plus(key)
        if key not in RESULT_KEYS:
            continue
        if key in values:
            raise ValueError(f"result link has '{key}' twice")
        values[key] = unquote_plus(value)
    if "jobs" not in values:
        raise ValueError("result link has no 'jobs'")
    if values.get("duo", "1") != "1":
        raise ValueError("result link has 'duo' other than 1")
    summary = ResultSummary(
        jobs=tuple(values["jobs"].split(",")),
        extra=values.get("extra"),
        riasec=values.get("r", ""),
        domains=tuple(values["d"].split(",")) if values.get("d") else (),
        duo="duo" in values,
        riasec_b=values.get("r2", ""),
        domains_b=tuple(values["d2"].split(",")) if values.get("d2") else (),
    )
    problem = summary_problem(summary)
    if problem is not None:
        raise ValueError(problem)
    return summary
