import 'reflect-metadata';
import { CreateSubmissionDto } from '@arbiter/contracts';
import { plainToInstance } from 'class-transformer';
import {
  getMetadataStorage,
  IsInt,
  IsString,
  Max,
  validate,
  ValidationError,
  ValidatorOptions,
} from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata.cache';

class Base {
  @IsString()
  name!: string;
}

class Child extends Base {
  @IsInt()
  @Max(10, { groups: ['strict'] })
  size!: number;
}

const OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
};

/** Property → constraint names, recursively: what a client is told. */
function summary(errors: ValidationError[]): unknown {
  return errors.map((e) => [
    e.property,
    Object.keys(e.constraints ?? {}).sort(),
    summary(e.children ?? []),
  ]);
}

const cases: [string, new () => object, Record<string, unknown>, ValidatorOptions][] = [
  ['valid child', Child, { name: 'a', size: 3 }, OPTIONS],
  [
    'inherited and own rules broken, unknown field',
    Child,
    { name: 1, size: 'x', extra: true },
    OPTIONS,
  ],
  ['a group selects its rules', Child, { name: 'a', size: 11 }, { ...OPTIONS, groups: ['strict'] }],
  ['the same body without the group', Child, { name: 'a', size: 11 }, OPTIONS],
  [
    'nested submission body',
    CreateSubmissionDto,
    { pipeline: 'p', input: { context: [{ text: 5 }] }, output: {} },
    OPTIONS,
  ],
];

describe('memoizeValidationMetadata', () => {
  const storage = getMetadataStorage();
  const run = async (
    type: new () => object,
    body: Record<string, unknown>,
    options: ValidatorOptions,
  ) => summary(await validate(plainToInstance(type, body), options));

  it('gives exactly the errors class-validator gives without it, and then serves lookups from the cache', async () => {
    const before = await Promise.all(
      cases.map(([, type, body, options]) => run(type, body, options)),
    );
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).not.toBe(first);

    memoizeValidationMetadata(storage);
    for (let round = 0; round < 2; round++) {
      const after = await Promise.all(
        cases.map(([, type, body, options]) => run(type, body, options)),
      );
      cases.forEach(([name], i) => expect([name, after[i]]).toEqual([name, before[i]]));
    }
    const cached = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(cached);
    expect(storage.groupByPropertyName(cached)).toBe(storage.groupByPropertyName(cached));
    expect(storage.getTargetValidationMetadatas(Child, '', false, false, ['strict'])).not.toBe(
      cached,
    );
  });

  it('forgets what it knew when a class gains rules after the cache was filled', async () => {
    memoizeValidationMetadata(storage);
    expect(await run(Child, { name: 'a', size: 3, late: 5 }, OPTIONS)).toEqual([
      ['late', ['whitelistValidation'], []],
    ]);
    IsString()(Base.prototype, 'late');
    expect(await run(Child, { name: 'a', size: 3, late: 5 }, OPTIONS)).toEqual([
      ['late', ['isString'], []],
    ]);
    expect(await run(Base, { name: 'a', late: 'ok' }, OPTIONS)).toEqual([]);
  });
});
