import type { Analysis } from '../engine/analysis';
import type { ContextIndex } from '../engine/context-index';
import { negates } from '../text/negators.util';
import { isContent } from '../text/stopwords.util';
import type { Token } from '../text/tokens.util';
import { glossStems } from './name-variants.util';
import { cutClaims, type ClaimCut } from './short-claims.util';

/** A claim that makes optional what its passage requires, or the reverse. */
export interface ModalityFlip {
  text: string;
  start: number;
  end: number;
}

// What a rule says must be done, in English, Malay and Tagalog ("must", "wajib", "kailangan").
// "Dapat" is left out: Tagalog "should", Malay "get".
const OBLIGED = new Set(
  `must required require requires mandatory compulsory obligatory need needs needed
wajib mesti diwajibkan dikehendaki perlu diperlukan kailangan kinakailangan`.split(/\s+/),
);
// What says it need not be: "optional", "opsyonal", "unnecessary".
const OPTIONAL = new Set('optional opsyonal unnecessary'.split(' '));
// An "if" before "need" makes it the reader's wish, not a rule ("if you need a receipt").
const CONDITIONS = new Set('if kalau jika sekiranya kung kapag'.split(' '));
// How far before the obligation its negation may stand: "not required", "does not need to",
// "tidak perlu", "hindi na kailangan".
const NEGATION_REACH = 3;

type Modality = 'required' | 'optional';

/**
 * Whether the tokens say "not optional" ("not optional", "hindi opsyonal", "never optional"): a
 * requirement in two words, whose "not" is of "optional", not of the rule. The negation checks
 * leave such a claim to modalityFlips, which reads it as required.
 */
export function negatesOptional(tokens: readonly Token[]): boolean {
  return tokens.some(
    (t, i) =>
      OPTIONAL.has(t.norm) &&
      tokens.slice(Math.max(0, i - NEGATION_REACH), i).some((b) => negates(b.norm)),
  );
}

// Clauses: a comma, semicolon or colon ends one, and so does "but" ("tak wajib, but recommended").
const CLAUSES: ClaimCut = {
  breaks: /[,;:.!?()]/,
  joiners: new Set(['but', 'tetapi', 'tapi', 'pero', 'however', 'although', 'though']),
};

/**
 * What a clause says of obligation: required, optional (a negated obligation), or nothing. A
 * negated "optional" ("not optional", "never optional") is a requirement, and "need not" a
 * negated need.
 */
function modalityOf(tokens: readonly Token[]): Modality | null {
  let found: Modality | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i].norm;
    const before = tokens.slice(Math.max(0, i - NEGATION_REACH), i);
    const negated = before.some((t) => negates(t.norm));
    if (OPTIONAL.has(norm)) return negated ? 'required' : 'optional';
    const obliged =
      OBLIGED.has(norm) || (/^(?:have|has)$/.test(norm) && tokens[i + 1]?.norm === 'to');
    if (!obliged) continue;
    if (norm.startsWith('need') && before.some((t) => CONDITIONS.has(t.norm))) continue;
    if (negated || (/^needs?$/.test(norm) && tokens[i + 1]?.norm === 'not')) return 'optional';
    found = 'required';
  }
  return found;
}

/** The words a clause is about: its content words but for those of obligation and negation. */
function topicOf(tokens: readonly Token[]): Token[] {
  return tokens.filter(
    (t) =>
      isContent(t.norm) &&
      !/\d/.test(t.norm) &&
      !OBLIGED.has(t.norm) &&
      !OPTIONAL.has(t.norm) &&
      !negates(t.norm),
  );
}

interface ContextClause {
  stems: Set<string>;
  modality: Modality | null;
}

function contextClauses(index: ContextIndex): ContextClause[] {
  return index.sentences.flatMap((s) =>
    cutClaims(s.text, s.tokens, CLAUSES).map((tokens) => ({
      stems: new Set(tokens.map((t) => t.stem)),
      modality: modalityOf(tokens),
    })),
  );
}

/**
 * Claims of a short answer that turn a rule of the passage the other way: "Vaccination tak wajib"
 * where the passage says "All pets must have up-to-date vaccinations", "Proof is optional" where
 * it is required, "You must book" where booking is not required. The claim is compared with the
 * passage clauses sharing most of its topic words (by stem, or a Malay or Tagalog word by its
 * gloss); it is flagged when those that speak of obligation all say the opposite and none agrees.
 */
export function modalityFlips(analysis: Analysis, index: ContextIndex): ModalityFlip[] {
  let clauses: ContextClause[] | null = null;
  const out: ModalityFlip[] = [];
  for (const claim of cutClaims(analysis.text, analysis.tokens, CLAUSES)) {
    const modality = modalityOf(claim);
    if (!modality) continue;
    const topic = topicOf(claim);
    if (!topic.length) continue;
    clauses ??= contextClauses(index);
    const shared = (c: ContextClause): number =>
      topic.filter(
        (t) => c.stems.has(t.stem) || [...glossStems(t.norm)].some((g) => c.stems.has(g)),
      ).length;
    const most = Math.max(0, ...clauses.map(shared));
    if (!most) continue;
    const said = clauses.filter((c) => shared(c) === most && c.modality).map((c) => c.modality);
    if (said.length && said.every((m) => m !== modality)) {
      const start = claim[0].start;
      const end = claim[claim.length - 1].end;
      out.push({ text: analysis.text.slice(start, end), start, end });
    }
  }
  return out;
}
