import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { readPolicy } from './policy.reader';

const PIPELINES_DIR = join(__dirname, '../../../pipelines');

describe('readPolicy', () => {
  it.each(readdirSync(PIPELINES_DIR).filter((f) => f.endsWith('.yaml')))(
    'pipelines/%s is a valid policy',
    (file) => {
      const result = readPolicy(readFileSync(join(PIPELINES_DIR, file), 'utf8'), 'yaml', {
        pipelineKey: file.replace(/\.yaml$/, ''),
      });
      expect(result.problems).toEqual([]);
    },
  );

  it('reads the demo policy as the README describes it', () => {
    const { policy } = readPolicy(readFileSync(join(PIPELINES_DIR, 'demo.yaml'), 'utf8'), 'yaml');
    expect(policy).toMatchObject({
      pipeline: 'demo',
      signals: {
        grounding: { weight: 1 },
        numbers: { weight: 1 },
        entities: { weight: 1 },
        contradiction: { weight: 1 },
        relevance: { weight: 1 },
        citations: { weight: 1 },
        selfConsistency: { weight: 1 },
        logprob: { weight: 1 },
      },
      validators: [
        { type: 'pii', allowFromInput: true, onFail: 'human' },
        {
          type: 'phrases',
          deny: ['fraudulent claim', 'guaranteed approval'],
          suggest: 'claim not covered by policy',
          onFail: 'human',
        },
        { type: 'length', min: 2, max: 4000, onFail: 'flag' },
      ],
      thresholds: { autoApprove: 0.85, aiReview: 0.5 },
      review: { queue: 'demo', priority: 5, sla: '30m' },
    });
  });

  it.each([
    ['yaml syntax', 'pipeline: [demo', 'yaml', ''],
    ['json syntax', '{"pipeline": }', 'json', ''],
    ['structure', 'pipeline: demo\n', 'yaml', 'thresholds'],
    [
      'semantics',
      '{"pipeline":"demo","thresholds":{"autoApprove":0.5,"aiReview":0.9}}',
      'json',
      'thresholds.aiReview',
    ],
  ] as const)('stops at the first failing stage: %s', (_name, text, format, path) => {
    const result = readPolicy(text, format);
    expect(result.policy).toBeUndefined();
    expect(result.problems.map((p) => p.path)).toEqual([path]);
  });
});
