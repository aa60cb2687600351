"""Every URL the kiosk shows is built and checked here (no Qt).

Only ``https`` links to hosts the pack allow-lists are ever shown.
"""
from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit


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
    if parts.scheme != "https":
        return f"link uses '{parts.scheme or 'no scheme'}', only https is allowed"
    if not parts.hostname:
        return "link has no host"
    if parts.username or parts.password:
        return "link contains a user name or password"
    if port not in (None, 443):
        return f"link uses port {port}"
    if not host_allowed(parts.hostname, allowed_hosts):
        return f"host '{parts.hostname}' is not in allowed_hosts"
    return None
