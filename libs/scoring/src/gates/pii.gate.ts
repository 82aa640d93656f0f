import type { GateFinding, ScoringInput, ValidatorConfig } from '../scoring.types';
import type { Analysis } from '../engine/analysis';
import type { ConfigProblem, GateDefinition } from '../engine/engine.types';
import {
  checkBoolean,
  checkStringArray,
  COMMON_VALIDATOR_KEYS,
  unknownKeys,
} from '../engine/options.util';
import { detectPii, PII_KINDS, type PiiKind } from './pii-detectors.util';

const DEFAULT_REGIONS = ['SG', 'MY', 'TH', 'ID', 'PH', 'US', 'GB'];
const LABEL: Record<PiiKind, string> = {
  email: 'an email address',
  phone: 'a phone number',
  card: 'a payment card number',
  iban: 'an IBAN',
  ip: 'an IP address',
  secret: 'a secret or API key',
  sg_nric: 'a Singapore NRIC/FIN',
  my_mykad: 'a Malaysian MyKad number',
  th_id: 'a Thai national id',
  id_nik: 'an Indonesian NIK',
  ph_id: 'a Philippine id number',
};

function inputText(input: ScoringInput): string {
  return [input.input.prompt ?? '', ...(input.input.context ?? []).map((c) => c?.text ?? '')].join(
    '\n',
  );
}

/**
 * Each kind found in the output is a finding `pii.<kind>`; PII the input did not contain is
 * also reported as `pii.introduced` (the model made it up or leaked it from elsewhere). With
 * `allowFromInput: true` only introduced PII fails the gate.
 */
function check(input: ScoringInput, analysis: Analysis, options: ValidatorConfig): GateFinding[] {
  const kinds = new Set<PiiKind>((options.kinds as PiiKind[] | undefined) ?? PII_KINDS);
  const regions = (options.regions as string[] | undefined) ?? DEFAULT_REGIONS;
  const found = detectPii(analysis.text, kinds, regions);
  if (!found.length) return [];
  const inInput = new Set(detectPii(inputText(input), kinds, regions).map((m) => m.key));
  const introduced = found.filter((m) => !inInput.has(m.key));
  const findings: GateFinding[] = [];
  if (options.allowFromInput !== true) {
    for (const kind of new Set(found.map((m) => m.kind))) {
      const spans = found
        .filter((m) => m.kind === kind)
        .map(({ start, end, text }) => ({ start, end, text }));
      findings.push({
        code: `pii.${kind}`,
        message: `The output contains ${LABEL[kind]}.`,
        spans,
        suggestion: `[${kind.toUpperCase()} REDACTED]`,
      });
    }
  }
  if (introduced.length) {
    findings.push({
      code: 'pii.introduced',
      message: `The output contains personal data that is not in the input: ${[...new Set(introduced.map((m) => LABEL[m.kind]))].join(', ')}.`,
      spans: introduced.map(({ start, end, text }) => ({ start, end, text })),
    });
  }
  return findings;
}

function validate(options: ValidatorConfig, path: string): ConfigProblem[] {
  const problems = [
    ...unknownKeys(options, [...COMMON_VALIDATOR_KEYS, 'kinds', 'regions', 'allowFromInput'], path),
    ...checkStringArray(options.kinds, `${path}.kinds`),
    ...checkStringArray(options.regions, `${path}.regions`),
    ...checkBoolean(options.allowFromInput, `${path}.allowFromInput`),
  ];
  if (Array.isArray(options.kinds))
    options.kinds.forEach((k, i) => {
      if (typeof k === 'string' && !(PII_KINDS as readonly string[]).includes(k))
        problems.push({
          path: `${path}.kinds[${i}]`,
          message: `unknown PII kind "${k}" (known: ${PII_KINDS.join(', ')})`,
        });
    });
  if (Array.isArray(options.regions))
    options.regions.forEach((r, i) => {
      if (typeof r === 'string' && !/^[A-Z]{2}$/.test(r))
        problems.push({
          path: `${path}.regions[${i}]`,
          message: 'must be an ISO 3166 region code such as SG',
        });
    });
  return problems;
}

/** `pii`: emails, phones, cards (Luhn), IBANs (mod 97), IPs, secrets and SG/MY/TH/ID/PH national ids; introduced PII reported apart. */
export const piiGate: GateDefinition = { check, validate };
