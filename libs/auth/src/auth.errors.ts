import { DomainError } from '@arbiter/errors';

/** Why a caller was not let in, or an account change was refused. */
export enum AuthErrorCode {
  MissingCredentials = 'auth.missing_credentials',
  InvalidApiKey = 'auth.invalid_api_key',
  InvalidCredentials = 'auth.invalid_credentials',
  InvalidToken = 'auth.invalid_token',
  RoleRequired = 'auth.role_required',
  OverQuota = 'auth.over_quota',
  LoginThrottled = 'auth.login_throttled',
  UserExists = 'auth.user_exists',
  UserNotFound = 'auth.user_not_found',
  CannotDisableSelf = 'auth.cannot_disable_self',
  ClientNotFound = 'auth.client_not_found',
  ApiKeyNotFound = 'auth.api_key_not_found',
  LocalLoginDisabled = 'auth.local_login_disabled',
  /** A new user's password: needed while local logins are on, refused while they are off. */
  PasswordSetting = 'auth.password_setting',
  SsoNotConfigured = 'auth.oidc_not_configured',
  SsoStateInvalid = 'auth.oidc_state_invalid',
  SsoCodeRejected = 'auth.oidc_code_rejected',
  SsoTokenInvalid = 'auth.oidc_token_invalid',
  SsoNoRole = 'auth.oidc_no_role',
  SsoUserDisabled = 'auth.oidc_user_disabled',
  SsoProviderUnavailable = 'auth.oidc_provider_unavailable',
  SsoExchangeInvalid = 'auth.oidc_exchange_invalid',
  SsoEmailTaken = 'auth.oidc_email_taken',
  /** A back-channel logout token that fails a check of Back-Channel Logout 1.0 (or was replayed). */
  SsoLogoutTokenInvalid = 'auth.oidc_logout_token_invalid',
  /** A workspace the caller is not a member of, or none of that key (the same answer). */
  WorkspaceNotFound = 'auth.workspace_not_found',
  /** A signed-in person who is a member of no workspace. */
  NoWorkspace = 'auth.no_workspace',
  WorkspaceExists = 'auth.workspace_exists',
  /** A change only a platform admin may make (to a platform admin, or beyond one workspace). */
  PlatformAdminRequired = 'auth.platform_admin_required',
  /**
   * A pipeline key, prompt key or queue name another workspace uses: these names are unique
   * across workspaces (the name is shared knowledge, never the data behind it).
   */
  NameInOtherWorkspace = 'auth.name_in_other_workspace',
}

export class AuthError extends DomainError<AuthErrorCode> {}
