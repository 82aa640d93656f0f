import { Inject, Injectable, Logger } from '@nestjs/common';
import type { UserRole } from '@arbiter/persistence';
import { TokenPair } from '@arbiter/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AccountRepository } from '../account.repository';
import { AuthError, AuthErrorCode } from '../auth.errors';
import { AuthInvalidations } from '../auth-invalidations.service';
import { LoginThrottled } from '../login-throttle.service';
import { TokenService } from '../token.service';
import { verifyIdToken } from './id-token.verifier';
import { OidcClient } from './oidc-client.service';
import { SsoAccountRepository } from './sso-account.repository';
import { SsoSessionRepository } from './sso-session.repository';
import { grantsFor, groupsOf, SsoGrant, workspaceRolesOf } from './sso-grants';
import { WorkspaceRepository } from '../workspace.repository';
import { SsoStateStore } from './sso-state.store';
import { SSO_AUDIT, SsoAudit } from './sso-audit.port';

const secret = () => randomBytes(32).toString('base64url');
const WELL_FORMED = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Single sign-on with OpenID Connect, authorization code flow with PKCE: start sends the browser
 * to the provider; callback checks what comes back (state, code, ID token), maps the provider's
 * groups to a role, creates or updates the user and parks a one-time code for the web UI;
 * exchange trades that code for Arbiter's own session, the same tokens a password login gets
 * (so sign-out, revocation and disabling work the same), recorded under the provider's session
 * for back-channel logout.
 */
@Injectable()
export class SsoLogin {
  constructor(
    private readonly client: OidcClient,
    private readonly store: SsoStateStore,
    private readonly accounts: SsoAccountRepository,
    private readonly users: AccountRepository,
    private readonly tokens: TokenService,
    @Inject(SSO_AUDIT) private readonly audit: SsoAudit,
    private readonly workspaces: WorkspaceRepository,
    private readonly invalidations: AuthInvalidations,
    private readonly sessions: SsoSessionRepository,
  ) {}

  private readonly logger = new Logger(SsoLogin.name);

  /**
   * The workspace memberships the grants give, by workspace id. A grant naming a workspace that
   * does not exist (the role map is configuration, workspaces are data) gives nothing and is
   * logged for the operator.
   */
  private async membershipsFor(
    roles: Map<string, UserRole>,
  ): Promise<{ workspaceId: string; key: string; role: UserRole }[]> {
    const found: { workspaceId: string; key: string; role: UserRole }[] = [];
    for (const [key, role] of roles) {
      const workspace = await this.workspaces.findByKey(key);
      if (workspace) found.push({ workspaceId: workspace.id, key, role });
      else
        this.logger.warn(
          `ARBITER_OIDC_ROLE_MAP grants "${role}" in workspace "${key}", which does not exist`,
        );
    }
    return found;
  }

  /** The provider's authorization URL, and the state the browser must bring back. */
  async start(address: string): Promise<{ url: string; state: string }> {
    const state = secret();
    const nonce = secret();
    const verifier = secret();
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const url = await this.client.authorizationUrl({ state, nonce, challenge });
    const waitMs = await this.store.putLogin(state, { nonce, verifier }, address);
    if (waitMs > 0) throw new LoginThrottled(Math.ceil(waitMs / 1000));
    return { url, state };
  }

