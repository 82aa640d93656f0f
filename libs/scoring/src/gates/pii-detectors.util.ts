import type { PhoneNumberUtil } from 'google-libphonenumber';
import {
  entropy,
  ibanValid,
  luhnValid,
  myKadValid,
  nikValid,
  nricValid,
  thaiIdValid,
} from './pii-checksums.util';

/** Kinds of personal data the pii gate knows. */
export const PII_KINDS = [
  'email',
  'phone',
  'card',
  'iban',
  'ip',
  'secret',
  'sg_nric',
  'my_mykad',
  'th_id',
  'id_nik',
  'ph_id',
] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** One piece of personal data found in a text. */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
  /** Canonical form for comparing with the input (digits only, lower case…). */
  key: string;
}

let phoneNumbers: PhoneNumberUtil | undefined;

/**
 * libphonenumber's metadata is about 12 MB of RSS: loaded at the first phone candidate, not by
 * every process that imports scoring.
 */
function phoneUtil(): PhoneNumberUtil {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require('google-libphonenumber') as typeof import('google-libphonenumber');
  phoneNumbers ??= lib.PhoneNumberUtil.getInstance();
  return phoneNumbers;
}

const digitsOf = (s: string): string => s.replace(/\D/g, '');

// Every pattern is bounded and free of nested quantifiers: linear on adversarial input.
const EMAIL_RE =
  /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;
const CARD_RE = /(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)/g;
const IBAN_RE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
const IPV4_RE =
  /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.])/g;
const IPV6_RE =
  /(?<![\w:])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\w:])|(?<![\w:])(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}:){0,5}[0-9a-fA-F]{1,4}(?![\w:])/g;
const SECRET_PREFIX_RE =
  /\b(?:sk-[A-Za-z0-9_-]{20,}|sk_(?:live|test)_[A-Za-z0-9]{16,}|AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35})\b|-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----/g;
const TOKEN_RE = /[A-Za-z0-9+/_=-]{24,200}/g;
const NRIC_RE = /\b[STFGM]\d{7}[A-Z]\b/gi;
const MYKAD_RE = /(?<!\d)\d{6}-?\d{2}-?\d{4}(?!\d)/g;
const TH_ID_RE = /(?<!\d)\d[ -]?\d{4}[ -]?\d{5}[ -]?\d{2}[ -]?\d(?!\d)/g;
const NIK_RE = /(?<!\d)\d{16}(?!\d)/g;
// Philippines: PhilSys (PSN 16 digits, shown 4-4-4-4), SSS (2-7-1), TIN (3-3-3[-3..5]), UMID CRN (4-7-1).
const PH_RE =
  /(?<!\d)(?:\d{4}-\d{4}-\d{4}-\d{4}|\d{2}-\d{7}-\d|\d{3}-\d{3}-\d{3}(?:-\d{3,5})?|\d{4}-\d{7}-\d)(?!\d)/g;
const PHONE_CANDIDATE_RE = /(?<![\w+])\+?\(?\d[\d ().-]{6,18}\d(?!\w)/g;

function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) fn(m);
}

/**
 * Finds personal data in text. Structured ids must pass their checksum or structure check;
 * phone numbers must be valid for one of `regions` (or carry a +country code).
 */
