import { glossOf } from './gloss.lexicon';

// Malay builds words from a root with prefixes and suffixes: "keluar" (go out), "keluarkan"
// (take out), "pengeluaran" (withdrawal); "bayar", "dibayar", "pembayaran". A reply and its
// source often use two forms of one root (ms-bank-atm: "boleh keluarkan RM1,500" against "had
// pengeluaran RM1,500"), which a light English stemmer cannot see. The nasal prefixes replace
// the root's first consonant (meN-/peN-: k, p, t, s drop), which the candidates restore.

/** Prefix → the letters it may have replaced at the start of the root ('' = none). */
const PREFIXES: [string, string[]][] = [
  ['meng', ['', 'k']],
  ['peng', ['', 'k']],
  ['meny', ['s']],
  ['peny', ['s']],
  ['mem', ['', 'p']],
  ['pem', ['', 'p']],
  ['men', ['', 't']],
  ['pen', ['', 't']],
  ['me', ['']],
  ['pe', ['']],
  ['ber', ['']],
  ['be', ['']],
  ['ter', ['']],
  ['per', ['']],
  ['di', ['']],
  ['ke', ['']],
  ['se', ['']],
  ['', ['']],
];
const SUFFIXES = ['kan', 'an', 'i', 'nya', ''];
const MIN_ROOT = 4;
const cache = new Map<string, string | null>();

/**
 * The root of an affixed Malay word, when that root is a word of the gloss lexicon (so an
 * English word that merely starts with "be" or "per", "became" or "perform", has none):
 * "keluarkan" → "keluar", "pengeluaran" → "keluar", "pembayaran" → "bayar"; null otherwise.
 */
export function malayRoot(norm: string): string | null {
  const hit = cache.get(norm);
  if (hit !== undefined) return hit;
  let root: string | null = null;
  if (/^[a-z]+$/.test(norm))
    outer: for (const suffix of SUFFIXES) {
      if (!norm.endsWith(suffix)) continue;
      const stem = norm.slice(0, norm.length - suffix.length);
      for (const [prefix, restores] of PREFIXES) {
        if (!stem.startsWith(prefix) || (!prefix && !suffix)) continue;
        for (const r of restores) {
          const candidate = r + stem.slice(prefix.length);
          if (candidate.length >= MIN_ROOT && glossOf(candidate).length) {
            root = candidate;
            break outer;
          }
        }
      }
    }
  if (cache.size < 50_000) cache.set(norm, root);
  return root;
}
