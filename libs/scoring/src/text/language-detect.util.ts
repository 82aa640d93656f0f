// Per-sentence language identification without a model: the script decides for non-Latin
// text; for Latin text, counts of very frequent function words decide. Crude for long-tail
// languages, but good at the ones Arbiter's pipelines use (English, Malay/Indonesian, Tagalog,
// Thai, Vietnamese…) and, unlike a whole-text n-gram model, it sees code-switching.

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Lao}/u, 'lo'],
  [/\p{Script=Khmer}/u, 'km'],
  [/\p{Script=Myanmar}/u, 'my'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Bengali}/u, 'bn'],
];

const PROFILES: Record<string, string> = {
  en: 'the and is are was were to of in that it for you with on this have be not but what they can will would your i my we there about do does from has had been just',
  ms: 'yang dan di ini itu tidak dengan untuk ada saya kami kita akan dari dalam pada sudah boleh tak nak je lah kena macam sebab pun juga bila mana apa kenapa awak encik',
  tl: 'ang ng mga sa na ay si ako ko mo ka niya siya hindi po ba lang naman kasi pero din rin yung kung para may wala talaga ito iyan natin namin kayo',
  es: 'el la los las de que y en un una es por con para no se su al lo como más pero sus le ya o este sí porque esta',
  fr: 'le la les de des et est un une que qui dans pour pas sur au avec ce il elle ne se sont par plus mais nous vous',
  de: 'der die das und ist nicht ein eine zu den mit von sich des auf für im dem auch es an werden aus er sie',
  pt: 'o a os as de que e do da em um uma para com não uma os no na por mais se como mas foi ao ele ela você',
  it: 'il di che e la è per un una non in sono mi ho lo ma ci come si questo ha le gli della',
  nl: 'de het een en van is dat niet op te in voor met zijn er maar ook als bij ik je',
  vi: 'và của là có không được cho này những một các với người đã trong đến khi cũng như để thì tôi bạn',
};

// Which SCRIPTS a code point belongs to (bit i = SCRIPTS[i]), cached: one pass over a sentence
// instead of one regex scan per script. ASCII belongs to none of them.
const NON_ASCII_RE = /[\u0080-\uffff]/;
const scriptBits = new Map<number, number>();

function scriptsOf(cp: number): number {
  let bits = scriptBits.get(cp);
  if (bits === undefined) {
    bits = 0;
    const ch = String.fromCodePoint(cp);
    SCRIPTS.forEach(([re], i) => {
      if (re.test(ch)) bits = (bits as number) | (1 << i);
    });
    if (scriptBits.size < 50_000) scriptBits.set(cp, bits);
  }
  return bits;
}

/** Union of the SCRIPTS present in a text, as SCRIPTS[i].test(text) would say for each i. */
function scriptMask(text: string): number {
  if (!NON_ASCII_RE.test(text)) return 0;
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 128) continue;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + lo - 0xdc00 + 0x10000;
        i++;
      }
    }
    mask |= scriptsOf(cp);
  }
  return mask;
}

const lookup = new Map<string, string[]>();
for (const [lang, words] of Object.entries(PROFILES))
  for (const w of words.split(' ')) lookup.set(w, [...(lookup.get(w) ?? []), lang]);

/** Malay and Indonesian share most function words; a policy allowing one accepts the other. */
export const LANGUAGE_ALIASES: Record<string, string[]> = {
  ms: ['ms', 'id'],
  id: ['id', 'ms'],
  tl: ['tl', 'fil'],
  fil: ['fil', 'tl'],
};

/** Languages detected in one sentence: one, several (code-switching), or none when too short to tell. */
export function detectLanguages(sentence: string, words: string[]): string[] {
  const found = new Set<string>();
  const scripts = scriptMask(sentence);
  if (scripts !== 0)
    for (let i = 0; i < SCRIPTS.length; i++) if (scripts & (1 << i)) found.add(SCRIPTS[i][1]);
  if (found.has('ja')) found.delete('zh');
  const counts = new Map<string, number>();
  let latinWords = 0;
  for (const w of words) {
    if (!isLatinWord(w)) continue;
    latinWords++;
    for (const lang of lookup.get(w) ?? []) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!ranked.length) return [...found];
  // A few English brand words inside Thai text are not code-switching: demand real function words.
  const minHits = found.size ? 3 : latinWords >= 4 ? 2 : 1;
  const [topLang, top] = ranked[0];
  if (top >= minHits) found.add(topLang);
  for (const [lang, n] of ranked.slice(1))
    if (n >= Math.max(2, minHits) && n >= top * 0.34 && !sharesMost(lang, topLang)) found.add(lang);
  return [...found];
}

/** /^[a-zà-ỹ'’]+$/.test(word), without a regex run per word. */
function isLatinWord(word: string): boolean {
  if (!word) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 0xe0 && c <= 0x1ef9) || c === 0x27 || c === 0x2019))
      return false;
  }
  return true;
}

function sharesMost(a: string, b: string): boolean {
  return (
    (a === 'es' && b === 'pt') ||
    (a === 'pt' && b === 'es') ||
    (a === 'it' && b === 'es') ||
    (a === 'es' && b === 'it')
  );
}
