"""The representations a route offers, declared once.

A route with alternatives declares an `Offers` (JSON first: the server's preference breaks
ties) and takes the chosen one as a dependency:

    FINDINGS = Offers(JSON, csv_table(FINDING_CSV_COLUMNS, [example_row]))
    def list_findings(..., representation: Annotated[Representation, FINDINGS.negotiated]):

That one declaration drives the negotiation (app/core/negotiation.py), the `406` that lists
what is offered, the `?format=` parameter (an enum of exactly the route's formats), the OpenAPI
200 `content` map (`FINDINGS.responses()`) and each representation's ETag. Adding XLSX to a
route is one more entry in its `Offers` (`xlsx_table`, app/core/xlsx.py).

A route without a declaration offers JSON alone: the `/v1` routers are included with
`JSON_UNLESS_DECLARED`, which answers any other `Accept` with `406` and `?format=` with `422`.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request, Response

from app.core.errors import FieldError, NotAcceptable, ValidationFailed, problem_responses
from app.core.negotiation import preferred

OpenApiMedia = dict[str, Any]  # an OpenAPI Media Type Object: schema, example


@dataclass(frozen=True)
class Representation:
    format: str  # its `?format=` name
    media_type: str  # what `Accept` names
    content_type: str  # what `Content-Type` says
    etag_suffix: str  # inside the quotes, so no two representations share an ETag

    def etag(self, token: str) -> str:
        return f'"{token}{self.etag_suffix}"'


JSON = Representation("json", "application/json", "application/json", "")
CSV = Representation("csv", "text/csv", "text/csv; charset=utf-8", "-csv")
FHIR = Representation("fhir", "application/fhir+json", "application/fhir+json", "-fhir")
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX = Representation("xlsx", XLSX_MEDIA_TYPE, XLSX_MEDIA_TYPE, "-xlsx")
HTML = Representation("html", "text/html", "text/html; charset=utf-8", "-html")
PDF = Representation("pdf", "application/pdf", "application/pdf", "-pdf")


@dataclass(frozen=True)
class Offered:
    """A representation on one route, and what its OpenAPI says of it (JSON's schema comes
    from the route's `response_model`)."""

    representation: Representation
    content: OpenApiMedia = field(default_factory=dict)
    note: str = ""  # a sentence for the success response's description


def fhir_resource(resource_type: str, media: OpenApiMedia | None = None) -> Offered:
    """FHIR R4 JSON of `resource_type`: `media` its OpenAPI (schema and example); without one, a
    schema that pins `resourceType`."""
    media = media or {
        "schema": {
            "type": "object",
            "description": f"A FHIR R4 {resource_type} resource.",
            "required": ["resourceType"],
            "properties": {"resourceType": {"const": resource_type}},
        }
    }
    note = f"FHIR R4 `{resource_type}` with `Accept: {FHIR.media_type}` or `?format=fhir`."
    return Offered(FHIR, media, note)


def printable(subject: str) -> tuple[Offered, Offered]:
    """HTML and PDF of one page (app/core/pages.py): what the OpenAPI says of each."""
    return (
        Offered(
            HTML,
            {"schema": {"type": "string"}},
            f"A printable page of {subject} with `Accept: {HTML.media_type}` or `?format=html`.",
        ),
        Offered(
            PDF,
            {"schema": {"type": "string", "format": "binary"}},
            f"The same page as PDF with `Accept: {PDF.media_type}` or `?format=pdf` "
            "(`503` with `Retry-After` when it cannot be made in time).",
        ),
    )


class Offers:
    """The representations of one route, the server's preference first."""

    def __init__(self, *offered: Offered | Representation) -> None:
        self.offered = tuple(o if isinstance(o, Offered) else Offered(o) for o in offered)
        self.representations = tuple(o.representation for o in self.offered)
        self.media_types = tuple(r.media_type for r in self.representations)
        # `?format=` exists only where there is a choice.
        alternatives = len(self.representations) > 1
        self.formats = {r.format: r for r in self.representations} if alternatives else {}
        self.dependency = self._dependency()
        self.negotiated: Any = Depends(self.dependency)  # `Annotated[Representation, ...]`

    def choose(self, accept: str | None, format_: str | None = None) -> Representation | None:
        """What to send: `format_` if given (None if the route has no such format), else what
        `accept` prefers (None if it accepts nothing offered)."""
        if format_ is not None:
            return self.formats.get(format_)
        index = preferred(accept, self.media_types)
        return None if index is None else self.representations[index]

    def negotiate(self, accept: str | None, format_: str | None = None) -> Representation:
        chosen = self.choose(accept, format_)
        if chosen is None:
            raise self.not_acceptable()
        return chosen

    def not_acceptable(self) -> NotAcceptable:
        return NotAcceptable(
            f"This resource is available as {self._listed()}, and the request's Accept header "
            "accepts none of that. Ask for one of those (or send no Accept for JSON).",
            headers={"Vary": "Accept"},
            extensions={"offered": list(self.media_types)},
        )

    def responses(
        self,
        status: int = 200,
        description: str = "JSON unless `Accept` asks for another.",
        **success: Any,
    ) -> dict[int | str, Any]:
        """The route's `responses=` entries: each representation under the success status
        (with `success`'s members, e.g. `headers` and `links`), and the `406` listing them."""
        out = problem_responses(NotAcceptable)
        example = out[406]["content"]["application/problem+json"]["example"]
        example["detail"] = self.not_acceptable().detail
        example["offered"] = list(self.media_types)
        out[406]["description"] = (
            f"The request's Accept takes none of {self._listed()} (listed in `offered`)."
        )
        others = [o for o in self.offered if o.representation is not JSON]
        if others:
            out[status] = {
                "description": " ".join([description, *(o.note for o in others if o.note)]),
                "content": {o.representation.media_type: o.content for o in others},
            }
        if success:
            out[status] = {"description": description, **out.get(status, {}), **success}
        return out

    def _listed(self) -> str:
        return ", ".join(self.media_types) + (" only" if len(self.media_types) == 1 else "")

    def _dependency(self) -> Any:
        """The route dependency: the chosen representation, from `Accept` or `?format=`."""
        offers = self
        if not self.formats:

            async def json_only(request: Request, response: Response) -> Representation:
                response.headers["Vary"] = "Accept"
                if b"format" in request.scope["query_string"] and "format" in request.query_params:
                    raise _no_format_parameter()
                return offers.negotiate(request.headers.get("accept"))

            json_only.offers = offers  # type: ignore[attr-defined]
            return json_only

        names: Any = Literal[tuple(self.formats)]
        described = Query(
            description="A shortcut for `Accept`: "
            + ", ".join(f"`{r.format}` is `{r.media_type}`" for r in self.representations)
            + ". It wins over `Accept`."
        )

        async def negotiated(
            request: Request,
            response: Response,
            format: Annotated[names | None, described] = None,
        ) -> Representation:
            response.headers["Vary"] = "Accept"
            return offers.negotiate(request.headers.get("accept"), format)

        negotiated.offers = offers  # type: ignore[attr-defined]
        return negotiated


def _no_format_parameter() -> ValidationFailed:
    detail = "This resource has one representation, JSON: `format` is not a parameter here."
    return ValidationFailed(detail, errors=[FieldError(pointer="#/query/format", detail=detail)])


JSON_ONLY = Offers(JSON)


def _declares_offers(route: Any) -> bool:
    dependant = getattr(route, "dependant", None)
    dependencies = dependant.dependencies if dependant is not None else ()
    return any(hasattr(d.call, "offers") for d in dependencies)  # a few, so no cache


async def _json_unless_declared(request: Request, response: Response) -> None:
    if not _declares_offers(request.scope.get("route")):
        await JSON_ONLY.dependency(request, response)


# `app.include_router(router, **JSON_UNLESS_DECLARED)` for every `/v1` router.
JSON_UNLESS_DECLARED: Mapping[str, Any] = {
    "dependencies": [Depends(_json_unless_declared)],
    "responses": {**problem_responses(ValidationFailed), **JSON_ONLY.responses()},
}
