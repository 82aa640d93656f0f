import Ajv, { ValidateFunction } from 'ajv';
import { createHash } from 'node:crypto';
import { FieldProblem } from '../prompts.errors';
import { isKnownLanguage } from './language-codes';
import { checkTemplateText, PromptMessage, PromptTemplate } from './prompt-template';

/** Model settings kept with a version as metadata (and used by regression runs' generator). */
export interface PromptModelSettings {
  /** Provider name from ARBITER_AI_PROVIDERS. */
  provider?: string;
  model?: string;
  temperature?: number;
  maxTokens?: number;
  /** Providers tried after `provider`, in order (the fallback chain). */
  fallbackProviders?: string[];
}

/** When a production version is rolled back automatically (see docs/prompts.md). */
export interface RollbackSettings {
  maxRejectRateIncrease: number;
  maxAuditedErrorIncrease: number;
  minSamples: number;
  minAudits: number;
  /** Where production goes: the version before it, or the `fallback` label. */
  target: 'previous' | 'fallback';
}

export const DEFAULT_ROLLBACK: RollbackSettings = {
  maxRejectRateIncrease: 0.1,
  maxAuditedErrorIncrease: 0.05,
  minSamples: 50,
  minAudits: 30,
  target: 'previous',
};

/** A version as an admin or a YAML file writes it, validated. */
export interface PromptDocument {
  template: PromptTemplate;
  variables: Record<string, unknown>;
  model: PromptModelSettings;
  notes: string | null;
  labels: string[];
  description?: string;
  rollback?: Partial<RollbackSettings>;
}

export const LABEL_PATTERN = /^[a-z][a-z0-9_-]{0,62}$/;
export const PROMPT_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ROLES = ['system', 'user', 'assistant'];
const PARTIAL_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_TEXT = 100_000;
const MAX_MESSAGES = 50;
const MAX_VARIANTS = 50;
const KEYS = ['template', 'variables', 'model', 'notes', 'labels', 'description', 'rollback'];

// One Ajv per schema: a schema's own $id must not clash with another version's.
const newAjv = () => new Ajv({ allErrors: true, strict: false });

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads and checks a version document; every problem names its field. */
export function readPromptDocument(raw: unknown): {
  document: PromptDocument | null;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(raw))
    return { document: null, problems: [{ path: '', message: 'the body must be a JSON object' }] };
  for (const key of Object.keys(raw)) if (!KEYS.includes(key)) fail(key, 'is not a known field');
  const variables = readVariables(raw.variables, fail);
  const template = readTemplate(raw.template, variables, fail);
  const model = readModel(raw.model, fail);
  if (raw.notes !== undefined && (typeof raw.notes !== 'string' || raw.notes.length > 5000))
    fail('notes', 'must be a string of at most 5000 characters');
  if (
    raw.description !== undefined &&
    (typeof raw.description !== 'string' || raw.description.length > 1000)
  )
    fail('description', 'must be a string of at most 1000 characters');
  const labels = raw.labels === undefined ? [] : raw.labels;
  if (
    !Array.isArray(labels) ||
    labels.length > 20 ||
    labels.some((l) => typeof l !== 'string' || !LABEL_PATTERN.test(l))
  ) {
    fail('labels', 'must be a list of label names (a-z, 0-9, "_", "-"; starting with a letter)');
  }
  const rollback = raw.rollback === undefined ? undefined : readRollback(raw.rollback, fail);
  if (problems.length || !template || !variables) return { document: null, problems };
  return {
    document: {
      template,
      variables,
      model,
      notes: (raw.notes as string | undefined) ?? null,
      labels: labels as string[],
      description: raw.description as string | undefined,
      rollback,
    },
    problems,
  };
}

function readVariables(
  raw: unknown,
  fail: (p: string, m: string) => void,
): Record<string, unknown> | null {
  if (
    !isObject(raw) ||
    raw.type !== 'object' ||
    (raw.properties !== undefined && !isObject(raw.properties))
  ) {
    fail('variables', 'must be a JSON Schema of type "object" (with "properties" and "required")');
    return null;
  }
  try {
    newAjv().compile(raw);
  } catch (error) {
    fail('variables', `is not a valid JSON Schema: ${(error as Error).message}`);
    return null;
  }
  return raw;
}

