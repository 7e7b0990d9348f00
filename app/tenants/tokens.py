"""API tokens: `pfa_<prefix>_<secret>`, shown once, stored as SHA-256, compared in constant time."""

import hashlib
import hmac
import re
import secrets

TOKEN_PATTERN = re.compile(r"^pfa_([0-9a-f]{12})_[A-Za-z0-9_-]{20,100}$")
# Compared against when no key has the prefix, so a miss costs the same as a wrong secret.
_DUMMY_HASH = hashlib.sha256(b"no such key").hexdigest()


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh (token, prefix)."""
    prefix = secrets.token_hex(6)
    return f"pfa_{prefix}_{secrets.token_urlsafe(32)}", prefix


def prefix_of(token: str) -> str | None:
    match = TOKEN_PATTERN.match(token)
    return match.group(1) if match else None


def token_matches(token: str, stored_hash: str | None) -> bool:
    return hmac.compare_digest(hash_token(token), stored_hash or _DUMMY_HASH) and bool(stored_hash)


def operator_token_matches(token: str, admin_token: str | None) -> bool:
    if not admin_token:
        return False
    return hmac.compare_digest(token.encode(), admin_token.encode())
