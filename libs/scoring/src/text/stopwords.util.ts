// Function words that carry no claim: ignored when asking "is this word supported?".
// English plus the most common Malay/Indonesian and Tagalog function words, because
// code-switched replies should not look unsupported just for their particles.
const WORDS = `a an the and or but if then than so of to in on at by for with from as into onto over
under about after before between through during without within along across against among
is are was were be been being am do does did doing done have has had having will would shall
should can could may might must it its it's this that these those there here their theirs
they them he him his she her hers we us our ours you your yours i me my mine who whom whose
which what when where why how all any both each few more most other some such only own same
too very just also not no nor yes s t don't can't won't isn't aren't wasn't weren't
doesn't didn't hasn't haven't hadn't also well up down out off again further once
one ones get got gets getting like really think know say said says going go goes went
lot lots thing things something anything everything nothing way ways much many even still
yeah oh ok okay um uh hmm sure i'm you're it's that's there's they're we're i've i'd i'll
let's what's let make made please
dan atau yang di ke dari untuk dengan ini itu ada tidak bukan saya kami kita anda dia mereka
akan sudah belum juga pada dalam oleh sebagai adalah ialah nya lah kah pun je ke
jika kalau bila apabila tetapi tapi manakala serta bagi tu ni nak dah kat jer pula lagi
boleh kena mesti harus perlu asalkan dulu nanti dekat sedang telah masih sahaja hanya
ang ng mga sa na ay si ni kay at o hindi oo ako ikaw siya kami tayo kayo sila ito iyan iyon
po ba lang din rin naman pa kasi dahil ka mo ko niya namin natin ninyo nila kung kapag para
nang pero ngunit muna kahit basta kaya mong nito niyo yung yun dito doon diyan`;

/**
 * Currency codes, also when written against their figure ("RM85", "PHP500": the tokenizer splits
 * them off). The numbers check reads the amount; the code itself claims nothing the figure does
 * not, and "RM" for a passage's "ringgit" is no unsupported word.
 */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(
  'rm myr usd sgd php idr eur gbp aud hkd thb inr rp'.split(' '),
);

export const STOPWORDS: ReadonlySet<string> = new Set([
  ...WORDS.split(/\s+/).filter(Boolean),
  ...CURRENCY_CODES,
]);

/** Whether a lower-cased token is content (not a stopword, not a single character). */
export function isContent(norm: string): boolean {
  return norm.length > 1 && !STOPWORDS.has(norm);
}
