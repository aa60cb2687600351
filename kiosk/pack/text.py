"""A pack's two-language text in its plainest form: Dutch, and English when the pack has it.

One class for the readers that skip pydantic (attract's first frame, ``kiosk.pack.head``; the
figures' remembered titles, ``kiosk.pack.titles``) and one rule for which language is shown,
which ``models.Text`` answers with too."""
from __future__ import annotations

from kiosk.records import record


def in_language(nl: str, en: str | None, lang: str) -> str:
    """A pack text in ``lang``; Dutch when that translation is missing (``models.Text.get``
    and :class:`PackText` both answer with this)."""
    value = en if lang == "en" else nl if lang == "nl" else None
    return value if isinstance(value, str) and value else nl


@record(frozen=True)
class PackText:
    """A visitor-facing text as read from the TOML (Dutch and optional English)."""

    nl: str
    en: str | None = None

    def get(self, lang: str) -> str:
        return in_language(self.nl, self.en, lang)
