import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { GateFinding, ScoringInput, ValidatorConfig } from '../scoring.types';
import type { Analysis } from '../engine/analysis';
import type { ConfigProblem, GateDefinition } from '../engine/engine.types';
import { checkNumber, COMMON_VALIDATOR_KEYS, unknownKeys } from '../engine/options.util';

// One Ajv for the process: compiling a schema costs ~1 ms, validating ~1 µs, so compiled
// validators are cached by the schema's JSON text (policies are reloaded, not mutated).
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();
const MAX_CACHED = 500;

const REF_RE = /^#\/schemas\/([^/]+)$/;

/** Resolves `schema` (inline, or `{ $ref: "#/schemas/<name>" }`) against the policy's named schemas. */
export function resolveSchema(
  schema: unknown,
  schemas: Record<string, unknown>,
): { schema?: object; error?: string } {
  if (schema && typeof schema === 'object' && !Array.isArray(schema)) {
    const ref = (schema as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && Object.keys(schema).length === 1) {
      const m = REF_RE.exec(ref);
      if (!m) return { error: `$ref must look like "#/schemas/<name>", got "${ref}"` };
      const named = schemas[m[1]];
      if (named === undefined) return { error: `schema "${m[1]}" is not defined under schemas` };
      if (!named || typeof named !== 'object')
        return { error: `schemas.${m[1]} must be an object` };
      return { schema: named };
    }
    return { schema };
  }
  if (typeof schema === 'boolean') return { schema: schema ? {} : { not: {} } };
  return { error: 'schema must be a JSON Schema object or { $ref: "#/schemas/<name>" }' };
}

function compile(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(schema);
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, fn);
  }
  return fn;
}

/** Converts an Ajv JSON pointer ("/items/0/name") to a JSONPath ("$.items[0].name"). */
export function pointerToPath(pointer: string, extra?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  let path = '$';
  for (const p of parts) {
    if (/^\d+$/.test(p)) path += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(p)) path += `.${p}`;
    else path += `[${JSON.stringify(p)}]`;
  }
  return path;
}

function describe(err: ErrorObject): GateFinding {
  const params = err.params as Record<string, unknown>;
  let extra: string | undefined;
  if (err.keyword === 'required') extra = String(params.missingProperty);
  if (err.keyword === 'additionalProperties') extra = String(params.additionalProperty);
  const path = pointerToPath(err.instancePath, extra);
  const message =
    err.keyword === 'required'
      ? `${path} is required.`
      : err.keyword === 'additionalProperties'
        ? `${path} is not allowed.`
        : `${path} ${err.message ?? 'is invalid'}.`;
  return { code: `json.schema.${err.keyword}`, message, spans: [{ path }] };
}

/** Parses the output as JSON: `output.json` when sent, else `output.text`. */
export function outputJson(
  input: ScoringInput,
): { ok: true; value: unknown } | { ok: false; finding: GateFinding } {
  if (input.output.json !== undefined) return { ok: true, value: input.output.json };
  const text = input.output.text;
  if (typeof text !== 'string' || !text.trim())
    return {
      ok: false,
      finding: { code: 'json.missing', message: 'The output has no JSON to validate.' },
    };
  // Models often wrap JSON in a Markdown fence; accept exactly one fenced block.
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  const body = fenced ? fenced[1] : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const at = pos ? Number(pos[1]) + (fenced ? text.indexOf(body) : 0) : undefined;
    return {
      ok: false,
      finding: {
        code: 'json.parse',
        message: `The output is not valid JSON: ${msg}`,
        spans: at !== undefined ? [{ start: at, end: Math.min(at + 1, text.length) }] : undefined,
      },
    };
  }
}

function check(
  input: ScoringInput,
  _analysis: Analysis,
  options: ValidatorConfig,
  schemas: Record<string, unknown>,
): GateFinding[] {
  const parsed = outputJson(input);
  if (!parsed.ok) return [parsed.finding];
  const resolved = resolveSchema(options.schema, schemas);
  if (!resolved.schema)
    return [{ code: 'json.schema_unavailable', message: resolved.error ?? 'schema unavailable' }];
  const validateFn = compile(resolved.schema);
  if (validateFn(parsed.value)) return [];
  const maxErrors = (options.maxErrors as number | undefined) ?? 20;
  return (validateFn.errors ?? []).slice(0, maxErrors).map(describe);
}

function validate(
  options: ValidatorConfig,
  path: string,
  schemas: Record<string, unknown>,
): ConfigProblem[] {
  const problems = [
    ...unknownKeys(options, [...COMMON_VALIDATOR_KEYS, 'schema', 'maxErrors'], path),
    ...checkNumber(options.maxErrors, `${path}.maxErrors`, { min: 1, integer: true }),
  ];
  if (options.schema === undefined)
    return [...problems, { path: `${path}.schema`, message: 'is required' }];
  const resolved = resolveSchema(options.schema, schemas);
  if (!resolved.schema)
    return [...problems, { path: `${path}.schema`, message: resolved.error ?? 'invalid' }];
  try {
    compile(resolved.schema);
  } catch (e) {
    problems.push({
      path: `${path}.schema`,
      message: `invalid JSON Schema: ${(e as Error).message}`,
    });
  }
  return problems;
}

/** `jsonSchema`: the output (JSON, or text parsed as JSON) validates against a JSON Schema; every error with its JSON path. */
export const jsonSchemaGate: GateDefinition = { check, validate };