export function detectPii(
  text: string,
  kinds: ReadonlySet<PiiKind>,
  regions: readonly string[],
): PiiMatch[] {
  const out: PiiMatch[] = [];
  const taken: [number, number][] = [];
  const add = (kind: PiiKind, start: number, raw: string, key: string): void => {
    const end = start + raw.length;
    if (taken.some(([a, b]) => start < b && end > a)) return;
    taken.push([start, end]);
    out.push({ kind, start, end, text: raw, key: `${kind}:${key}` });
  };
  if (kinds.has('secret')) each(SECRET_PREFIX_RE, text, (m) => add('secret', m.index, m[0], m[0]));
  if (kinds.has('email'))
    each(EMAIL_RE, text, (m) => add('email', m.index, m[0], m[0].toLowerCase()));
  if (kinds.has('iban'))
    each(
      IBAN_RE,
      text,
      (m) => ibanValid(m[0]) && add('iban', m.index, m[0], m[0].replace(/\s/g, '')),
    );
  if (kinds.has('sg_nric'))
    each(
      NRIC_RE,
      text,
      (m) => nricValid(m[0]) && add('sg_nric', m.index, m[0], m[0].toUpperCase()),
    );
  if (kinds.has('card'))
    each(CARD_RE, text, (m) => {
      const d = digitsOf(m[0]);
      if (d.length >= 13 && d.length <= 19 && luhnValid(d) && !/^(\d)\1+$/.test(d))
        add('card', m.index, m[0], d);
    });
  if (kinds.has('th_id'))
    each(
      TH_ID_RE,
      text,
      (m) => thaiIdValid(digitsOf(m[0])) && add('th_id', m.index, m[0], digitsOf(m[0])),
    );
  // NIK has no checksum and an undashed MyKad is just 12 digits: without a label nearby they
  // would flag order numbers, so they need one (or, for MyKad, its dashed layout).
  if (kinds.has('id_nik'))
    each(
      NIK_RE,
      text,
      (m) =>
        nikValid(m[0]) &&
        labelled(text, m.index, NIK_LABEL_RE) &&
        add('id_nik', m.index, m[0], m[0]),
    );
  if (kinds.has('my_mykad'))
    each(
      MYKAD_RE,
      text,
      (m) =>
        myKadValid(digitsOf(m[0])) &&
        (/^\d{6}-\d{2}-\d{4}$/.test(m[0]) || labelled(text, m.index, MYKAD_LABEL_RE)) &&
        add('my_mykad', m.index, m[0], digitsOf(m[0])),
    );
  if (kinds.has('ph_id')) each(PH_RE, text, (m) => add('ph_id', m.index, m[0], digitsOf(m[0])));
  if (kinds.has('ip')) {
    each(IPV4_RE, text, (m) => add('ip', m.index, m[0], m[0]));
    each(IPV6_RE, text, (m) => add('ip', m.index, m[0], m[0].toLowerCase()));
  }
  if (kinds.has('phone'))
    each(PHONE_CANDIDATE_RE, text, (m) => {
      const e164 = validPhone(m[0], regions);
      if (e164) add('phone', m.index, m[0], e164);
    });
  if (kinds.has('secret'))
    each(TOKEN_RE, text, (m) => looksLikeSecret(m[0]) && add('secret', m.index, m[0], m[0]));
  return out.sort((a, b) => a.start - b.start);
}

const NIK_LABEL_RE = /\b(?:NIK|KTP|nomor induk|no\.? induk)\b/i;
const MYKAD_LABEL_RE = /\b(?:IC|MyKad|NRIC|kad pengenalan|no\.? k\/p)\b/i;

function labelled(text: string, at: number, label: RegExp): boolean {
  return label.test(text.slice(Math.max(0, at - 40), at));
}

function validPhone(candidate: string, regions: readonly string[]): string | null {
  const digits = digitsOf(candidate);
  if (digits.length < 7 || digits.length > 15) return null;
  const tries = candidate.trim().startsWith('+') ? ['ZZ'] : regions;
  const util = phoneUtil();
  for (const region of tries) {
    try {
      const n = util.parse(candidate, region);
      if (util.isValidNumber(n)) return `+${n.getCountryCode()}${n.getNationalNumber()}`;
    } catch {
      // not a number for this region
    }
  }
  return null;
}

/** A long token mixing letters and digits with high entropy: an API key, a password hash, a token. */
function looksLikeSecret(token: string): boolean {
  if (!/[0-9]/.test(token) || !/[A-Za-z]/.test(token)) return false;
  if (/^[a-z]+$/i.test(token.replace(/[-_]/g, ''))) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(token)).length;
  return classes >= 2 && entropy(token) >= (classes === 3 ? 4.0 : 3.5);
}
