// Hand-made opposition groups that WordNet's antonym pointers miss: "grew" and "declined" are
// not WordNet antonyms, yet swapping one for the other is the commonest factual edit in
// summaries of reports. Each entry pairs two poles; words are lemmas.
const GROUPS: [string, string][] = [
  [
    'increase rise grow gain climb improve expand surge jump boost accelerate raise strengthen soar advance up higher exceed outperform beat grew grown rose risen soared',
    'decrease fall decline drop shrink lose reduce cut slump plunge slow weaken contract down lower deteriorate worsen miss underperform sink slide dip fell fallen sank sunk shrank shrunk lost slid',
  ],
  [
    'positive strong good better best favorable robust solid healthy optimistic success successful profitable',
    'negative weak bad worse worst unfavorable poor soft disappointing pessimistic failure unsuccessful unprofitable',
  ],
  ['profit gain surplus growth', 'loss deficit shortfall contraction decline'],
  [
    'accept approve agree allow support confirm include permit win pass won',
    'reject refuse disagree deny oppose forbid exclude ban lose fail',
  ],
  ['start begin open launch enter began begun', 'end finish close stop exit'],
  [
    'above over more most maximum highest largest biggest',
    'below under less least minimum lowest smallest fewest',
  ],
  ['before earlier previous prior first', 'after later next subsequent last'],
  ['buy purchase acquire bought', 'sell divest dispose sold'],
  ['hire add', 'fire lay remove'],
  ['easy simple', 'difficult hard complex'],
  ['early', 'late'],
  ['high', 'low'],
  ['same similar', 'different'],
];

let poles: Map<string, number> | undefined;
let wordsByPole: string[][] | undefined;

function poleMap(): Map<string, number> {
  if (!poles) {
    const map = new Map<string, number>();
    const words: string[][] = [];
    GROUPS.forEach(([a, b], g) => {
      words.push([], []);
      for (const w of a.split(' ')) if (!map.has(w)) map.set(w, g * 2);
      for (const w of b.split(' ')) if (!map.has(w)) map.set(w, g * 2 + 1);
    });
    for (const [w, pole] of map) words[pole].push(w);
    [poles, wordsByPole] = [map, words];
  }
  return poles;
}

/** The pole of a lemma: group·2 + side, or undefined when it has none. */
export function polarityOf(lemmaWord: string): number | undefined {
  return poleMap().get(lemmaWord);
}

/** The lemmas of a pole. */
export function poleWords(pole: number): readonly string[] {
  poleMap();
  return wordsByPole?.[pole] ?? [];
}

/** The opposite pole of a pole. */
export function oppositePole(pole: number): number {
  return pole ^ 1;
}
