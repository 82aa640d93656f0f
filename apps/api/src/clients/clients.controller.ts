import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiKeyPrincipals, ClientQuota, generateApiKey, Roles, UserAuthGuard } from '@arbiter/auth';
import { ApiKeyView, ClientQuotaDto, ClientView, CreateApiKeyDto, CreateClientDto, CreatedApiKey } from '@arbiter/contracts';
import { AccountRepository, ApiKeyEntity } from '@arbiter/persistence';
import { randomUUID } from 'node:crypto';
import { uuidParam } from '../common/uuid-param.pipe';
import { ApiContract } from '../common/api-contract.decorator';

function keyView(k: ApiKeyEntity): ApiKeyView {
  return { id: k.id, clientId: k.clientId, name: k.name, prefix: k.keyPrefix, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null };
}

/** Admins register submitting services and issue their API keys (shown once, stored hashed). */
@ApiTags('admin')
@UseGuards(UserAuthGuard)
@Roles('admin')
@Controller('v1')
export class ClientsController {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly principals: ApiKeyPrincipals,
    private readonly quota: ClientQuota,
  ) {}

  /** Sets a client's rate (requests per second per API key; null = the configured default), on every replica within 30 s. */
  @Put('clients/:id/quota')
  @ApiContract({ id: 'setClientQuota', summary: "Set a client's requests per second per API key", caller: 'user', body: true, ok: { 200: 'ClientQuota' }, errors: [404] })
  async setQuota(
    @Param('id', uuidParam) id: string,
    @Body() body: ClientQuotaDto,
  ): Promise<{ clientId: string; requestsPerSecond: number | null }> {
    if (!(await this.quota.setRate(id, body.requestsPerSecond))) throw new NotFoundException(`Client ${id} not found`);
    return { clientId: id, requestsPerSecond: body.requestsPerSecond };
  }

  @Get('clients')
  @ApiContract({ id: 'listClients', summary: 'Every submitting service', caller: 'user', ok: { 200: { type: 'array', items: { $ref: '#/components/schemas/ClientView' } } } })
  async clients(): Promise<ClientView[]> {
    return (await this.accounts.listClients()).map((c) => ({ id: c.id, name: c.name, allowedPipelines: c.allowedPipelines, createdAt: c.createdAt.toISOString() }));
  }

  @Post('clients')
  @ApiContract({ id: 'createClient', summary: 'Register a submitting service', caller: 'user', body: true, ok: { 201: 'ClientView' } })
  async createClient(@Body() body: CreateClientDto): Promise<ClientView> {
    const id = randomUUID();
    await this.accounts.createClient({ id, name: body.name, allowedPipelines: body.allowedPipelines ?? null });
    const client = (await this.accounts.findClient(id))!;
    return { id, name: client.name, allowedPipelines: client.allowedPipelines, createdAt: client.createdAt.toISOString() };
  }

  @Get('api-keys')
  @ApiContract({ id: 'listApiKeys', summary: 'Every API key (never the key itself)', caller: 'user', ok: { 200: { type: 'array', items: { $ref: '#/components/schemas/ApiKeyView' } } } })
  async keys(): Promise<ApiKeyView[]> {
    return (await this.accounts.listApiKeys()).map(keyView);
  }

  @Post('api-keys')
  @ApiContract({ id: 'createApiKey', summary: 'Issue an API key (shown once)', caller: 'user', body: true, ok: { 201: 'CreatedApiKey' }, errors: [404] })
  async createKey(@Body() body: CreateApiKeyDto): Promise<CreatedApiKey> {
    if (!(await this.accounts.findClient(body.clientId))) throw new NotFoundException(`Client ${body.clientId} not found`);
    const generated = generateApiKey();
    const id = randomUUID();
    await this.accounts.createApiKey({ id, clientId: body.clientId, name: body.name, keyPrefix: generated.prefix, keyHash: generated.hash });
    const stored = (await this.accounts.listApiKeys()).find((k) => k.id === id)!;
    return { ...keyView(stored), key: generated.key };
  }

  /** Revoked keys stop working on every replica within the key cache's lifetime (30 s). */
  @Delete('api-keys/:id')
  @ApiContract({ id: 'revokeApiKey', summary: 'Revoke an API key', caller: 'user', ok: { 200: 'Revoked' }, errors: [404] })
  @HttpCode(200)
  async revoke(@Param('id', uuidParam) id: string): Promise<{ revoked: true }> {
    if (!(await this.accounts.revokeApiKey(id))) throw new NotFoundException(`Live API key ${id} not found`);
    this.principals.forgetAll();
    return { revoked: true };
  }
}
