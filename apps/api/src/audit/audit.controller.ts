import { Controller, Get, Header, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuditLog, ExportAuditLog, ListPendingAuditActions } from '@arbiter/audit';
import { CurrentUser, Roles, scopeOf, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import {
  AuditExportQueryDto,
  AuditPageQueryDto,
  AuditPageView,
  AuditPendingListView,
  AuditPendingQueryDto,
} from '@arbiter/contracts';
import { ApiContract } from '../common/api-contract.decorator';
import { AuditedExport } from './audited.decorator';

/**
 * The audit log, for admins: every administrative and lead action, newest first, and the calls
 * still in flight. A workspace's admins read its entries; a platform admin who names no workspace
 * reads every entry.
 */
@ApiTags('admin')
@UseGuards(UserAuthGuard)
@Roles('admin')
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly log: AuditLog,
    private readonly pendingActions: ListPendingAuditActions,
    private readonly exporter: ExportAuditLog,
  ) {}

  @Get()
  @ApiContract({
    id: 'listAuditEntries',
    summary: 'Administrative actions, newest first, by actor, action and time; paged',
    caller: 'user',
    ok: { 200: 'AuditPage' },
  })
  page(
    @CurrentUser() user: UserPrincipal,
    @Query() query: AuditPageQueryDto,
  ): Promise<AuditPageView> {
    const { cursor, limit, ...filter } = query;
    return this.log.page(filter, cursor, limit, scopeOf(user));
  }

  @Get('pending')
  @ApiContract({
    id: 'listPendingAuditActions',
    summary:
      'Audited calls announced but not answered yet (running, or their process stopped), newest first; until answered or recorded unconfirmed',
    caller: 'user',
    ok: { 200: 'AuditPendingList' },
  })
  pending(
    @CurrentUser() user: UserPrincipal,
    @Query() query: AuditPendingQueryDto,
  ): Promise<AuditPendingListView> {
    const { limit, ...filter } = query;
    return this.pendingActions.execute(filter, limit, scopeOf(user));
  }

  @Get('export')
  @ApiContract({
    id: 'exportAuditEntries',
    summary:
      'The matching entries as JSON Lines, newest first, and with includePending=true the calls in flight before them (the export is itself recorded)',
    caller: 'user',
    ok: {},
  })
  @ApiResponse({
    status: 200,
    description:
      'One AuditEntry per line. With includePending=true, first one line per call in flight, newest first: the fields of an AuditEntry with status `pending`, `at` when the call was announced and `after` null; its entry, once appended, has the same id (a call answered while the export is read is exported once, as pending)',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  // No content-type header here: a route's headers are set before its query is validated, so a
  // refusal's JSON problem went out labelled JSON Lines. The StreamableFile names its own type.
  @Header('cache-control', 'no-store')
  @AuditedExport('audit.export', 'audit')
  export(@CurrentUser() user: UserPrincipal, @Query() query: AuditExportQueryDto): StreamableFile {
    const { includePending, ...filter } = query;
    const lines = this.exporter.execute(filter, scopeOf(user), { includePending });
    return new StreamableFile(Readable.from(lines, { objectMode: false }), {
      type: 'application/x-ndjson; charset=utf-8',
    });
  }
}
