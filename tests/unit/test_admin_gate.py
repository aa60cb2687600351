"""PIN gate: right PIN in, wrong PINs counted, lockout after five."""
from kiosk.config import Config
from kiosk.visit.pin_gate import PinGate
from kiosk.core.pin import hash_pin, verify_pin

CFG = Config().with_(admin_max_attempts=5, admin_lockout_s=60.0)
HASH = hash_pin("2468", iterations=1000)


def test_hash_is_salted_and_verifies():
    assert hash_pin("2468") != hash_pin("2468")
    assert verify_pin("2468", HASH) and not verify_pin("2469", HASH)


def test_right_pin_opens():
    assert PinGate(HASH, CFG).try_pin("2468", 0.0).accepted


def test_five_wrong_pins_lock_for_sixty_seconds():
    gate = PinGate(HASH, CFG)
    left = [gate.try_pin("0000", 0.0).attempts_left for _ in range(4)]
    assert left == [4, 3, 2, 1]
    fifth = gate.try_pin("0000", 1.0)
    assert not fifth.accepted and fifth.locked_for == 60.0
    assert not gate.try_pin("2468", 30.0).accepted  # even the right PIN waits
    assert gate.locked_for(30.0) == 31.0
    assert gate.try_pin("2468", 61.0).accepted


def test_missing_or_malformed_hash_never_opens():
    assert not PinGate(None, CFG).try_pin("", 0.0).accepted
    assert not PinGate("plain-text-pin", CFG).try_pin("plain-text-pin", 0.0).accepted
