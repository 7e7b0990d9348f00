"""Swagger UI and ReDoc served from assets installed with the `fastapi-offline` package, so the
docs work on networks with no internet access (no CDN). The pages are static HTML whose start-up
script and styles are files (`docs_assets/`), so the Content-Security-Policy allows no inline
script (docs/security.md)."""

import html
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = Path(fastapi_offline.__file__).parent / "static"
OWN_ASSETS = Path(__file__).parent / "docs_assets"

SWAGGER_UI = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Swagger UI</title>
<link rel="stylesheet" href="/static/swagger-ui.css">
<link rel="icon" href="/static/favicon.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/static/swagger-ui-bundle.js"></script>
<script src="/docs-assets/swagger-init.js"></script>
</body>
</html>
"""

# ReDoc starts itself on the <redoc> element once its script has loaded.
REDOC = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - ReDoc</title>
<link rel="stylesheet" href="/docs-assets/redoc.css">
<link rel="icon" href="/static/favicon.png">
</head>
<body>
<noscript>ReDoc needs JavaScript: the same documentation is at /docs and /openapi.json.</noscript>
<redoc spec-url="/openapi.json"></redoc>
<script src="/static/redoc.standalone.js"></script>
</body>
</html>
"""


def install(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=ASSETS), name="static")
    app.mount("/docs-assets", StaticFiles(directory=OWN_ASSETS), name="docs-assets")
    title = html.escape(app.title)
    swagger_ui_page = SWAGGER_UI.format(title=title)
    redoc_page = REDOC.format(title=title)

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(swagger_ui_page)

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return HTMLResponse(redoc_page)
