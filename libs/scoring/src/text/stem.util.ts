/**
 * A light English suffix stripper, truncated to 7 characters: cheap, deterministic, and good
 * enough for overlap (a Porter stemmer buys little here and costs a lot per token).
 */
export function computeStem(word: string): string {
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 4 && /^[a-z]+$/.test(w)) {
    if (w.endsWith('ies')) w = w.slice(0, -3) + 'y';
    else if (w.endsWith('sses')) w = w.slice(0, -2);
    else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
    else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
    else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
    else if (w.endsWith('es') && w.length > 4 && /(?:sh|ch|x|z|ss)es$/.test(w)) w = w.slice(0, -2);
    else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is'))
      w = w.slice(0, -1);
    if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  }
  if (w.length > 7) w = w.slice(0, 7);
  return w;
}
