"""Standard Webhooks signatures (https://www.standardwebhooks.com/): `webhook-id`,
`webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`,
keyed by the secret's base64 bytes after `whsec_`. Receivers verify with any Standard Webhooks
library; the tests use the `standardwebhooks` package, never this module."""

import base64
import hashlib
import hmac
import secrets

PREFIX = "whsec_"


def new_secret() -> str:
    return PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix(PREFIX))
    signed = f"{message_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def headers(keys: list[str], message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """The three headers, signed with each of `keys` (two while a rotated secret lives on)."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(signature(k, message_id, timestamp, body) for k in keys),
    }