  /**
   * The provider's answer: a one-time code the web UI exchanges within a minute, and where to
   * send the browser. `browserState` is the state this browser's start left in its cookie.
   */
  async callback(q: {
    code?: string;
    state?: string;
    error?: string;
    browserState?: string;
    address?: string;
  }): Promise<{ redirect: string }> {
    const settings = this.client.settings;
    if (!q.state || !WELL_FORMED.test(q.state))
      throw new AuthError(AuthErrorCode.SsoStateInvalid, 'The callback has no valid state');
    // The state is spent whatever happens next: a replay finds nothing.
    const login = await this.store.takeLogin(q.state);
    if (!login)
      throw new AuthError(
        AuthErrorCode.SsoStateInvalid,
        'Unknown, expired or already used login state: start the sign-in again',
      );
    // Bound to the browser that started it: a callback link sent to someone else signs nobody in.
    if (q.browserState !== q.state)
      throw new AuthError(
        AuthErrorCode.SsoStateInvalid,
        'This sign-in was started in another browser: start it again here',
      );
    // The provider's own refusal (the person cancelled, or may not use this client).
    if (q.error)
      throw new AuthError(
        AuthErrorCode.SsoCodeRejected,
        `The provider refused the sign-in: ${q.error.slice(0, 100)}`,
      );
    if (!q.code) throw new AuthError(AuthErrorCode.SsoCodeRejected, 'The callback has no code');
    const idToken = await this.client.exchange(q.code, login.verifier);
    const claims = await verifyIdToken(idToken, {
      issuer: settings.issuer,
      audience: settings.clientId,
      nonce: login.nonce,
      keys: await this.client.keys(),
    });
    const email = typeof claims.email === 'string' ? claims.email : null;
    if (!email || !/^[^@\s]+@[^@\s]+$/.test(email))
      throw new AuthError(
        AuthErrorCode.SsoTokenInvalid,
        "The provider's ID token carries no email: add the email scope or claim",
      );
    const groups = groupsOf(claims, settings.groupsClaim);
    const grants = grantsFor(groups, settings.roleMap);
    const granted = workspaceRolesOf(grants);
    const memberships = await this.membershipsFor(granted.roles);
    if (!granted.platformAdmin && memberships.length === 0)
      throw new AuthError(
        AuthErrorCode.SsoNoRole,
        `None of your groups (${groups.join(', ') || `no "${settings.groupsClaim}" claim`}) is given a role in Arbiter: ask an admin`,
      );
    // Roles live in workspaces; the user's own role only says whether they are a platform admin.
    const role: UserRole = granted.platformAdmin ? 'admin' : 'reviewer';
    const { user } = await this.accounts.link(
      {
        issuer: settings.issuer,
        subject: claims.sub,
        email,
        emailVerified: claims.email_verified === true,
        role,
        memberships,
      },
      (tx, linked) =>
        this.audit.record(
          {
            actor: { id: linked.user.id, role },
            action: linked.roleBefore === null ? 'user.sso_create' : 'user.sso_role',
            target: { kind: 'user', id: linked.user.id },
            before:
              linked.roleBefore === null
                ? null
                : { role: linked.roleBefore, workspaces: linked.membershipsBefore },
            after: {
              email: linked.user.email,
              role,
              workspaces: Object.fromEntries(memberships.map((m) => [m.key, m.role])),
              groups,
              grants: grants as SsoGrant[],
            },
            reason: `single sign-on by ${settings.issuer}`,
            ip: q.address ?? null,
          },
          tx,
        ),
    );
    // The provider's groups may have changed the platform role (older tokens then stop) and the memberships.
    await this.invalidations.publish({ kind: 'user', id: user.id });
    await this.invalidations.publish({ kind: 'memberships', id: user.id });
    const code = secret();
    await this.store.putHandoff(code, {
      userId: user.id,
      role,
      email: user.email,
      provider: {
        issuer: settings.issuer,
        subject: claims.sub,
        sid: typeof claims.sid === 'string' && claims.sid !== '' ? claims.sid : null,
        issuedAt: claims.iat as number,
      },
    });
    // A fragment never reaches a server log or a Referer; the UI reads it and trades it at once.
    return { redirect: new URL(`/#sso=${code}`, settings.redirectUrl).toString() };
  }

  /** Where a person whose sign-in was refused is sent: the login page, which explains `code`. */
  failurePage(code: AuthErrorCode): string {
    // Only the code travels: text in the address could be written by whoever crafted the link.
    return new URL(
      `/#sso_error=${encodeURIComponent(code)}`,
      this.client.settings.redirectUrl,
    ).toString();
  }

  /** The session of a one-time code from the callback; spent on first use. */
  async exchange(code: string): Promise<TokenPair & { email: string }> {
    const handoff = WELL_FORMED.test(code) ? await this.store.takeHandoff(code) : null;
    if (!handoff)
      throw new AuthError(
        AuthErrorCode.SsoExchangeInvalid,
        'Unknown, expired or already used sign-in code: sign in again',
      );
    const user = await this.users.findUserById(handoff.userId);
    if (!user || user.disabledAt !== null)
      throw new AuthError(AuthErrorCode.SsoUserDisabled, 'This Arbiter account is disabled');
    const familyId = randomUUID();
    const provider = handoff.provider;
    if (!provider)
      return { ...(await this.tokens.issue(user.id, user.role, familyId)), email: user.email };
    const { issuedAt: _iat, ...session } = provider;
    await this.sessions.record({ familyId, userId: user.id, ...session });
    const tokens = await this.tokens.issue(user.id, user.role, familyId);
    // A back-channel logout that ran before the tokens existed revoked nothing; it left a mark,
    // read after they exist (a logout after this read finds them and revokes them itself).
    if (await this.store.loggedOutSince(provider)) {
      await this.tokens.logout(tokens.refreshToken);
      throw new AuthError(
        AuthErrorCode.SsoExchangeInvalid,
        'You were signed out at the provider meanwhile: sign in again',
      );
    }
    return { ...tokens, email: user.email };
  }
}
