"""Settings, read once from the environment (and an optional `.env`)."""

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DURATION = re.compile(r"^(\d+(?:\.\d+)?)(ms|s|m|h|d)$")
SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_durations(text: str) -> list[float]:
    """`"5s,5m,2h"` -> seconds each; a ValueError (the settings' error) names a bad one."""
    seconds = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = DURATION.match(part)
        if match is None:
            raise ValueError(f"{part!r} is not a duration like 500ms, 5s, 5m, 2h or 1d")
        seconds.append(float(match[1]) * SECONDS[match[2]])
    return seconds


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = f"sqlite:///{PROJECT_ROOT / 'data' / 'practice-framework.db'}"
    host: str = "127.0.0.1"
    port: int = 8000
    # The address clients reach this API at (scheme, host, port, any path prefix; no trailing
    # slash). FHIR canonical URLs are built from it, never from a request's Host. By default
    # http://HOST:PORT, with 127.0.0.1 for a wildcard HOST.
    public_base_url: str = ""
    workers: int = 1
    # Slow clients (app/serve.py): deadlines for a request's headers and for its body, in
    # seconds, then 408; connections or requests in flight per worker, then 503 (0: no cap).
    header_timeout_seconds: float = 10.0
    body_timeout_seconds: float = 30.0
    limit_concurrency: int = 1000
    timeout_keep_alive: int = 5
    # Peers whose X-Forwarded-For / X-Forwarded-Proto are believed (a reverse proxy's address).
    forwarded_allow_ips: str = "127.0.0.1"
    admin_token: str | None = None
    # Signs pagination cursors; by default derived from ADMIN_TOKEN (the same on every worker).
    cursor_secret: str | None = None
    log_level: str = "info"
    # How long the logging thread lets lines gather before one write of them all (seconds):
    # the longer, the fewer writes and wake-ups; no line waits much longer. See app/core/logs.
    log_gather_seconds: float = 0.05
    # Comma-separated origins, or "*" for any (catalogue reads are public).
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["*"])
    # Comma-separated Host names this server answers (others get 400), or "*" for any: no
    # response is built from Host (redirects are relative), so "*" is safe behind a proxy.
    allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["*"])
    # Largest accepted request body; bigger bodies get 413.
    max_body_bytes: int = 256 * 1024
    # Requests per minute per API key (or per client IP when anonymous); 0 disables.
    rate_limit_per_minute: int = 600
    db_pool_size: int = 10
    # PostgreSQL, so a server that is down or frozen fails requests in seconds (docs/operations.md,
    # "Database faults"): opening a connection; a statement (the app also stops waiting 2 s
    # after it); waiting for a pooled connection.
    db_connect_timeout_seconds: int = 5
    db_statement_timeout_ms: int = 5000
    db_pool_timeout_seconds: float = 5.0
    # /readyz's own bound on its database checks, below a probe's timeout.
    ready_timeout_seconds: float = 2.0
    catalogue_max_age: int = 300
    # Rendered audit JSON kept per process (bytes; 0 turns the cache off). See audits/rendered.
    audit_cache_bytes: int = 16 * 1024 * 1024
    # PDFs (app/core/pdf.py) are made on request, in processes of their own: how many at once
    # per worker, how many more may wait for one, how long a request waits for its PDF in all
    # (seconds) before a 503 with Retry-After, and each process's address space (0: no cap).
    pdf_max_concurrent: int = 1
    pdf_max_waiting: int = 8
    pdf_timeout_seconds: float = 20.0
    pdf_max_memory_bytes: int = 2 * 1024**3
    # Where `python -m app.backup` (make backup) writes when given no path; copy them off-host.
    backup_dir: Path = PROJECT_ROOT / "data" / "backups"
    # Bearer token a scrape of /metrics must present; unset, /metrics is open (keep it off the
    # public interface then). Series and routes are no secret, but traffic patterns may be.
    metrics_token: str | None = None
    # The change feed keeps events this long; the app prunes older ones (GET /v1/events).
    event_retention_days: int = Field(90, ge=1)
    # Webhooks (app/webhooks): the wait before each retry of a failed delivery (then it is
    # given up), as durations like 5s, 5m, 2h, 1d; each wait is jittered by up to a fifth.
    webhook_retry_schedule: Annotated[list[float], NoDecode] = Field(
        default_factory=lambda: parse_durations("5s,5m,30m,2h,5h,10h,10h")
    )
    # A subscription whose every attempt has failed for this long is disabled, saying why.
    webhook_disable_after: Annotated[float, NoDecode] = 5 * 86400.0
    # Deliveries to loopback, private and link-local addresses, and over plain http to them:
    # for development and tests only. Cloud metadata addresses are refused even then.
    webhook_allow_private_networks: bool = False
    # One delivery attempt's time limit (resolve, connect, send, read the answer), seconds.
    webhook_timeout_seconds: float = Field(10.0, gt=0, le=60)
    # Run this worker's webhook deliverer (app/webhooks/deliverer.py). Off in the test suite,
    # where only the webhook tests serve an app with it.
    webhook_deliverer: bool = True
    seed_dir: Path = PROJECT_ROOT / "seed"
    sources_dir: Path = PROJECT_ROOT.parent / "shared" / "seeds"

    @field_validator("public_base_url")
    @classmethod
    def _absolute_http_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if value and (parts.scheme not in ("http", "https") or not parts.netloc):
            raise ValueError("PUBLIC_BASE_URL must be an absolute http(s) URL")
        if parts.query or parts.fragment:
            raise ValueError("PUBLIC_BASE_URL takes no query or fragment")
        return value.rstrip("/")

    @model_validator(mode="after")
    def _default_public_base_url(self) -> "Settings":
        if not self.public_base_url:
            host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
            host = f"[{host}]" if ":" in host else host
            self.public_base_url = f"http://{host}:{self.port}"
        return self

    @field_validator("webhook_retry_schedule", mode="before")
    @classmethod
    def _schedule(cls, value: object) -> object:
        return parse_durations(value) if isinstance(value, str) else value

    @field_validator("webhook_disable_after", mode="before")
    @classmethod
    def _duration(cls, value: object) -> object:
        return parse_durations(value)[0] if isinstance(value, str) else value

    @field_validator("cors_origins", "allowed_hosts", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
