import { computeSignals } from '../engine/score-output';
import { malayRoot } from './malay-affixes';

describe('Malay roots', () => {
  it.each<[string, string | null]>([
    ['keluarkan', 'keluar'],
    ['pengeluaran', 'keluar'],
    ['pembayaran', 'bayar'],
    ['menukar', 'tukar'],
    // neighbours: English words with a Malay-looking prefix, and bare roots
    ['became', null],
    ['perform', null],
    ['terrain', null],
    ['keluar', null],
  ])('%s → %s', (word, root) => {
    expect(malayRoot(word)).toBe(root);
  });

  it('lets grounding find one form of a root against another', () => {
    const unsupported = (text: string): string[] => {
      const [s] = computeSignals(
        {
          input: { context: [{ id: 'kb', text: 'Had pengeluaran ATM ialah RM1,500 sehari.' }] },
          output: { text },
        },
        { signals: { grounding: { weight: 1 } } },
      );
      return (s.output.evidence as { sentences: { unsupported: string[] }[] }).sentences[0]
        .unsupported;
    };
    expect(unsupported('Anda boleh keluarkan RM1,500 sehari.')).not.toContain('keluarkan');
    expect(unsupported('Anda boleh masukkan RM1,500 sehari.')).toContain('masukkan');
    // A root written bare is found too; a word with no gloss is no root of the window's.
    expect(unsupported('Anda boleh keluar RM1,500 sehari.')).not.toContain('keluar');
    expect(unsupported('Anda boleh bayar RM1,500 sehari.')).toContain('bayar');
  });
});
