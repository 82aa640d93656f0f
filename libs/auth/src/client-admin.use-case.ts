import { Injectable } from '@nestjs/common';
import {
  ApiKeyView,
  ClientView,
  CreateApiKeyDto,
  CreateClientDto,
  CreatedApiKey,
} from '@arbiter/contracts';
import { ApiKeyEntity, ClientEntity } from '@arbiter/persistence';
import { randomUUID } from 'node:crypto';
import { AccountRepository } from './account.repository';
import { AuthInvalidations } from './auth-invalidations.service';
import { AuthError, AuthErrorCode } from './auth.errors';
import { ClientQuota } from './client-quota.service';
import { generateApiKey } from './secrets';

const keyView = (k: ApiKeyEntity): ApiKeyView => ({
  id: k.id,
  clientId: k.clientId,
  name: k.name,
  prefix: k.keyPrefix,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
});
const clientView = (c: ClientEntity): ClientView => ({
  id: c.id,
  name: c.name,
  allowedPipelines: c.allowedPipelines,
  createdAt: c.createdAt.toISOString(),
});

/** Admins register submitting services, set their rate, and issue their API keys (shown once, stored hashed). */
@Injectable()
export class ClientAdmin {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly invalidations: AuthInvalidations,
    private readonly quota: ClientQuota,
  ) {}

  /** A client's rate (requests per second per API key; null = the configured default), on every replica within 30 s. */
  async setQuota(
    clientId: string,
    requestsPerSecond: number | null,
  ): Promise<{ clientId: string; requestsPerSecond: number | null }> {
    if (!(await this.quota.setRate(clientId, requestsPerSecond)))
      throw new AuthError(AuthErrorCode.ClientNotFound, `Client ${clientId} not found`);
    return { clientId, requestsPerSecond };
  }

  /** A client with its own rate, as the audit log records it; null when there is no such client. */
  async client(id: string): Promise<(ClientView & { requestsPerSecond: number | null }) | null> {
    const client = await this.accounts.findClient(id);
    return client
      ? { ...clientView(client), requestsPerSecond: await this.quota.rateOf(id) }
      : null;
  }

  /** An API key (never its secret), as the audit log records it; null when there is none. */
  async key(id: string): Promise<ApiKeyView | null> {
    return (await this.keys()).find((k) => k.id === id) ?? null;
  }

  /** Clients of a workspace (null: of every workspace). */
  async clients(workspaceId: string | null = null): Promise<ClientView[]> {
    return (await this.accounts.listClients(workspaceId)).map(clientView);
  }

  /** Registers a client in a workspace: its keys, webhooks and submissions are of that workspace. */
  async createClient(body: CreateClientDto, workspaceId: string): Promise<ClientView> {
    const id = randomUUID();
    await this.accounts.createClient({
      id,
      name: body.name,
      allowedPipelines: body.allowedPipelines ?? null,
      workspaceId,
    });
    return clientView((await this.accounts.findClient(id))!);
  }

  /** API keys of a workspace's clients (null: of every workspace). */
  async keys(workspaceId: string | null = null): Promise<ApiKeyView[]> {
    return (await this.accounts.listApiKeys(workspaceId)).map(keyView);
  }

  /** Issues a key for a client of the workspace (null: any); another workspace's client is unknown. */
  async createKey(
    body: CreateApiKeyDto,
    workspaceId: string | null = null,
  ): Promise<CreatedApiKey> {
    const client = await this.accounts.findClient(body.clientId);
    if (!client || (workspaceId !== null && client.workspaceId !== workspaceId))
      throw new AuthError(AuthErrorCode.ClientNotFound, `Client ${body.clientId} not found`);
    const generated = generateApiKey();
    const id = randomUUID();
    await this.accounts.createApiKey({
      id,
      clientId: body.clientId,
      name: body.name,
      keyPrefix: generated.prefix,
      keyHash: generated.hash,
    });
    const stored = (await this.accounts.listApiKeys()).find((k) => k.id === id)!;
    return { ...keyView(stored), key: generated.key };
  }

  /** A revoked key stops working on every replica at once. */
  async revoke(keyId: string): Promise<{ revoked: true }> {
    if (!(await this.accounts.revokeApiKey(keyId)))
      throw new AuthError(AuthErrorCode.ApiKeyNotFound, `Live API key ${keyId} not found`);
    await this.invalidations.publish({ kind: 'apiKey', id: keyId });
    return { revoked: true };
  }
}
