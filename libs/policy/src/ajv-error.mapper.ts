import type { ErrorObject } from 'ajv';
import type { PolicyProblem } from './policy.types';
import { isRecord, joinPath, pointerToPath } from './problem-path.formatter';

/**
 * Maps ajv errors (compiled with allErrors and verbose) to problems with dotted paths and plain
 * messages. When a field has the wrong type, its other errors (enum, length…) are noise: dropped.
 */
export function mapAjvErrors(errors: ErrorObject[], document: unknown): PolicyProblem[] {
  const problems = errors.map((error) => toProblem(error, document));
  const wrongType = new Set(
    errors.filter((e) => e.keyword === 'type').map((e) => pointerToPath(e.instancePath, document)),
  );
  return problems.filter(
    (problem, i) => errors[i].keyword === 'type' || !wrongType.has(problem.path),
  );
}

function toProblem(error: ErrorObject, document: unknown): PolicyProblem {
  const path = pointerToPath(error.instancePath, document);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: joinPath(path, String(params.missingProperty)), message: 'is required' };
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      return { path: joinPath(path, key), message: unknownKeyMessage(key, error.parentSchema) };
    }
    case 'type':
      return { path, message: typeMessage(error) };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { path, message: `must be one of ${allowed} (got ${preview(error.data)})` };
    }
    case 'minLength':
      return {
        path,
        message:
          params.limit === 1
            ? 'must not be empty'
            : `must be at least ${String(params.limit)} characters`,
      };
    case 'maxLength':
      return { path, message: `must be at most ${String(params.limit)} characters` };
    case 'minItems':
      return {
        path,
        message:
          params.limit === 1
            ? 'must not be empty'
            : `must have at least ${String(params.limit)} items`,
      };
    case 'maxItems':
      return { path, message: `must have at most ${String(params.limit)} items` };
    case 'maxProperties':
      return { path, message: `must have at most ${String(params.limit)} entries` };
    default:
      return { path, message: error.message ?? `is not valid (${error.keyword})` };
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a map of fields',
  array: 'a list',
  null: 'null',
};

function typeMessage(error: ErrorObject): string {
  if (typeof error.data === 'number' && !Number.isFinite(error.data))
    return 'must be a finite number';
  const description = isRecord(error.parentSchema) ? error.parentSchema.description : undefined;
  if (typeof description === 'string') return `must be ${description}`;
  const expected = ([] as string[])
    .concat(error.params.type as string | string[])
    .map((t) => TYPE_NAMES[t] ?? t);
  const list =
    expected.length > 1
      ? `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1]}`
      : expected[0];
  return `must be ${list} (got ${kindOf(error.data)})`;
}

function unknownKeyMessage(key: string, parentSchema: unknown): string {
  const properties =
    isRecord(parentSchema) && isRecord(parentSchema.properties)
      ? Object.keys(parentSchema.properties)
      : [];
  const close = properties
    .map((candidate) => ({
      candidate,
      distance: editDistance(key.toLowerCase(), candidate.toLowerCase()),
    }))
    .filter(({ distance }) => distance <= Math.max(1, Math.floor(key.length / 3)))
    .sort((a, b) => a.distance - b.distance)[0];
  if (close) return `is not a known field (did you mean "${close.candidate}"?)`;
  return `is not a known field (known here: ${properties.join(', ')})`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${preview(value)}`;
}

/** A short rendering of a bad value; documents can be large, messages must not be. */
export function preview(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}

/** Levenshtein distance, for "did you mean" on short field names only. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
