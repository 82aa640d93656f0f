import { expectEventually } from '@arbiter/testing';
import { Locator } from 'playwright-core';
import { ArbiterHarness } from '../../support/arbiter.harness';

export const PASSWORD = 'browser-pass-1';

/** Creates a user through the admin API, the way an admin would. */
export async function createUser(
  arbiter: ArbiterHarness,
  email: string,
  role: 'reviewer' | 'lead',
  queues: string[],
): Promise<string> {
  const res = await arbiter.http.post<{ id: string }>(
    '/v1/users',
    { email, password: PASSWORD, role, queues },
    { token: await arbiter.adminAccessToken() },
  );
  if (res.status !== 201)
    throw new Error(`create user ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Waits until the element's text matches (the page updates on its own: sockets, timers). */
export async function expectText(
  locator: Locator,
  expected: string | RegExp,
  timeoutMs = 10_000,
): Promise<void> {
  await expectEventually(async () => {
    const text = (await locator.textContent({ timeout: 1000 }))?.trim() ?? '';
    if (typeof expected === 'string') expect(text).toBe(expected);
    else expect(text).toMatch(expected);
  }, timeoutMs);
}
