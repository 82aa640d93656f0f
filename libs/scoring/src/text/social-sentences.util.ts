import { negates } from './negators.util';
import { isContent } from './stopwords.util';
import type { Token } from './tokens.util';

/**
 * Words of the courtesy around a support answer, in English, Malay and Tagalog: greetings,
 * thanks, apologies, offers of more help, good wishes and forms of address ("Hi there!",
 * "Terima kasih!", "Anything else we can help with?", "Ingat po!"). They claim nothing a passage
 * could hold, so a sentence made only of them is no claim to check.
 */
const SOCIAL = new Set(
  `hi hello hey dear greetings good morning afternoon evening thanks thank welcome glad happy
hope helps helped help assist anything else further questions question feel free reach contact
hesitate sorry hear apologies apologise apologize regards best wishes cheers bye goodbye take care
nice great enjoy trip stay safe see soon day sir madam maam
hai helo halo salam selamat terima kasih sama-sama maaf mohon harap membantu bantu dibantu
apa apa-apa soalan pertanyaan lain semoga berjaya jumpa encik puan cik tuan segan silu
kumusta magandang umaga hapon gabi salamat maraming walang anuman pasensya paumanhin sana
nakatulong tulong matulungan ingat`.split(/\s+/),
);

/**
 * A yes to the question ("Yes!", "Boleh, tuan.", "Opo, pwede po!"): skipped like courtesy, as the
 * "Yes," that opens a sentence is. Whether the passages say yes is not checked either way; the
 * claims after it are. A "No." is not skipped: it says "not", and nothing here checks it.
 */
const YES = new Set(
  'yes yeah yep yup sure certainly absolutely course ok okay noted ya ye boleh baik opo oo pwede puwede sige'.split(
    ' ',
  ),
);

/**
 * Whether a sentence is courtesy only: each of its content words is a courtesy word or a yes, it
 * has one of them, and no figure or negation.
 */
export function isSocialSentence(tokens: readonly Token[]): boolean {
  let social = 0;
  for (const t of tokens) {
    if (/\d/.test(t.norm) || negates(t.norm)) return false;
    if (SOCIAL.has(t.norm) || YES.has(t.norm)) social++;
    else if (isContent(t.norm)) return false;
  }
  return social > 0;
}
