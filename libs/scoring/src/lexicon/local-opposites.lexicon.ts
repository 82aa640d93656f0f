// Opposites in Malay, Indonesian and Tagalog that neither WordNet (English only) nor the
// glosses plus polarity.lexicon's English poles reach: a support answer that says "opens" where
// the passage says "closes" ("nagbubukas" / "magsasara"), "free" where it says "charged"
// ("percuma" / "berbayar"), "before" where it says "after". Written for Arbiter by the team from
// everyday usage (no third-party list), each line `word word…|word word…`: every word of the left
// group is opposed to every word of the right one. Inflected forms are listed as written
// (Malay di-/me-, Tagalog mag-/nag-/-in-), like gloss.lexicon. Two words joined by `+` are a
// phrase: Tagalog says "paid" with "may" ("has") before the noun ("may bayad", "has a fee"),
// where Malay has one word ("berbayar"), and "free" as "libre" or "walang bayad" ("no fee").
// English verbs borrowed whole after a Tagalog affix ("mag-upgrade", "mag-downgrade", the hyphen
// parting them) are listed too: neither WordNet's pairs nor polarity.lexicon reach this one.
const PAIRS = `
buka dibuka membuka dibukakan|tutup ditutup menutup
percuma gratis|berbayar
awal|lewat terlambat
sebelum|selepas sesudah setelah
masuk|keluar
naik|turun
tinggi|rendah
mahal|murah
maksimum|minimum
diterima|ditolak
lulus|gagal
pertama|terakhir
dibenarkan dibolehkan|dilarang
bukas nagbubukas magbubukas bubuksan binubuksan|sarado nagsasara magsasara isasara sinasara
maaga|huli
mataas|mababa
mahal|mura
pasok papasok|labas lalabas
una|huli
puwede pwede|bawal
libre walang+bayad walang+singil|may+bayad may+singil
upgrade upgraded|downgrade downgraded
`;

let map: Map<string, string[]> | undefined;
/** The first words of the listed phrases ("may", "walang"): a pair is looked up only after one. */
let phraseHeads: Set<string> | undefined;

function oppositesMap(): Map<string, string[]> {
  if (map) return map;
  map = new Map();
  phraseHeads = new Set();
  for (const line of PAIRS.split('\n')) {
    const sides = line.split('|').map((s) =>
      s
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => w.replace('+', ' ')),
    );
    if (sides.length !== 2) continue;
    const [a, b] = sides;
    for (const [from, to] of [
      [a, b],
      [b, a],
    ])
      for (const w of from) map.set(w, [...(map.get(w) ?? []), ...to]);
    for (const w of [...a, ...b]) if (w.includes(' ')) phraseHeads.add(w.split(' ')[0]);
  }
  return map;
}

/**
 * The words a Malay, Indonesian or Tagalog word, or a listed two-word phrase ("may bayad"), is
 * opposed to (empty when none is listed).
 */
export function localOppositesOf(word: string): readonly string[] {
  return oppositesMap().get(word) ?? [];
}

/** The listed phrases ("may bayad") among the adjacent words of `norms`, in order. */
export function localPhrasesIn(norms: readonly string[]): string[] {
  const opposites = oppositesMap();
  const heads = phraseHeads as Set<string>;
  const out: string[] = [];
  for (let i = 1; i < norms.length; i++) {
    // Every context sentence is read for phrases: most pairs start with no listed first word.
    if (!heads.has(norms[i - 1])) continue;
    const phrase = `${norms[i - 1]} ${norms[i]}`;
    if (opposites.has(phrase)) out.push(phrase);
  }
  return out;
}
