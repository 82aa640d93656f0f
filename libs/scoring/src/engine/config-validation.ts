import type { ScoringConfig } from '../scoring.types';
import type { ConfigProblem } from './engine.types';
import { checkBoolean, checkNumber, checkOneOf, unknownKeys } from './options.util';
import { GATES, SIGNALS } from './registry';

const ON_FAIL = ['reject', 'human', 'flag'] as const;
const ENGINE_KEYS = ['model', 'calibration', 'shortAnswers'] as const;
/** Signal keys understood by the engine for every signal. */
const COMMON_SIGNAL_KEYS = ['weight'];

/** Checks a policy's scoring configuration; returns every problem with the path of the field, empty when valid. */
export function validateScoringConfig(config: ScoringConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (!config || typeof config !== 'object')
    return [{ path: '', message: 'scoring configuration must be an object' }];
  const schemas = isObject(config.schemas) ? config.schemas : {};
  if (config.schemas !== undefined && !isObject(config.schemas))
    problems.push({ path: 'schemas', message: 'must be a map of name → JSON Schema' });

  if (config.signals === undefined || config.signals === null) {
    // Allowed: a pipeline may rely on gates alone.
  } else if (!isObject(config.signals))
    problems.push({ path: 'signals', message: 'must be a map of signal name → options' });
  else {
    for (const [name, options] of Object.entries(config.signals)) {
      const path = `signals.${name}`;
      const def = SIGNALS[name];
      if (!def) {
        problems.push({
          path,
          message: `unknown signal "${name}" (known: ${Object.keys(SIGNALS).join(', ')})`,
        });
        continue;
      }
      if (options === null || options === undefined) continue;
      if (!isObject(options)) {
        problems.push({ path, message: 'must be an object such as { weight: 1 }' });
        continue;
      }
      problems.push(...checkNumber(options.weight, `${path}.weight`, { min: 0, max: 100 }));
      if (def.validate) problems.push(...def.validate(options, path));
      else problems.push(...unknownKeys(options, COMMON_SIGNAL_KEYS, path));
    }
  }

  if (config.validators !== undefined && !Array.isArray(config.validators))
    problems.push({ path: 'validators', message: 'must be a list' });
  else
    (config.validators ?? []).forEach((v, i) => {
      const path = `validators[${i}]`;
      if (!isObject(v)) {
        problems.push({ path, message: 'must be an object with type and onFail' });
        return;
      }
      if (typeof v.type !== 'string' || !GATES[v.type]) {
        problems.push({
          path: `${path}.type`,
          message: `unknown validator type "${String(v.type)}" (known: ${Object.keys(GATES).join(', ')})`,
        });
        return;
      }
      if (v.onFail === undefined)
        problems.push({ path: `${path}.onFail`, message: 'is required (reject, human or flag)' });
      else problems.push(...checkOneOf(v.onFail, `${path}.onFail`, ON_FAIL));
      problems.push(...GATES[v.type].validate(v, path, schemas));
    });

  if (config.engine !== undefined) problems.push(...validateEngine(config.engine));
  return problems;
}

function validateEngine(engine: unknown): ConfigProblem[] {
  if (!isObject(engine)) return [{ path: 'scoring', message: 'must be an object' }];
  const problems = [
    ...unknownKeys(engine, ENGINE_KEYS, 'scoring'),
    ...checkOneOf(engine.model, 'scoring.model', ['fitted', 'weights']),
    ...checkBoolean(engine.shortAnswers, 'scoring.shortAnswers'),
  ];
  const cal = engine.calibration;
  if (cal !== undefined) {
    if (!isObject(cal))
      problems.push({
        path: 'scoring.calibration',
        message: 'must be { method: platt, a, b } or { method: identity }',
      });
    else if (cal.method === 'platt') {
      problems.push(
        ...unknownKeys(cal, ['method', 'a', 'b'], 'scoring.calibration'),
        ...checkNumber(cal.a, 'scoring.calibration.a', { required: true }),
        ...checkNumber(cal.b, 'scoring.calibration.b', { required: true }),
      );
      // p = 1 / (1 + exp(a·z + b)): a ≥ 0 would rank outputs the wrong way round, or all alike.
      if (typeof cal.a === 'number' && Number.isFinite(cal.a) && cal.a >= 0)
        problems.push({
          path: 'scoring.calibration.a',
          message: `must be below 0 (got ${cal.a}): a higher score must mean a higher confidence`,
        });
    } else if (cal.method !== 'identity')
      problems.push({ path: 'scoring.calibration.method', message: 'must be platt or identity' });
  }
  return problems;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
