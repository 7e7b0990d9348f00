"""Copy the GOV.UK Frontend's compiled CSS from the npm package (clients/typescript, pinned by
its package-lock.json; `make install-node`) into app/core/page_assets/, with its licence.

The @font-face rules are dropped: GDS Transport may only be used on GOV.UK services, and its
fonts would be a request per page; the stylesheet's own fallback (Arial, then sans-serif)
applies instead. Run again after moving the package's version, and commit the result.

    .venv/bin/python scripts/vendor_govuk_frontend.py
"""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "clients" / "typescript" / "node_modules" / "govuk-frontend"
TARGET = ROOT / "app" / "core" / "page_assets"
FONT_FACE = re.compile(r"@font-face\{[^}]*\}")
LICENCE = """GOV.UK Frontend {version} (npm package govuk-frontend): govuk-frontend.min.css is its
dist/govuk/govuk-frontend.min.css with the @font-face rules removed
(scripts/vendor_govuk_frontend.py). Licensed under the MIT License:

The MIT License (MIT)

Copyright (C) 2017 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
of the Software, and to permit persons to whom the Software is furnished to do
so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def main() -> None:
    version = json.loads((PACKAGE / "package.json").read_text())["version"]
    css = (PACKAGE / "dist" / "govuk" / "govuk-frontend.min.css").read_text()
    css = FONT_FACE.sub("", css)
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css).rstrip() + "\n"
    (TARGET / "govuk-frontend.min.css").write_text(css)
    (TARGET / "govuk-frontend.LICENSE.txt").write_text(LICENCE.format(version=version))
    print(f"govuk-frontend {version}: {len(css)} bytes of CSS")


if __name__ == "__main__":
    main()
