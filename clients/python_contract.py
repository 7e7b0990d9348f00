"""The contract as openapi-python-client is given it (`make sdk-python`): the same, except that
`JsonValue` (any JSON, the body of $validate) is the empty schema, and the FHIR create body is a
plain object. The generator cannot read a recursive schema and would leave the operation out;
to a Python type checker it is `Any`. The FHIR body's schema (each condition's linkIds, with
`contains` demands) would come out as dozens of machine-named models: a FHIR resource is a dict
to a Python client, as a FHIR library's model gives it."""

import json
import sys
from pathlib import Path

source, target = Path(sys.argv[1]), Path(sys.argv[2])
contract = json.loads(source.read_text())
schemas = contract["components"]["schemas"]
if "JsonValue" in schemas:
    schemas["JsonValue"] = {"description": schemas["JsonValue"].get("description", "Any JSON.")}
if "FhirQuestionnaireResponseCreate" in schemas:
    described = schemas["FhirQuestionnaireResponseCreate"]["description"]
    schemas["FhirQuestionnaireResponseCreate"] = {"type": "object", "description": described}
    for answer in ("FhirTextAnswer", "FhirTitleAnswer"):  # referred to by it alone
        schemas.pop(answer, None)
target.write_text(json.dumps(contract, indent=2) + "\n")
