"""Citations: every catalogue fact points back to the sentence it came from."""

from pydantic import BaseModel, ConfigDict, Field


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str = Field(
        description="Slug of a `/v1/sources` document.", examples=["dfe-seven-features"]
    )
    locator: str = Field(
        description="Where in that document: section, page, footnote.",
        examples=["section: Seven outcomes; footnote 10"],
    )
    quote: str = Field(
        description="Short verbatim excerpt (whitespace-normalised).",
        examples=[
            "Fourteen of the 23 projects that aimed to reduce the number of "
            "children in care achieved this."
        ],
    )
    report: str | None = Field(
        None,
        description="Slug of the evaluation report the text cites "
        "for this fact, where its footnote names one.",
    )
    report_locator: str | None = Field(None, examples=["pg. 12"])


class Cited(BaseModel):
    """Base for anything that carries citations."""

    citations: list[Citation] = Field(default_factory=list)


class CitedText(Cited):
    text: str
