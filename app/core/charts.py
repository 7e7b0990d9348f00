"""Charts as inline SVG, drawn on the server: no script, no style attribute (the CSP allows
neither), every text escaped. Each chart is an image with a name (`role="img"`,
`aria-label`); the page beside it gives the same figures as a table."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 720
LABEL_WIDTH = 300  # the condition's name, left of the plot
ROW = 30
TOP = 34  # the axis labels above the first row
LABEL_CHARACTERS = 40
# GOV.UK colours (design-system.service.gov.uk/styles/colour): each has at least 4.5:1 against
# white, so a mark stands out (WCAG 1.4.11) and white text on it reads (1.4.3).
BLUE, RED, GREEN, GREY, TEXT = "#1d70b8", "#d4351c", "#00703c", "#505a5f", "#0b0c0c"
SCALE_COLOURS = ("#d4351c", "#912b88", "#1d70b8", "#00703c", "#003078", "#505a5f")


@dataclass(frozen=True)
class Scale:
    low: int
    high: int

    @property
    def values(self) -> range:
        return range(self.low, self.high + 1)

    def x(self, value: float) -> float:
        """The position of `value` across the plot."""
        plot = WIDTH - LABEL_WIDTH - 20
        return LABEL_WIDTH + plot * (value - self.low + 1) / (self.high - self.low + 1)


def _label(text: str) -> str:
    return text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1] + "…"


def _frame(name: str, rows: int, body: list[str], scale: Scale | None) -> Markup:
    height = TOP + rows * ROW + 10
    axis = []
    if scale is not None:
        for value in scale.values:
            x = scale.x(value)
            axis.append(
                f'<line x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{height - 10}" '
                f'stroke="#b1b4b6" stroke-width="1"/>'
                f'<text x="{x:.1f}" y="{TOP - 14}" text-anchor="middle" font-size="13" '
                f'fill="{TEXT}">{value}</text>'
            )
    return Markup(
        f'<svg class="app-chart" role="img" aria-label="{escape(name)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-family="arial, sans-serif" xmlns="http://www.w3.org/2000/svg">'
        + "".join(axis)
        + "".join(body)
        + "</svg>"
    )


def _row_label(index: int, text: str) -> str:
    y = TOP + index * ROW + ROW / 2 + 5
    return (
        f'<text x="0" y="{y:.1f}" font-size="13" fill="{TEXT}">{escape(_label(text))}'
        f"<title>{escape(text)}</title></text>"
    )


def ratings(name: str, rows: Sequence[tuple[str, int | None, bool]], scale: Scale) -> Markup:
    """A bar per row (label, rating or None, weak), as long as its rating; weak ones red."""
    body = []
    for i, (label, rating, weak) in enumerate(rows):
        body.append(_row_label(i, label))
        y = TOP + i * ROW + 6
        if rating is None:
            body.append(
                f'<text x="{LABEL_WIDTH + 4}" y="{y + 14}" font-size="13" fill="{GREY}">'
                "not rated</text>"
            )
            continue
        end = scale.x(rating)
        body.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{end - LABEL_WIDTH:.1f}" height="{ROW - 12}" '
            f'fill="{RED if weak else BLUE}"/>'
        )
    return _frame(name, len(rows), body, scale)


def changes(name: str, rows: Sequence[tuple[str, int | None, int | None]], scale: Scale) -> Markup:
    """Per row (label, from, to): a line from the first rating (open circle) to the second
    (filled), green when it rose, red when it fell."""
    body = []
    for i, (label, before, after) in enumerate(rows):
        body.append(_row_label(i, label))
        y = TOP + i * ROW + ROW / 2
        if before is None or after is None:
            body.append(
                f'<text x="{LABEL_WIDTH + 4}" y="{y + 5:.1f}" font-size="13" fill="{GREY}">'
                "not comparable</text>"
            )
            continue
        colour = GREEN if after > before else RED if after < before else GREY
        x1, x2 = scale.x(before), scale.x(after)
        body.append(
            f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}" stroke="{colour}" '
            f'stroke-width="4"/>'
            f'<circle cx="{x1:.1f}" cy="{y:.1f}" r="6" fill="#ffffff" stroke="{colour}" '
            f'stroke-width="3"/>'
            f'<circle cx="{x2:.1f}" cy="{y:.1f}" r="7" fill="{colour}"/>'
        )
    return _frame(name, len(rows), body, scale)


def distributions(name: str, rows: Sequence[tuple[str, Mapping[str, int]]], scale: Scale) -> Markup:
    """Per row (label, count by rating): one bar split by rating, each part as wide as its
    share of the row's ratings, the count written in it."""
    body = []
    left, plot = LABEL_WIDTH, WIDTH - LABEL_WIDTH - 20
    for i, (label, counts) in enumerate(rows):
        body.append(_row_label(i, label))
        total = sum(counts.values())
        y, x = TOP + i * ROW + 5, float(left)
        for value in scale.values:
            count = counts.get(str(value), 0)
            if not total or not count:
                continue
            width = plot * count / total
            colour = SCALE_COLOURS[(value - scale.low) % len(SCALE_COLOURS)]
            body.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{ROW - 10}" '
                f'fill="{colour}"><title>{value}: {count}</title></rect>'
                f'<text x="{x + width / 2:.1f}" y="{y + 15}" text-anchor="middle" '
                f'font-size="12" fill="#ffffff">{count}</text>'
            )
            x += width
    return _frame(name, len(rows), body, None)


def legend(scale: Scale, labels: Mapping[int, str]) -> Markup:
    """The colours of `distributions`, a swatch and a label each."""
    items = []
    for i, value in enumerate(scale.values):
        x = i * 170
        colour = SCALE_COLOURS[(value - scale.low) % len(SCALE_COLOURS)]
        text = f"{value} {labels.get(value, '')}".strip()
        items.append(
            f'<rect x="{x}" y="4" width="16" height="16" fill="{colour}"/>'
            f'<text x="{x + 22}" y="17" font-size="13" fill="{TEXT}">{escape(text)}</text>'
        )
    return Markup(
        f'<svg class="app-chart-legend" role="img" aria-label="Key: colours of the ratings" '
        f'viewBox="0 0 {WIDTH} 24" width="{WIDTH}" height="24" font-family="arial, sans-serif" '
        f'xmlns="http://www.w3.org/2000/svg">' + "".join(items) + "</svg>"
    )
