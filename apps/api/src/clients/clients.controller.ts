import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ClientAdmin,
  CurrentUser,
  homeOf,
  Roles,
  scopeOf,
  UserAuthGuard,
  UserPrincipal,
} from '@arbiter/auth';
import {
  ApiKeyView,
  ClientQuotaDto,
  ClientView,
  CreateApiKeyDto,
  CreateClientDto,
  CreatedApiKey,
} from '@arbiter/contracts';
import { uuidParam } from '../common/uuid-param.pipe';
import { ApiContract } from '../common/api-contract.decorator';
import { Audited } from '../audit/audited.decorator';
import { InWorkspace } from '../workspaces/in-workspace.decorator';

/**
 * Admins register submitting services and issue their API keys (shown once, stored hashed),
 * each within their workspace.
 */
@ApiTags('admin')
@UseGuards(UserAuthGuard)
@Roles('admin')
@Controller('v1')
export class ClientsController {
  constructor(private readonly admin: ClientAdmin) {}

  /** Sets a client's rate (requests per second per API key; null = the configured default), on every replica within 30 s. */
  @Put('clients/:id/quota')
  @Audited('client.quota', 'client', 'id')
  @InWorkspace('client', 'id')
  @ApiContract({
    id: 'setClientQuota',
    summary: "Set a client's requests per second per API key",
    caller: 'user',
    body: true,
    ok: { 200: 'ClientQuota' },
    errors: [404],
  })
  setQuota(
    @Param('id', uuidParam) id: string,
    @Body() body: ClientQuotaDto,
  ): Promise<{ clientId: string; requestsPerSecond: number | null }> {
    return this.admin.setQuota(id, body.requestsPerSecond);
  }

  @Get('clients')
  @ApiContract({
    id: 'listClients',
    summary: 'Every submitting service',
    caller: 'user',
    ok: { 200: { type: 'array', items: { $ref: '#/components/schemas/ClientView' } } },
  })
  clients(@CurrentUser() user: UserPrincipal): Promise<ClientView[]> {
    return this.admin.clients(scopeOf(user));
  }

  @Post('clients')
  @Audited('client.create', 'client')
  @ApiContract({
    id: 'createClient',
    summary: 'Register a submitting service',
    caller: 'user',
    body: true,
    ok: { 201: 'ClientView' },
  })
  createClient(
    @CurrentUser() user: UserPrincipal,
    @Body() body: CreateClientDto,
  ): Promise<ClientView> {
    return this.admin.createClient(body, homeOf(user));
  }

  @Get('api-keys')
  @ApiContract({
    id: 'listApiKeys',
    summary: 'Every API key (never the key itself)',
    caller: 'user',
    ok: { 200: { type: 'array', items: { $ref: '#/components/schemas/ApiKeyView' } } },
  })
  keys(@CurrentUser() user: UserPrincipal): Promise<ApiKeyView[]> {
    return this.admin.keys(scopeOf(user));
  }

  @Post('api-keys')
  @Audited('api-key.create', 'api-key')
  @ApiContract({
    id: 'createApiKey',
    summary: 'Issue an API key (shown once)',
    caller: 'user',
    body: true,
    ok: { 201: 'CreatedApiKey' },
    errors: [404],
  })
  createKey(
    @CurrentUser() user: UserPrincipal,
    @Body() body: CreateApiKeyDto,
  ): Promise<CreatedApiKey> {
    return this.admin.createKey(body, scopeOf(user));
  }

  @Delete('api-keys/:id')
  @Audited('api-key.revoke', 'api-key', 'id')
  @InWorkspace('api-key', 'id')
  @ApiContract({
    id: 'revokeApiKey',
    summary: 'Revoke an API key',
    caller: 'user',
    ok: { 200: 'Revoked' },
    errors: [404],
  })
  @HttpCode(200)
  revoke(@Param('id', uuidParam) id: string): Promise<{ revoked: true }> {
    return this.admin.revoke(id);
  }
}
