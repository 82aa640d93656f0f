// Opposites in Malay, Indonesian and Tagalog that neither WordNet (English only) nor the
// glosses plus polarity.lexicon's English poles reach: a support answer that says "opens" where
// the passage says "closes" ("nagbubukas" / "magsasara"), "free" where it says "charged"
// ("percuma" / "berbayar"), "before" where it says "after". Written for Arbiter by the team from
// everyday usage (no third-party list), each line `word word…|word word…`: every word of the left
// group is opposed to every word of the right one. Inflected forms are listed as written
// (Malay di-/me-, Tagalog mag-/nag-/-in-), like gloss.lexicon.
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
`;

let map: Map<string, string[]> | undefined;

function oppositesMap(): Map<string, string[]> {
  if (map) return map;
  map = new Map();
  for (const line of PAIRS.split('\n')) {
    const sides = line.split('|').map((s) => s.split(/\s+/).filter(Boolean));
    if (sides.length !== 2) continue;
    const [a, b] = sides;
    for (const [from, to] of [
      [a, b],
      [b, a],
    ])
      for (const w of from) map.set(w, [...(map.get(w) ?? []), ...to]);
  }
  return map;
}

/** The words a Malay, Indonesian or Tagalog word is opposed to (empty when none is listed). */
export function localOppositesOf(word: string): readonly string[] {
  return oppositesMap().get(word) ?? [];
}
