"""Findings you can add up: the seed keeps the conventions of seed/SCHEMA.md, the loader refuses
a record that breaks one (naming file, slug and rule), and `?distinct=true` gives one finding
per fact."""

import shutil
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from app.core.content import SeedError, read_seed
from app.evidence import conventions, loading
from tests.evidence.test_evidence import all_items

SEED_DIR = Path(__file__).resolve().parents[2] / "seed"
FILE = "evidence/findings-000-001.yaml"
SLUG = "f000-focus-on-practice-sickness-absence"


@pytest.mark.any_database
def test_every_finding_keeps_the_conventions() -> None:
    problems = conventions.check(read_seed(SEED_DIR))
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def _seed_with(tmp_path: Path, **changes: object) -> Path:
    """A copy of the seed with `changes` made to one finding."""
    shutil.copytree(SEED_DIR, tmp_path / "seed")
    path = tmp_path / "seed" / FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    finding = next(f for f in data["findings"] if f["slug"] == SLUG)
    finding.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return tmp_path / "seed"


@pytest.mark.any_database
@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"result_value": -40}, "magnitude"),
        ({"unit": "percent of time"}, "unit-vocabulary"),
        ({"qualifier": "more-than"}, "qualifier-wording"),
        ({"qualifier": None}, "qualifier-with-value"),
        ({"direction": "increase"}, "direction-wording"),
        ({"direction": "sideways"}, "direction-vocabulary"),
        ({"sample_size": "two authorities"}, "sample-shape"),
        ({"sample_size": {"value": None, "unit": None, "text": "Two authorities"}}, "sample-value"),
        ({"same_fact_as": ["f000-hampshire-sickness-rates"]}, "links-both-ways"),
        ({"kind": "outcome-change"}, "kind-per-metric"),
        (
            {"project": "hampshire-isle-of-wight-active-agents-for-change", "result_value": 83},
            "one-record-per-fact",
        ),
    ],
)
def test_the_loader_refuses_a_finding_outside_a_convention(
    tmp_path: Path, changes: dict[str, object], rule: str
) -> None:
    seed = read_seed(_seed_with(tmp_path, **changes))
    with pytest.raises(SeedError) as refused:
        # Refused before the database is touched, so no session is needed to see it.
        loading.load(None, seed)  # type: ignore[arg-type]
    lines = [line for line in str(refused.value).splitlines() if f"'{SLUG}'" in line]
    assert any(FILE in line and f": {rule}:" in line for line in lines), str(refused.value)


@pytest.mark.any_database
def test_the_wording_gives_the_qualifier_and_the_direction() -> None:
    said = "sickness rates were reduced by almost 83%, and over £1m saved"
    assert [conventions.wording_qualifier(b) for b, _ in conventions.occurrences(said, 83)] == [
        "almost"
    ]
    assert {conventions.wording_direction(b, a) for b, a in conventions.occurrences(said, 83)} == {
        "decrease"
    }
    assert [conventions.wording_qualifier(b) for b, _ in conventions.occurrences(said, 1)] == [
        "more-than"
    ]


def test_distinct_gives_one_finding_per_fact(client: TestClient) -> None:
    every = all_items(client, "/v1/findings")
    distinct = all_items(client, "/v1/findings", distinct="true")
    groups = conventions.fact_groups({f["slug"]: f for f in every})
    assert len(distinct) == len(groups) < len(every)
    kept = {f["slug"] for f in distinct}
    assert all(len(kept & set(group)) == 1 for group in groups)
    assert all(f["canonical"] for f in distinct)
    page = client.get("/v1/findings", params={"distinct": "true", "limit": "1"}).json()
    assert page["total"] == len(distinct)


def test_findings_csv_has_direction_qualifier_and_fact_links(client: TestClient) -> None:
    response = client.get("/v1/findings", params={"format": "csv"})
    header = response.text.lstrip("\ufeff").splitlines()[0]
    for column in ("direction", "qualifier", "canonical", "same_fact_as"):
        assert f'"{column}"' in header or column in header.split(","), header
    finding = client.get("/v1/findings/f000-hertfordshire-days-in-care-halved").json()
    assert finding["direction"] == "decrease"
    assert finding["same_fact_as"] and finding["canonical"] is False


@pytest.mark.any_database
def test_every_uncited_audit_link_is_marked_curated_with_a_rationale() -> None:
    templates = read_seed(SEED_DIR).records["audit_templates"].values()
    links = [
        (t["slug"], c["slug"], link)
        for t in templates
        for c in t.get("conditions") or []
        for field in ("features", "enablers")
        for link in c.get(field) or []
    ]
    assert links
    unsupported = [
        (t, c, link["slug"])
        for t, c, link in links
        if not link.get("citations") and not (link.get("curated") and link.get("rationale"))
    ]
    assert not unsupported, unsupported
