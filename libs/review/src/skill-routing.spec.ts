import { primaryLanguage, requiredSkills, skillAccess } from './skill-routing';

describe('primaryLanguage', () => {
  it.each([
    ['th', 'th'],
    ['th-TH', 'th'],
    ['TH', 'th'],
    ['zh_Hant', 'zh'],
    [' ms ', 'ms'],
    ['', null],
    ['english', null],
    ['1a', null],
    [undefined, null],
    [42, null],
  ])('%p → %p', (language, expected) => {
    expect(primaryLanguage(language)).toBe(expected);
  });
});

describe('requiredSkills', () => {
  const review = { skills: ['th', 'ms'] };
  it.each([
    ['a listed language', { language: 'th-TH' }, ['th']],
    ['another listed one', { language: 'ms' }, ['ms']],
    ['a language not listed', { language: 'en' }, []],
    ['no language', { prompt: 'x' }, []],
    ['no input', null, []],
  ])('%s', (_name, input, expected) => {
    expect(requiredSkills(review, input)).toEqual(expected);
  });

  it('needs nothing when the policy lists no skills', () => {
    expect(requiredSkills({}, { language: 'th' })).toEqual([]);
  });
});

describe('skillAccess', () => {
  const now = new Date('2026-12-06T02:00:00Z');
  it.each([
    ['a task that needs nothing', {}, [], 'skilled'],
    ['the skill held', { requiredSkills: ['th'] }, ['en', 'th'], 'skilled'],
    ['the skill held in capitals', { requiredSkills: ['th'] }, ['TH'], 'skilled'],
    ['the skill missing, no fallback', { requiredSkills: ['th'] }, ['en'], 'no'],
    [
      'the skill missing, fallback not yet due',
      { requiredSkills: ['th'], skillFallbackAt: '2026-12-06T02:00:01Z' },
      ['en'],
      'no',
    ],
    [
      'the skill missing, fallback due',
      { requiredSkills: ['th'], skillFallbackAt: '2026-12-06T02:00:00Z' },
      [],
      'fallback',
    ],
    ['a null fallback', { requiredSkills: ['th'], skillFallbackAt: null }, [], 'no'],
  ])('%s', (_name, job, skills, expected) => {
    expect(skillAccess(job, skills, now)).toBe(expected);
  });
});
