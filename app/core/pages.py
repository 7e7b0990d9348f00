"""Printable pages: HTML rendered on the server with Jinja2, every value escaped (autoescape
on, for every template), styled by the GOV.UK Frontend's compiled CSS (vendored with its
licence in page_assets/, scripts/vendor_govuk_frontend.py) and this API's print stylesheet.
The stylesheets are files served from /page-assets, as the docs' assets are: no CDN, no inline
script or style, so the API's Content-Security-Policy holds on every page (docs/security.md).
A domain keeps its own templates and extends `layout.html`."""

from datetime import datetime
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined

ASSETS = Path(__file__).parent / "page_assets"
ASSET_PATH = "/page-assets"
LAYOUT = Path(__file__).parent / "page_templates"
STYLESHEETS = ("govuk-frontend.min.css", "pages.css")


def _when(value: datetime | None) -> str:
    """A time as a reader in the UK writes it, in UTC: `14 March 2025, 10:22 UTC`."""
    if value is None:
        return "—"
    return f"{value.day} {value:%B %Y, %H:%M} UTC"


def environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader([templates, LAYOUT]),
        autoescape=True,
        undefined=StrictUndefined,  # a name missing from the context fails, never prints ""
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["stylesheets"] = [f"{ASSET_PATH}/{name}" for name in STYLESHEETS]
    env.filters["when"] = _when
    return env


def install(app: FastAPI) -> None:
    app.mount(ASSET_PATH, StaticFiles(directory=ASSETS), name="page-assets")
