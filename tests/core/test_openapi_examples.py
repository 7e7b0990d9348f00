"""Issue 17, item 6: every operation has a realistic example, and every example in the
description validates against the schema it illustrates."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

NO_EXAMPLE_NEEDED = {"metrics"}  # Prometheus text, described in prose


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    document: dict[str, Any] = client.get("/openapi.json").json()
    return document


def _examples(spec: dict[str, Any]) -> Iterator[tuple[str, str, Any, dict[str, Any]]]:
    """(operationId, where, example, schema) for every example in the description."""
    for operations in spec["paths"].values():
        for operation in operations.values():
            name = operation["operationId"]
            for param in operation.get("parameters", []):
                if "example" in param:
                    yield name, f"parameter {param['name']}", param["example"], param["schema"]
            contents = [("request", operation.get("requestBody", {}).get("content", {}))]
            for status, response in operation["responses"].items():
                if "$ref" not in response:
                    contents.append((f"response {status}", response.get("content", {})))
            for where, content in contents:
                for media_type, body in content.items():
                    if "example" in body and "schema" in body:
                        yield name, f"{where} {media_type}", body["example"], body["schema"]


def _validator(spec: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    # `#/components/...` resolves against the root of the schema being validated: carry them.
    return Draft202012Validator({**schema, "components": spec["components"]})


def test_every_example_validates_against_its_schema(spec: dict[str, Any]) -> None:
    failures = []
    checked = 0
    for name, where, example, schema in _examples(spec):
        checked += 1
        for error in _validator(spec, schema).iter_errors(example):
            failures.append(f"{name} {where}: {error.json_path}: {error.message[:200]}")
    assert not failures, "\n".join(failures[:20])
    assert checked > 100


def test_every_operation_has_an_example_of_its_answer(spec: dict[str, Any]) -> None:
    with_answer = {name for name, where, _, _ in _examples(spec) if where.startswith("response 2")}
    names = {op["operationId"] for ops in spec["paths"].values() for op in ops.values()}
    bodiless = {"revoke_api_key", "delete_webhook"}  # 204
    assert names - with_answer - NO_EXAMPLE_NEEDED - bodiless == set()


def _values(node: Any, key: str) -> Iterator[Any]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            yield from _values(v, key)
    elif isinstance(node, list):
        for v in node:
            yield from _values(v, key)


def _strings(node: Any, key: str = "") -> Iterator[str]:
    """Every string value, less FHIR's item `type` (`"string"` is one of its codes)."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v, key)
    elif isinstance(node, str) and key != "type":
        yield node


def test_examples_are_realistic(client: TestClient, spec: dict[str, Any]) -> None:
    """No generated placeholder, and every rating on the template's scale."""
    examples = [example for _, _, example, _ in _examples(spec)]
    assert "string" not in list(_values(examples, "title"))
    placeholders = {"string", "user@example.com"}
    assert not placeholders & set(_strings(examples)), "a generated placeholder in an example"
    scale = client.get("/v1/audit-templates/1").json()["rating_scale"]
    levels = {level["value"] for level in scale["levels"]}
    ratings = [r for r in _values(examples, "rating") if isinstance(r, int)]
    assert ratings and set(ratings) <= levels, (sorted(set(ratings)), levels)
