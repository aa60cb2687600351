"""The pack the kiosk starts with is read with the kiosk's own limits, as every later pack is
(it was read with the defaults, so a stricter or looser config only held after an update)."""
from __future__ import annotations

from kiosk.config import Config
from kiosk.core.taxonomy import deck_counts

LIMITS = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False)


def test_the_start_up_pack_follows_the_kiosks_deck_limits(make_kiosk, qtbot) -> None:
    usual = make_kiosk(config=LIMITS)
    assert not [p for p in usual.pack.problems if p.file == "cards.toml"]
    assert "game" in usual.controller.sections
    per_type, _ = deck_counts(usual.pack.cards)
    fewest = min(per_type.values())
    strict = make_kiosk(config=LIMITS.with_(deck_min_per_type=fewest + 1))
    shortfalls = [p.message for p in strict.pack.problems if p.file == "cards.toml"]
    assert shortfalls and all(f"only {fewest} card(s) of type" in m for m in shortfalls)
    assert len(shortfalls) == sum(n == fewest for n in per_type.values())
    assert "game" not in strict.controller.sections
