import type { SchemaObject } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWN_SIGNALS, KNOWN_VALIDATORS, validateScoringConfig } from '@arbiter/scoring';
import { POLICY_SCHEMA } from './policy.schema';
import { readPolicy } from './policy.reader';

/**
 * docs/policy.md is the policy reference: every key the schema accepts must have a row in it,
 * written as a table row whose first cell is the key path in backticks (`review.sla`; map
 * entries as `<name>`, list items as `[]`: `signals.<name>.weight`, `validators[].onFail`).
 * Every signal and validator the scoring engine knows must have a `### \`name\`` heading, and
 * the complete example must pass the checks a policy upload goes through (the policy schema and
 * the scoring engine, as in apps/api/src/pipelines/policy-checker.ts).
 */
const DOC = readFileSync(join(__dirname, '../../../docs/policy.md'), 'utf8');

interface SchemaKey {
  path: string;
  /** The node accepts keys the schema does not list (free options, checked elsewhere). */
  open: boolean;
}

/** Every key path of the schema's property tree, parents before children. */
function schemaKeys(schema: SchemaObject, prefix = ''): SchemaKey[] {
  const keys: SchemaKey[] = [];
  const visit = (node: SchemaObject, path: string): void => {
    keys.push({ path, open: isObjectNode(node) && node.additionalProperties !== false });
    keys.push(...schemaKeys(node, path));
  };
  for (const [name, child] of Object.entries(
    (schema.properties ?? {}) as Record<string, SchemaObject>,
  )) {
    visit(child, prefix ? `${prefix}.${name}` : name);
  }
  if (isSchema(schema.additionalProperties)) visit(schema.additionalProperties, `${prefix}.<name>`);
  if (isSchema(schema.items)) keys.push(...schemaKeys(schema.items, `${prefix}[]`));
  return keys;
}

function isSchema(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isObjectNode(node: SchemaObject): boolean {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  return types.includes('object');
}

/** Key paths of the doc's table rows (`| \`path\` | …`). */
function documentedPaths(doc: string): string[] {
  return [...doc.matchAll(/^\|\s*`([^`]+)`\s*\|/gm)].map((m) => m[1]);
}

describe('docs/policy.md', () => {
  const keys = schemaKeys(POLICY_SCHEMA);
  const documented = new Set(documentedPaths(DOC));

  it('walks the whole schema (sanity check of the walker itself)', () => {
    const paths = keys.map((k) => k.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'pipeline',
        'signals.<name>.weight',
        'validators[].onFail',
        'schemas.<name>',
        'review.priorityRules[].equals',
        'breaker.minSamples',
      ]),
    );
    expect(paths.length).toBeGreaterThan(35);
  });

  it('has a row for every key of the policy schema', () => {
    const missing = keys.map((k) => k.path).filter((path) => !documented.has(path));
    expect(missing).toEqual([]);
  });

  it('documents no key the schema refuses', () => {
    const keysSection = DOC.slice(DOC.indexOf('\n## Keys\n'), DOC.indexOf('\n## Signals\n'));
    const known = new Set(keys.map((k) => k.path));
    // Options under a node that takes free keys (scoring.model) are checked by the engine.
    const underOpenNode = (path: string): boolean =>
      keys.some((k) => k.open && (path.startsWith(`${k.path}.`) || path.startsWith(`${k.path}[]`)));
    const stale = documentedPaths(keysSection).filter(
      (path) => !known.has(path) && !underOpenNode(path),
    );
    expect(keysSection.length).toBeGreaterThan(1000);
    expect(stale).toEqual([]);
  });

  it('shows a complete example that the api accepts as it is', () => {
    const example = /## A complete example\n+```yaml\n([\s\S]*?)```/.exec(DOC)?.[1];
    const result = readPolicy(example ?? '', 'yaml', { checkScoring: validateScoringConfig });
    expect(result.problems).toEqual([]);
    // It shows every section a pipeline sets in practice (not qa and breaker, which nothing acts
    // on yet, nor scoring, whose defaults are the point).
    const shown = Object.keys(result.policy ?? {});
    const sections = Object.keys(POLICY_SCHEMA.properties as object).filter(
      (key) => !['qa', 'breaker', 'scoring'].includes(key),
    );
    expect(sections.filter((key) => !shown.includes(key))).toEqual([]);
  });

  it('has a section for every signal and every validator type', () => {
    const headed = (name: string) => DOC.includes(`### \`${name}\``);
    expect(KNOWN_SIGNALS.filter((s) => !headed(s))).toEqual([]);
    expect(KNOWN_VALIDATORS.filter((v) => !headed(v))).toEqual([]);
  });
});