function readTemplate(
  raw: unknown,
  variables: Record<string, unknown> | null,
  fail: (p: string, m: string) => void,
): PromptTemplate | null {
  if (!isObject(raw)) {
    fail('template', 'must be an object with defaultLanguage, variants and optional partials');
    return null;
  }
  const partials: Record<string, string> = {};
  if (raw.partials !== undefined) {
    if (!isObject(raw.partials))
      fail('template.partials', 'must map partial names to template text');
    else
      for (const [name, text] of Object.entries(raw.partials)) {
        if (!PARTIAL_NAME.test(name) || typeof text !== 'string' || text.length > MAX_TEXT)
          fail(
            `template.partials.${name}`,
            'must be template text under a name of letters, digits, "_", "." or "-"',
          );
        else partials[name] = text;
      }
  }
  const declared =
    variables && isObject(variables.properties) ? new Set(Object.keys(variables.properties)) : null;
  const variants: Record<string, PromptMessage[]> = {};
  if (
    !isObject(raw.variants) ||
    Object.keys(raw.variants).length === 0 ||
    Object.keys(raw.variants).length > MAX_VARIANTS
  ) {
    fail(
      'template.variants',
      `must map 1 to ${MAX_VARIANTS} language codes (en, ms, th, …) to a list of messages`,
    );
  } else {
    for (const [language, messages] of Object.entries(raw.variants)) {
      const at = `template.variants.${language}`;
      if (!isKnownLanguage(language)) fail(at, `"${language}" is not a known language code`);
      if (!Array.isArray(messages) || messages.length === 0 || messages.length > MAX_MESSAGES) {
        fail(at, `must be a list of 1 to ${MAX_MESSAGES} messages {role, content}`);
        continue;
      }
      variants[language] = [];
      messages.forEach((m: unknown, i) => {
        if (
          !isObject(m) ||
          !ROLES.includes(m.role as string) ||
          typeof m.content !== 'string' ||
          m.content.length > MAX_TEXT
        ) {
          fail(
            `${at}[${i}]`,
            `must be {role: ${ROLES.join(' | ')}, content: text of at most ${MAX_TEXT} characters}`,
          );
          return;
        }
        for (const p of checkTemplateText(
          m.content,
          `${at}[${i}].content`,
          Object.keys(partials),
          declared,
        ))
          fail(p.path, p.message);
        variants[language].push({ role: m.role as PromptMessage['role'], content: m.content });
      });
    }
  }
  for (const [name, text] of Object.entries(partials)) {
    for (const p of checkTemplateText(
      text,
      `template.partials.${name}`,
      Object.keys(partials),
      declared,
    ))
      fail(p.path, p.message);
  }
  const defaultLanguage = raw.defaultLanguage;
  if (typeof defaultLanguage !== 'string' || !(defaultLanguage in variants)) {
    fail('template.defaultLanguage', 'must name one of template.variants');
    return null;
  }
  return { defaultLanguage, variants, partials };
}

function readModel(raw: unknown, fail: (p: string, m: string) => void): PromptModelSettings {
  if (raw === undefined) return {};
  if (!isObject(raw)) {
    fail('model', 'must be an object {provider, model, temperature, maxTokens, fallbackProviders}');
    return {};
  }
  const known = ['provider', 'model', 'temperature', 'maxTokens', 'fallbackProviders'];
  for (const key of Object.keys(raw))
    if (!known.includes(key)) fail(`model.${key}`, 'is not a known setting');
  const text = (k: string) =>
    raw[k] === undefined ||
    (typeof raw[k] === 'string' &&
      (raw[k] as string).length > 0 &&
      (raw[k] as string).length <= 200) ||
    fail(`model.${k}`, 'must be a non-empty string');
  text('provider');
  text('model');
  const t = raw.temperature;
  if (t !== undefined && (typeof t !== 'number' || !(t >= 0 && t <= 2)))
    fail('model.temperature', 'must be a number from 0 to 2');
  const m = raw.maxTokens;
  if (m !== undefined && (!Number.isInteger(m) || (m as number) < 1 || (m as number) > 100_000))
    fail('model.maxTokens', 'must be an integer from 1 to 100000');
  const f = raw.fallbackProviders;
  if (
    f !== undefined &&
    (!Array.isArray(f) || f.length > 10 || f.some((x) => typeof x !== 'string' || x.length === 0))
  )
    fail('model.fallbackProviders', 'must be a list of provider names');
  return raw as PromptModelSettings;
}

function readRollback(
  raw: unknown,
  fail: (p: string, m: string) => void,
): Partial<RollbackSettings> | undefined {
  if (!isObject(raw)) {
    fail('rollback', 'must be an object');
    return undefined;
  }
  const share = (k: string) =>
    raw[k] === undefined ||
    (typeof raw[k] === 'number' && (raw[k] as number) >= 0 && (raw[k] as number) <= 1) ||
    fail(`rollback.${k}`, 'must be a number from 0 to 1');
  const count = (k: string) =>
    raw[k] === undefined ||
    (Number.isInteger(raw[k]) && (raw[k] as number) >= 1 && (raw[k] as number) <= 1_000_000) ||
    fail(`rollback.${k}`, 'must be an integer from 1 to 1000000');
  for (const key of Object.keys(raw))
    if (!Object.keys(DEFAULT_ROLLBACK).includes(key))
      fail(`rollback.${key}`, 'is not a known setting');
  share('maxRejectRateIncrease');
  share('maxAuditedErrorIncrease');
  count('minSamples');
  count('minAudits');
  if (raw.target !== undefined && raw.target !== 'previous' && raw.target !== 'fallback')
    fail('rollback.target', 'must be "previous" or "fallback"');
  return raw as Partial<RollbackSettings>;
}

/** The version's identity: same template, variables, model and notes → same checksum (a file applied twice adds nothing). */
export function versionChecksum(d: PromptDocument): string {
  return createHash('sha256')
    .update(
      canonical({ template: d.template, variables: d.variables, model: d.model, notes: d.notes }),
    )
    .digest('hex');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

const validators = new Map<string, ValidateFunction>();

/** Checks resolve variables against a version's schema; problems name `variables.<field>`. */
export function checkVariables(
  versionId: string,
  schema: Record<string, unknown>,
  variables: unknown,
): FieldProblem[] {
  let validate = validators.get(versionId);
  if (!validate) {
    validate = newAjv().compile(schema);
    validators.set(versionId, validate);
  }
  if (validate(variables)) return [];
  return (validate.errors ?? []).map((e) => {
    const missing =
      e.keyword === 'required'
        ? `.${(e.params as { missingProperty: string }).missingProperty}`
        : '';
    const path = `variables${e.instancePath.replace(/\//g, '.')}${missing}`;
    return {
      path,
      message: e.keyword === 'required' ? 'is required' : (e.message ?? 'is invalid'),
    };
  });
}
