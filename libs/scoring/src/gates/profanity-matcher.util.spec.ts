import { englishProfanityMatcher } from './profanity-matcher.util';

// The fast matcher must give obscenity's own answers, match for match.
const TEXTS = [
  '',
  'Thank you for your patience.',
  'this is shit',
  'what a b!tch',
  'sh1t happens, SH1T HAPPENS',
  'fuuuuck this and fuuuuuuuuuuck that',
  'Scunthorpe is a town; the assessment passed, the assassin passed the class',
  'the pen is mightier than the sword',
  'ａｓｓｈｏｌｅ and 🅰🆂🆂hole and 𝒔𝒉𝒊𝒕',
  'emoji 😀 before shit 😀 and after',
  'lone surrogate \ud83d then bitch \udc00 and dick',
  'Cockburn Street, Dickens and cocktails at the Analysis meeting',
  'nig ger n1gg3r faggot f4gg0t cunt c.u.n.t',
  'คุณมันโง่มาก fuck ไม่ shit',
  'b00bs b00000bs abbo abbbbo',
  // Whitelisted words around blacklisted ones (the whitelist is only read once a term matched).
  'an analysis of analogue anal data; the texan  al and trojan al, tetanus, Uranus and anus',
  'assess the asset: ass, assassin, class; kung-fu kung fu kung  fu, Dickens dickory dick',
  'aaa ass ssss asssss 45s 4ss a55 ass',
];

describe('fast profanity matcher', () => {
  const { matcher, fast } = englishProfanityMatcher();

  it('reads obscenity internals (else it silently falls back to the slow path)', () =>
    expect(fast.fast).toBe(true));

  it.each(TEXTS.map((t) => [t]))('same matches as obscenity: %s', (text) => {
    expect(fast.getAllMatches(text, true)).toEqual(matcher.getAllMatches(text, true));
    expect(fast.getAllMatches(text)).toEqual(matcher.getAllMatches(text));
    expect(fast.hasMatch(text)).toBe(matcher.hasMatch(text));
  });

  it('same matches on every eval-like mix of words and obfuscations', () => {
    const words = [
      'ass',
      'a$$',
      'pass',
      'grass',
      'sh!t',
      'shiitake',
      'tit',
      'title',
      'dick',
      'Dickens',
      'f*ck',
      'cum',
      'cucumber',
      'hell',
      'hello',
      '😀',
      'Ｆ',
      'ck',
      'analysis',
      'anal',
      'an al',
      'assess',
      'Uranus',
      'cockney',
      'cock',
    ];
    for (let seed = 1; seed < 300; seed++) {
      let x = seed;
      const parts: string[] = [];
      for (let i = 0; i < 12; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        parts.push(words[x % words.length]);
      }
      const text = parts.join(seed % 3 ? ' ' : '');
      expect(fast.getAllMatches(text, true)).toEqual(matcher.getAllMatches(text, true));
    }
  });
});
