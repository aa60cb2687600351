"""Admin PIN hashing and checking (salted PBKDF2-SHA256, no Qt).

A hash reads ``pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>`` so event files can carry it.
"""
from __future__ import annotations

# hashlib, hmac and secrets are imported where a PIN is hashed or checked: the kiosk's first
# attract frame imports this module (through the admin PIN gate) but never checks a PIN, and
# hashlib loads OpenSSL's library (about 5 ms of CPU at start-up).

SCHEME = "pbkdf2_sha256"
ITERATIONS = 200_000


class PinHashError(ValueError):
    """The stored hash is not in the expected ``pbkdf2_sha256$iter$salt$hash`` form."""


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """Return a storable hash of ``pin`` with a fresh random salt."""
    import hashlib
    import secrets

    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return f"{SCHEME}${iterations}${salt.hex()}${digest.hex()}"


def parse_pin_hash(stored: str) -> tuple[int, bytes, bytes]:
    """Split a stored hash into (iterations, salt, digest); raise PinHashError when malformed."""
    parts = stored.split("$") if isinstance(stored, str) else []
    if len(parts) != 4 or parts[0] != SCHEME:
        raise PinHashError(f"expected '{SCHEME}$<iterations>$<salt hex>$<hash hex>'")
    try:
        iterations = int(parts[1])
        salt, digest = bytes.fromhex(parts[2]), bytes.fromhex(parts[3])
    except ValueError as exc:
        raise PinHashError(f"expected '{SCHEME}$<iterations>$<salt hex>$<hash hex>'") from exc
    if not 1_000 <= iterations <= 10_000_000 or len(salt) < 8 or len(digest) != 32:
        raise PinHashError("iterations 1000–10000000, salt ≥ 8 bytes, hash 32 bytes")
    return iterations, salt, digest


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches ``stored`` (constant-time compare)."""
    import hashlib
    import hmac

    iterations, salt, digest = parse_pin_hash(stored)
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(candidate, digest)
