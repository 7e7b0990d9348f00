/**
 * The generated types (schema.d.ts) in use: read an audit with its ETag, rename it with
 * If-Match, and read any error as a typed Problem. `make typecheck` compiles this file with
 * `tsc --strict`, so a contract change that breaks these uses fails the build.
 */
import type { components, operations } from "./schema";

type GetAudit = operations["get_audit"];
type UpdateAudit = operations["update_audit"];

export type AuditId = GetAudit["parameters"]["path"]["audit_id"];
export type Audit = GetAudit["responses"][200]["content"]["application/json"];
export type AuditUpdate = UpdateAudit["requestBody"]["content"]["application/json"];
export type Problem = components["schemas"]["Problem"];

// Every error status documents the same problem+json body.
const notFound: Problem = {} as GetAudit["responses"][404]["content"]["application/problem+json"];
const stale: Problem = {} as UpdateAudit["responses"][412]["content"]["application/problem+json"];
export const documentedProblems = [notFound, stale];

export type Result<T> = { ok: true; value: T; etag: string | null } | { ok: false; problem: Problem };

async function read<T>(response: Response): Promise<Result<T>> {
  if (response.ok) {
    return { ok: true, value: (await response.json()) as T, etag: response.headers.get("ETag") };
  }
  return { ok: false, problem: (await response.json()) as Problem };
}

export async function getAudit(baseUrl: string, token: string, id: AuditId): Promise<Result<Audit>> {
  const response = await fetch(`${baseUrl}/v1/audits/${encodeURIComponent(id)}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
  });
  return read<Audit>(response);
}

/** A stale `etag` answers 412: another writer changed the audit since it was read. */
export async function renameAudit(
  baseUrl: string,
  token: string,
  id: AuditId,
  etag: string,
  title: string,
): Promise<Result<Audit>> {
  const patch: AuditUpdate = { title };
  const response = await fetch(`${baseUrl}/v1/audits/${encodeURIComponent(id)}`, {
    method: "PATCH",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "If-Match": etag },
    body: JSON.stringify(patch),
  });
  return read<Audit>(response);
}

export function describe(result: Result<Audit>): string {
  if (!result.ok) {
    const { status, title, detail } = result.problem;
    return `${status} ${title}: ${detail}`;
  }
  const { title, status, revision, completeness } = result.value;
  const answered = `${completeness.answered} of ${completeness.total} conditions answered`;
  return `${title}: ${status}, revision ${revision}, ${answered}`;
}
