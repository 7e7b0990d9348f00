"""The contract as openapi-python-client is given it (`make sdk-python`): the same, except that
`JsonValue` (any JSON, the body of $validate) is the empty schema. The generator cannot read a
recursive schema and would leave the operation out; to a Python type checker it is `Any`."""

import json
import sys
from pathlib import Path

source, target = Path(sys.argv[1]), Path(sys.argv[2])
contract = json.loads(source.read_text())
schemas = contract["components"]["schemas"]
if "JsonValue" in schemas:
    schemas["JsonValue"] = {"description": schemas["JsonValue"].get("description", "Any JSON.")}
target.write_text(json.dumps(contract, indent=2) + "\n")
