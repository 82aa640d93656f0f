import { alertTargets } from './alerts.service';

describe('alertTargets', () => {
  const global = { webhookUrl: 'https://ops.example.com/a', slackUrl: null };
  it("sends to the global targets and the pipeline's own", () => {
    expect(
      alertTargets(global, {
        webhookUrl: 'https://shop.example.com/a',
        slackUrl: 'https://hooks.slack.com/services/T/B/x',
      }),
    ).toEqual([
      { kind: 'webhook', scope: 'global', url: 'https://ops.example.com/a' },
      { kind: 'webhook', scope: 'pipeline', url: 'https://shop.example.com/a' },
      { kind: 'slack', scope: 'pipeline', url: 'https://hooks.slack.com/services/T/B/x' },
    ]);
  });
  it('sends once to a URL named both ways, and to nothing when nothing is set', () => {
    expect(alertTargets(global, { webhookUrl: global.webhookUrl })).toEqual([
      { kind: 'webhook', scope: 'global', url: global.webhookUrl },
    ]);
    expect(alertTargets({ webhookUrl: null, slackUrl: null }, undefined)).toEqual([]);
  });
});
