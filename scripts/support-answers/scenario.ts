/** One support question with its knowledge passages, right answers and single-fact errors. */
export interface Scenario {
  /** Stable id; the records are `<id>-r<n>` (right) and `<id>-w<n>` (wrong). */
  id: string;
  lang: 'en' | 'ms' | 'tl' | 'en-ms';
  /** Who runs the bot: shop, bank, telco, clinic, government, airline, utility, courier… */
  domain: string;
  question: string;
  /** One to three knowledge passages, as a retrieval step would send them. */
  passages: string[];
  /** Correct answers: paraphrases of facts in the passages, short as a chat reply is. */
  right: string[];
  /** Answers with exactly one wrong fact, and which kind of fact. */
  wrong: [ErrorKind, string][];
}

export type ErrorKind = 'number' | 'date' | 'name' | 'negation' | 'antonym' | 'swap';
