"""Server-generated ids."""

import os
import time
import uuid


def time_ordered_uuid() -> str:
    """A UUID in the version 7 layout (48-bit millisecond time, then random), so ids sort by
    creation time and keyset pagination by id lists newest first."""
    millis = time.time_ns() // 1_000_000
    raw = bytearray(millis.to_bytes(6, "big") + os.urandom(10))
    raw[6] = (raw[6] & 0x0F) | 0x70
    raw[8] = (raw[8] & 0x3F) | 0x80
    return str(uuid.UUID(bytes=bytes(raw)))
