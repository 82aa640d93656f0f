import type { Analysis } from '../engine/analysis';

// The speaker talking about themself ("I love skiing", "my favourite"): no document can
// support that, whatever words it shares with the reply. English, Malay/Indonesian, Tagalog.
// Not "mine": far more often the noun ("a coal mine") than the speaker's possessive.
const FIRST_PERSON = new Set([
  'i',
  'me',
  'my',
  'myself',
  "i'm",
  "i've",
  "i'd",
  "i'll",
  'im',
  'ive',
  'saya',
  'aku',
  'ako',
  'ko',
  'akin',
]);

export interface Unattributable {
  /** Share of sentences in the speaker's own voice (first person singular). */
  personalShare: number;
  /** Share of sentences that ask instead of state. */
  questionShare: number;
  sentences: { start: number; end: number; kind: 'personal' | 'question' }[];
}

/**
 * Sentences that make no claim about the source: the speaker's own experience or opinion, and
 * questions. A chat reply can copy half the document and still be "I think so too, do you?".
 */
export function unattributable(analysis: Analysis): Unattributable {
  let counted = 0;
  let personal = 0;
  let questions = 0;
  const sentences: Unattributable['sentences'] = [];
  for (const s of analysis.sentences) {
    if (!s.tokens.length) continue;
    counted++;
    if (/\?["'”’)\]]*$/.test(s.text)) {
      questions++;
      sentences.push({ start: s.start, end: s.end, kind: 'question' });
    } else if (s.tokens.some((t) => FIRST_PERSON.has(t.norm))) {
      personal++;
      sentences.push({ start: s.start, end: s.end, kind: 'personal' });
    }
  }
  return counted
    ? {
        personalShare: personal / counted,
        questionShare: questions / counted,
        sentences,
      }
    : { personalShare: 0, questionShare: 0, sentences };
}
