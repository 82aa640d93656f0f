import { extractQuantities, quantityMatches } from './numbers.util';
import {
  extractLocalNumberWords,
  extractLocalOrdinals,
  parseLocalNumberWords,
} from './number-words.util';

const figures = (text: string): [string, number][] =>
  extractQuantities(text).map((q) => [q.text, q.value]);

describe('Malay and Tagalog number words', () => {
  it.each<[string, [string, number][]]>([
    ['dalam tempoh lima hari bekerja', [['lima', 5]]],
    // Tagalog linker -ng after a vowel, -g after n, 't for "at" (and)
    ['sa loob ng tatlumpung araw', [['tatlumpung', 30]]],
    ["dalawampu't lima piso", [["dalawampu't lima", 25]]],
    ['dalawang daang piso', [['dalawang daang', 200]]],
    [
      'labing-isa at labindalawa',
      [
        ['labing-isa', 11],
        ['labindalawa', 12],
      ],
    ],
    [
      'dua puluh lima, dua belas, seribu lima ratus',
      [
        ['dua puluh lima', 25],
        ['dua belas', 12],
        ['seribu lima ratus', 1500],
      ],
    ],
    // neighbours: a capitalised "Lima" is the city, a scale word alone or "one" alone no figure
    ['Lima is the capital of Peru', []],
    ['ribu-ribu orang datang', []],
    ['isa sa mga tao', []],
    ['kedua-dua kad, satu-satu, dua-dua', []],
  ])('%s', (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  it('parses runs and rejects a scale without a unit', () => {
    expect(parseLocalNumberWords(['tiga', 'puluh', 'lima'])).toBe(35);
    expect(parseLocalNumberWords(['dua', 'ratus', 'lima', 'puluh'])).toBe(250);
    expect(parseLocalNumberWords(['puluh'])).toBeNull();
    expect(parseLocalNumberWords(['labing'])).toBeNull();
  });

  it('matches the digits it stands for, and not another figure', () => {
    const [lima] = extractQuantities('lima hari bekerja');
    expect(quantityMatches(lima, extractQuantities('5 hari bekerja')[0])).toBe(true);
    expect(quantityMatches(lima, extractQuantities('7 hari bekerja')[0])).toBe(false);
  });
});

describe('durations across units', () => {
  const match = (a: string, b: string): boolean =>
    quantityMatches(extractQuantities(a)[0], extractQuantities(b)[0]);
  it.each<[string, string, boolean]>([
    ['for one week', 'valid sa loob ng 7 araw', true],
    ['isang oras bago umalis', '60 minuto bago', true],
    ['dalam masa sejam', '60 minit', true],
    ['a 24-hour hotline', 'open 1440 minutes a day', true],
    ['open around the clock', 'our 24-hour hotline', true],
    ['open round-the-clock', 'open for 12 hours', false],
    ['dalam masa setengah jam', 'within 30 minutes', true],
    ['kalahating oras bago', '1 oras bago', false],
    ['in a fortnight', 'within 14 days', true],
    ['in two fortnights', 'within 14 days', false],
    // neighbours: another length, and working days, which are no calendar week
    ['for one week', 'valid for 30 days', false],
    ['5 hari bekerja', 'seminggu', false],
    ['7 working days', '1 week', false],
  ])('%s ~ %s', (a, b, same) => {
    expect(match(a, b)).toBe(same);
  });

  it('reads "one" as a figure only before a time unit other than a day', () => {
    expect(figures('for one week')).toEqual([['one', 1]]);
    expect(figures('One day I went there, one of them')).toEqual([]);
  });

  it('reads Malay "sehari" as one day only after a "within" word', () => {
    expect(match('disambung semula dalam tempoh sehari', 'dalam masa 24 jam')).toBe(true);
    expect(match('disambung semula dalam masa sehari', 'dalam masa 3 hari bekerja')).toBe(false);
    expect(figures('20 sen sehari per buku, sehari-hari')).toEqual([['20', 20]]);
  });

  it('reads a Malay se- unit after a figure as a rate', () => {
    expect(figures('RM1,500 sehari, dua kali seminggu')).toEqual([
      ['1,500', 1500],
      ['dua', 2],
    ]);
  });
});

describe('"first" as an adverb of order', () => {
  it.each<[string, string[]]>([
    ['lock your card in the app first, then ring us', []],
    ['First, call the hotline', []],
    ['at first it was slow', []],
    // neighbours: ranks stay figures
    ['the first payment is due', ['first']],
    ['The Hunchback of Notre Dame was released first.', ['first']],
    ['the first and second of March', ['first', 'second']],
  ])('%s', (text, expected) => {
    expect(extractQuantities(text).map((q) => q.text)).toEqual(expected);
  });
});

describe('Malay and Tagalog month names', () => {
  const dates = (text: string): (string | undefined)[] =>
    extractQuantities(text).map((q) => q.date);
  it.each<[string, (string | undefined)[]]>([
    ['mula 15 hanggang 30 Nobyembre', [undefined, '*-11-30']],
    ['bermula 12 Mac 2025', ['2025-03-12']],
    ['Setyembre 5', ['*-09-05']],
    // neighbours: the same words without a day are no dates
    ['Mac users at the Mayo Clinic', []],
  ])('%s', (text, expected) => {
    expect(dates(text)).toEqual(expected);
  });
});

describe('Malay and Tagalog ordinals', () => {
  it.each<[string, [string, number][]]>([
    [
      'Kali kedua RM100 dan kali ketiga RM300',
      [
        ['kedua', 2],
        ['100', 100],
        ['ketiga', 3],
        ['300', 300],
      ],
    ],
    [
      'ang ikalawang palapag, unang bayad',
      [
        ['ikalawang', 2],
        ['unang', 1],
      ],
    ],
    // neighbours: "kedua-dua" is "both", "una sa lahat" is "first of all"
    ['kedua-dua kad', []],
    ['Una sa lahat, tumawag', []],
  ])('%s', (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });
});

describe('Tagalog units with the linker -ng', () => {
  const match = (a: string, b: string): boolean =>
    quantityMatches(extractQuantities(a)[0], extractQuantities(b)[0]);
  it.each<[string, string, boolean]>([
    ['kapag may dalawang taong lock-in', 'pipili ng 24-month lock-in', true],
    ['isang linggong palugit', 'within 7 days', true],
    ['anim na buwang kontrata', 'a 6-month contract', true],
    // neighbours: another length
    ['kapag may tatlong taong lock-in', 'pipili ng 24-month lock-in', false],
    ['dalawang buwang lock-in', 'pipili ng 24-month lock-in', false],
  ])('%s ~ %s', (a, b, same) => {
    expect(match(a, b)).toBe(same);
  });

  it('takes a lone "isang taong" for a person, not the figure 1', () => {
    expect(figures('May isang taong tumawag kahapon')).toEqual([]);
    expect(figures('isang linggo lang')).toEqual([['isang', 1]]);
  });
});

describe('Spanish-derived Tagalog numbers', () => {
  it.each<[string, [string, number][]]>([
    ['Bente porsyento po ang bawas', [['Bente', 20]]],
    ['bente singko pesos', [['bente singko', 25]]],
    ["trenta'y singko na minuto", [["trenta'y singko", 35]]],
    ['alas singko ng hapon', [['singko', 5]]],
    // neighbours: the left-out words that are English ones, and a capitalised native "Lima"
    ["the dos and don'ts, a dose of tres", []],
    ['Lima is the capital of Peru', []],
  ])('%s', (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  it('matches the digits it stands for, and not another figure', () => {
    const [bente] = extractQuantities('Bente porsyento po ang bawas');
    expect(quantityMatches(bente, extractQuantities('May 20% discount')[0])).toBe(true);
    expect(quantityMatches(bente, extractQuantities('May 30% discount')[0])).toBe(false);
  });
});

describe('number words read at given starts', () => {
  const everyPosition = (text: string): number[] => Array.from(text, (_, i) => i);
  it.each([
    'dua puluh lima, labing-isa, dalawampu’t lima',
    'kali ketiga, ikalawang palapag, una sa lahat',
    'Lima, kedua-dua, 5 ribu',
  ])('finds what a search of the whole text finds: %s', (text) => {
    const starts = everyPosition(text);
    expect(extractLocalNumberWords(text, starts)).toEqual(extractLocalNumberWords(text));
    expect(extractLocalOrdinals(text, starts)).toEqual(extractLocalOrdinals(text));
  });

  it('finds nothing where no start is given', () => {
    expect(extractLocalNumberWords('dua puluh lima', [])).toEqual([]);
    expect(extractLocalOrdinals('kali ketiga', [])).toEqual([]);
  });
});
