import { OidcConfig } from '@arbiter/config';
import { createLocalJWKSet, exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { AuthChange } from '../auth-change';
import { AuthInvalidations } from '../auth-invalidations.service';
import { AuthErrorCode } from '../auth.errors';
import { SessionRepository } from '../session.repository';
import { BackchannelLogout } from './backchannel-logout.use-case';
import { BACKCHANNEL_LOGOUT_EVENT } from './logout-token.verifier';
import { OidcClient } from './oidc-client.service';
import { SsoSession, SsoSessionRepository } from './sso-session.repository';
import { SsoStateStore } from './sso-state.store';

const SETTINGS = { issuer: 'https://idp.test', clientId: 'arbiter' } as OidcConfig;

/** BackchannelLogout over in-memory ports: sessions in an array, jtis in a Set. */
async function setup() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), alg: 'ES256' }] });
  const sso: SsoSession[] = [
    { familyId: 'f1', userId: 'u-rita', issuer: SETTINGS.issuer, subject: 'rita', sid: 's1' },
    { familyId: 'f2', userId: 'u-rita', issuer: SETTINGS.issuer, subject: 'rita', sid: 's2' },
    { familyId: 'f3', userId: 'u-leo', issuer: SETTINGS.issuer, subject: 'leo', sid: 's3' },
  ];
  const revoked: string[] = [];
  const forgotten: string[] = [];
  const seen = new Set<string>();
  const marked: string[] = [];
  let failRevocation = false;
  let keysFetched = 0;
  const useCase = new BackchannelLogout(
    {
      settings: SETTINGS,
      keys: async () => (keysFetched++, keys),
    } as unknown as OidcClient,
    {
      firstUseOfLogoutToken: async (_iss: string, jti: string) =>
        !seen.has(jti) && Boolean(seen.add(jti)),
      forgetLogoutToken: async (_iss: string, jti: string) => void seen.delete(jti),
      markProviderLogout: async (_iss: string, ended: { sid: string | null; sub: string | null }) =>
        void marked.push(ended.sid ?? `sub:${ended.sub}`),
    } as unknown as SsoStateStore,
    {
      ofProviderSession: async (issuer: string, sid: string, subject: string | null) =>
        sso.filter(
          (s) => s.issuer === issuer && s.sid === sid && (!subject || s.subject === subject),
        ),
      userOf: async (_issuer: string, subject: string) =>
        sso.find((s) => s.subject === subject)?.userId ?? null,
    } as unknown as SsoSessionRepository,
    {
      revokeFamilies: async (ids: string[]) => {
        if (failRevocation) throw new Error('connection terminated');
        revoked.push(...ids);
      },
      revokeAllOf: async (userId: string) => {
        const ids = sso.filter((s) => s.userId === userId).map((s) => s.familyId);
        revoked.push(...ids);
        return ids.length;
      },
    } as unknown as SessionRepository,
    {
      publish: async (change: AuthChange) => void forgotten.push(`${change.kind}:${change.id}`),
    } as unknown as AuthInvalidations,
  );
  const sign = (claims: Record<string, unknown>, key: KeyLike = privateKey) =>
    new SignJWT({ events: { [BACKCHANNEL_LOGOUT_EVENT]: {} }, ...claims })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(SETTINGS.issuer)
      .setAudience(SETTINGS.clientId)
      .setIssuedAt()
      .setJti(String(Math.random()))
      .sign(key);
  return {
    useCase,
    sign,
    revoked,
    forgotten,
    marked,
    failRevocation: (on: boolean) => (failRevocation = on),
    keysFetched: () => keysFetched,
  };
}

describe('BackchannelLogout', () => {
  it('revokes by sid the sessions of that provider session, forgets their user, and marks the provider session ended for sign-ins in flight', async () => {
    const { useCase, sign, revoked, forgotten, marked } = await setup();
    expect(await useCase.run(await sign({ sid: 's1', sub: 'rita' }))).toEqual({
      revokedSessions: 1,
    });
    expect([revoked, forgotten, marked]).toEqual([['f1'], ['user:u-rita'], ['s1']]);
  });

  it('revokes by sid only the sessions of that subject when both are named', async () => {
    const { useCase, sign, revoked } = await setup();
    expect(await useCase.run(await sign({ sid: 's1', sub: 'leo' }))).toEqual({
      revokedSessions: 0,
    });
    expect(revoked).toEqual([]);
  });

  it('revokes by sub alone every session of the linked user; an unknown subject is nothing to do', async () => {
    const { useCase, sign, revoked, forgotten, marked } = await setup();
    expect(await useCase.run(await sign({ sub: 'rita' }))).toEqual({ revokedSessions: 2 });
    expect([revoked, forgotten]).toEqual([['f1', 'f2'], ['user:u-rita']]);
    expect(marked).toEqual(['sub:rita']);
    expect(await useCase.run(await sign({ sub: 'nobody' }))).toEqual({ revokedSessions: 0 });
  });

  it('refuses a missing token, and a foreign issuer before fetching any key', async () => {
    const { useCase, keysFetched } = await setup();
    await expect(useCase.run(undefined)).rejects.toMatchObject({
      code: AuthErrorCode.SsoLogoutTokenInvalid,
    });
    const foreign = await new SignJWT({ sub: 'rita' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://evil.test')
      .sign(new Uint8Array(32));
    await expect(useCase.run(foreign)).rejects.toMatchObject({
      code: AuthErrorCode.SsoLogoutTokenInvalid,
      message: expect.stringMatching(/issuer "https:\/\/evil.test" is not the configured/),
    });
    await expect(useCase.run('not a jwt')).rejects.toMatchObject({
      message: expect.stringMatching(/not a JWT/),
    });
    expect(keysFetched()).toBe(0);
  });

  it('refuses a replayed jti, but lets the provider retry a token whose revocation failed', async () => {
    const { useCase, sign, revoked, failRevocation } = await setup();
    const token = await sign({ sid: 's3' });
    failRevocation(true);
    await expect(useCase.run(token)).rejects.toThrow(/connection terminated/);
    failRevocation(false);
    expect(await useCase.run(token)).toEqual({ revokedSessions: 1 });
    expect(revoked).toEqual(['f3']);
    await expect(useCase.run(token)).rejects.toMatchObject({
      code: AuthErrorCode.SsoLogoutTokenInvalid,
      message: expect.stringMatching(/jti ".+" was already used/),
    });
  });
});
