const UNIT_MS: Record<string, number> = {
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
};

/** Units in the only order they may appear ("1h30m", never "30m1h"), so a typo cannot hide. */
const UNIT_ORDER = ['d', 'h', 'm', 's', 'ms'];

// `ms` before `m` in the alternation, or "500ms" would read as 500m + garbage.
const PART = /(\d+)(ms|d|h|m|s)\s*/y;

/**
 * Parses a duration such as "30s", "30m", "2h", "1d", "1h30m" or "500ms" (a plain integer is
 * milliseconds) into milliseconds; null when the text is not a duration.
 */
export function parseDuration(text: string): number | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return safe(Number(trimmed));

  let total = 0;
  let lastUnit = -1;
  PART.lastIndex = 0;
  while (PART.lastIndex < trimmed.length) {
    const match = PART.exec(trimmed);
    if (!match) return null;
    const unit = UNIT_ORDER.indexOf(match[2]);
    if (unit <= lastUnit) return null;
    lastUnit = unit;
    total += Number(match[1]) * UNIT_MS[match[2]];
  }
  return safe(total);
}

function safe(ms: number): number | null {
  return Number.isSafeInteger(ms) ? ms : null;
}
