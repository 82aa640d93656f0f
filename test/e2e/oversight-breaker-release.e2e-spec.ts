import { AutomationBreaker } from '@arbiter/oversight';
import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy } from '../support/fixtures';

/**
 * A breaker a lead forced open and then released (`state: auto`) stays open and is judged again:
 * its cool-down runs out and the maintenance sweep half-opens it, as for a breaker that opened on
 * evidence. Such a breaker was never tripped on evidence, so its row has no policy version.
 */
describe('oversight: a released forced-open breaker cools down', () => {
  let arbiter: ArbiterHarness;

  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
  });
  afterAll(async () => {
    await arbiter.stop();
  });

  it('half-opens after its cool-down once a lead releases it', async () => {
    await arbiter.reset();
    await arbiter.putPolicy(
      'support',
      policy({ breaker: { coolDown: '1s', halfOpenShare: 1, halfOpenAudits: 3 } }),
    );
    const admin = await arbiter.adminAccessToken();
    const put = (state: string, reason: string) =>
      arbiter.http.put<{ state: string; forced: unknown }>(
        '/v1/pipelines/support/breaker',
        { state, reason },
        { token: admin },
      );
    expect((await put('open', 'provider incident')).body).toMatchObject({ state: 'open' });
    expect((await put('auto', 'incident over')).body).toMatchObject({
      state: 'open',
      forced: null,
    });
    const breaker = arbiter.worker!.get(AutomationBreaker);
    await expectEventually(async () => {
      await breaker.sweep();
      const [row] = await arbiter.db.query(
        `SELECT b.state FROM pipeline_breakers b JOIN pipelines p ON p.id = b.pipeline_id WHERE p.key = 'support'`,
      );
      expect(row.state).toBe('half_open');
    }, 8_000);
  });
});
