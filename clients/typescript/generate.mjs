// schema.d.ts from the contract (`make sdk-typescript`): openapi-typescript, with one change.
// `JsonValue` (any JSON, the body of $validate) is recursive through arrays, which TypeScript
// rejects as written (TS2502), so it is declared `unknown`: what it is to a type checker.
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import openapiTS, { COMMENT_HEADER, UNKNOWN, astToString } from "openapi-typescript";

const [input, output] = process.argv.slice(2);
const ast = await openapiTS(pathToFileURL(input), {
  transform(_schema, metadata) {
    return metadata.path === "#/components/schemas/JsonValue" ? UNKNOWN : undefined;
  },
});
writeFileSync(output, COMMENT_HEADER + astToString(ast));
