import { Injectable } from '@nestjs/common';
import { AuditEntryRepository } from './audit-entry.repository';
import { auditFilterOf, AuditFilter, AuditQuery, AuditScope } from './audit-filter';
import { AuditIntentRepository } from './audit-intent.repository';
import { entryViewOf, pendingExportLineOf } from './audit-views';

/** What an export holds besides the log's entries. */
export interface AuditExportOptions {
  /** The calls in flight too, each a line with status `pending`. */
  includePending?: boolean;
}

// An export reads in pages of this many, so its memory does not grow with the log.
const EXPORT_BATCH = 1000;

/** A page of rows with the keyset position its last row ends on. */
interface Paged {
  id: string;
  atExact: string;
}

/**
 * The audit log written out as JSON Lines, newest first, a page of lines at a time: the log can
 * hold more than one string can (a fuzz run's 400,000 entries made the joined export fail with
 * "Invalid string length").
 *
 * With the calls in flight, those come first: each will be appended after every entry there is,
 * so they are the newest. They are read before the entries, so a call answered while the export
 * runs is in it once, as it stood when the export began (pending), never twice and never missed:
 * its entry, under the same id, is skipped here and is in the next export. Unlike the paged list,
 * an export is one pass with no cursor, so intents and entries can share it.
 */
@Injectable()
export class ExportAuditLog {
  constructor(
    private readonly entries: AuditEntryRepository,
    private readonly intents: AuditIntentRepository,
  ) {}

  /** The lines of the export; the filter is checked here, so a bad one is refused before any byte is sent. */
  execute(
    query: AuditQuery,
    scope: AuditScope = null,
    options: AuditExportOptions = {},
  ): AsyncIterable<string> {
    return this.lines(auditFilterOf(query, scope), options.includePending === true);
  }

  private async *lines(filter: AuditFilter, includePending: boolean): AsyncIterable<string> {
    const exportedPending = new Set<string>();
    if (includePending)
      for await (const rows of pages((after) =>
        this.intents.pending({ ...filter, after }, EXPORT_BATCH),
      )) {
        for (const row of rows) exportedPending.add(row.id);
        yield rows.map((row) => line(pendingExportLineOf(row))).join('');
      }
    for await (const rows of pages((after) =>
      this.entries.page({ ...filter, after }, EXPORT_BATCH),
    )) {
      const shown = rows.filter((row) => !exportedPending.has(row.id));
      if (shown.length) yield shown.map((row) => line(entryViewOf(row))).join('');
    }
  }
}

/** Every non-empty page of a keyset read, newest first, until a page comes back short. */
async function* pages<T extends Paged>(
  read: (after?: { at: string; id: string }) => Promise<T[]>,
): AsyncIterable<T[]> {
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const rows = await read(after);
    if (rows.length) yield rows;
    if (rows.length < EXPORT_BATCH) return;
    const last = rows[rows.length - 1];
    after = { at: last.atExact, id: last.id };
  }
}

function line(view: unknown): string {
  return `${JSON.stringify(view)}\n`;
}
