const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * True for a well-formed BCP 47 tag whose language is one ICU knows (en, ms, id, th, tl, zh-Hant,
 * …); false for "xx" or "english". A known language without a variant falls back, flagged; an
 * unknown one is the caller's mistake.
 */
export function isKnownLanguage(tag: string): boolean {
  if (typeof tag !== 'string' || tag.length === 0 || tag.length > 35) return false;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return names.of(canonical.split('-')[0]) !== undefined;
  } catch {
    return false;
  }
}

/** The variant for `asked`: the exact tag, else its primary language (en-GB → en), else none. */
export function variantFor(asked: string, variants: readonly string[]): string | null {
  const lower = asked.toLowerCase();
  const exact = variants.find((v) => v.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split('-')[0];
  return variants.find((v) => v.toLowerCase() === primary) ?? null;
}
