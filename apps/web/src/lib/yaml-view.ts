/**
 * A policy document as YAML, for reading and diffing (the api accepts YAML back). Plain data only:
 * objects, arrays, strings, numbers, booleans, null. Strings are quoted when YAML could misread them.
 */
const PLAIN = /^[A-Za-z_][\w ./-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~)$/i;

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string')
    return PLAIN.test(v) && !RESERVED.test(v) && !v.endsWith(' ') ? v : JSON.stringify(v);
  return String(v);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) =>
  (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (!isObject(item) && !Array.isArray(item)) return [`${indent}- ${scalar(item)}`];
      if (isEmpty(item)) return [`${indent}- ${Array.isArray(item) ? '[]' : '{}'}`];
      const inner = lines(item, `${indent}  `);
      return [`${indent}- ${inner[0]!.trimStart()}`, ...inner.slice(1)];
    });
  }
  if (isObject(value)) {
    return Object.entries(value).flatMap(([k, v]) => {
      const key = scalar(k);
      if (isEmpty(v)) return [`${indent}${key}: ${Array.isArray(v) ? '[]' : '{}'}`];
      if (isObject(v) || Array.isArray(v)) return [`${indent}${key}:`, ...lines(v, `${indent}  `)];
      return [`${indent}${key}: ${scalar(v)}`];
    });
  }
  return [`${indent}${scalar(value)}`];
}

export function toYaml(value: unknown): string {
  return `${lines(value, '').join('\n')}\n`;
}

export interface LineDiff {
  op: 'same' | 'add' | 'remove';
  text: string;
}

/** Line diff (LCS) of two short texts, such as two policy versions. */
export function lineDiff(before: string, after: string): LineDiff[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const out: LineDiff[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i++]! });
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) out.push({ op: 'remove', text: a[i++]! });
    else out.push({ op: 'add', text: b[j++]! });
  }
  while (i < a.length) out.push({ op: 'remove', text: a[i++]! });
  while (j < b.length) out.push({ op: 'add', text: b[j++]! });
  return out;
}
