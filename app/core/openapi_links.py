"""OpenAPI `links` from each collection to its items, so a client generator, a reader and
schemathesis's stateful phase can follow list -> item without being told. Links particular to
one resource (create -> get, audit -> revisions) are declared on its routes."""

from typing import Any


def document(doc: dict[str, Any]) -> None:
    """Link every `GET /x` to `GET /x/{param}`, taking the param from the first item."""
    paths = doc["paths"]
    for path, operations in paths.items():
        listing = operations.get("get")
        if listing is None:
            continue
        for item_path, item_operations in paths.items():
            param = _item_parameter(path, item_path)
            if param and "get" in item_operations:
                field = "id" if param.endswith("_id") else param
                ok = listing["responses"]["200"]
                ok.setdefault("links", {})[_link_name(item_operations["get"])] = {
                    "operationId": item_operations["get"]["operationId"],
                    "parameters": {param: f"$response.body#/items/0/{field}"},
                    "description": f"The first item of the page, by its `{field}`.",
                }


def _item_parameter(collection: str, item: str) -> str | None:
    """`slug` for (`/v1/features`, `/v1/features/{slug}`); None for any other pair."""
    prefix = collection.rstrip("/") + "/{"
    if item.startswith(prefix) and item.endswith("}") and "/" not in item[len(prefix) :]:
        return item[len(prefix) : -1]
    return None


def _link_name(operation: dict[str, Any]) -> str:
    """`GetFeature` from `get_feature`."""
    return "".join(word.capitalize() for word in operation["operationId"].split("_"))
