// Anonymized releases and their stored bundles: the statements that record one (in chunks a D1
// row can hold), decide it, and the reads behind listing, review and download.
import { and, asc, desc, eq, getTableColumns, gte, inArray, lt, sql } from 'drizzle-orm';
import { statement, statements, type Db, type Statement } from './db';
import { releaseChunks, releaseLedgerChunks, releases, stagedChunks, type ReleaseState } from './schema';

export type ReleaseRow = typeof releases.$inferSelect;
/** A release without its ledger (large, and read only when the next release is computed). */
export type ReleaseSummary = Omit<ReleaseRow, 'ledger'>;

const { ledger: _ledger, ...summaryColumns } = getTableColumns(releases);

export interface NewRelease {
  id: string;
  questionnaireId: string;
  countries: string[];
  parameters: Record<string, unknown>;
  snapshotHash: string;
  records: number;
  bundleSha256: string;
  bundleBytes: number;
  report: Record<string, unknown>;
  createdBy: string;
  createdAt: Date;
}

/** Chunks `from`, `from + 1`... of the bundle a computation (`upload`) is making, stored before its release exists. */
export function stageChunksStatements(db: Db, upload: string, from: number, chunks: readonly string[], at: Date): Statement[] {
  return statements(chunks.map((data, i) => db.insert(stagedChunks).values({ upload, n: from + i, data, createdAt: at })));
}

/** Forgets the chunks of computations that did not become a release. */
export function discardStagedStatement(db: Db, uploads: string[]): Statement {
  return statement(db.delete(stagedChunks).where(inArray(stagedChunks.upload, uploads)));
}

/** Forgets the chunks of computations staged before `before` (a process that stopped mid-release). */
export function discardStaleStagedStatement(db: Db, before: Date): Statement {
  return statement(db.delete(stagedChunks).where(lt(stagedChunks.createdAt, before)));
}

/**
 * The release as pending, numbered after the questionnaire's last, with the chunks its
 * computation staged moved in as its bundle (`upload.bundle`) and its ledger (`upload.ledger`).
 * A second pending release of the same questionnaire fails the unique index (the caller says 409).
 */
export function insertReleaseStatements(db: Db, r: NewRelease, upload: { bundle: string; ledger: string }): Statement[] {
  const moved = (table: typeof releaseChunks | typeof releaseLedgerChunks, from: string) =>
    db
      .insert(table)
      .select(
        sql`select ${r.id}, ${stagedChunks.n}, ${stagedChunks.data} from ${stagedChunks} where ${stagedChunks.upload} = ${from} order by ${stagedChunks.n}`,
      );
  return statements([
    db.insert(releases).values({
      ...r,
      ledger: '',
      state: 'pending',
      seq: sql`(select coalesce(max(${releases.seq}), 0) + 1 from ${releases} where ${releases.questionnaireId} = ${r.questionnaireId})`,
    }),
    moved(releaseChunks, upload.bundle),
    moved(releaseLedgerChunks, upload.ledger),
    db.delete(stagedChunks).where(inArray(stagedChunks.upload, [upload.bundle, upload.ledger])),
  ]);
}

/** Approves or discards a pending release; changes nothing (no row returned) when it is not pending. */
export function decideReleaseStatement(
  db: Db,
  id: string,
  state: Exclude<ReleaseState, 'pending'>,
  by: string,
  at: Date,
  note: string | null,
): Statement {
  return statement(
    db
      .update(releases)
      .set({ state, decidedBy: by, decidedAt: at, note })
      .where(and(eq(releases.id, id), eq(releases.state, 'pending')))
      .returning({ id: releases.id }),
    { id: releases.id },
  );
}

/** A discarded release keeps its record and report; its bundle is erased (never an approved one's). */
export function eraseBundleStatement(db: Db, id: string): Statement {
  return statement(
    db
      .delete(releaseChunks)
      .where(
        and(
          eq(releaseChunks.releaseId, id),
          sql`exists (select 1 from ${releases} where ${releases.id} = ${id} and ${releases.state} = 'discarded')`,
        ),
      ),
  );
}

export async function findRelease(db: Db, id: string): Promise<ReleaseSummary | undefined> {
  const rows = await db.select(summaryColumns).from(releases).where(eq(releases.id, id));
  return rows[0];
}

/** The releases of a questionnaire, newest first. */
export async function listReleases(db: Db, questionnaireId: string): Promise<ReleaseSummary[]> {
  return db.select(summaryColumns).from(releases).where(eq(releases.questionnaireId, questionnaireId)).orderBy(desc(releases.seq));
}

/** Stored chunks of a ledger read per query while a release reads it (384 KB of text). */
const LEDGER_READ = 4;

/**
 * The ledgers of the approved releases of a questionnaire, oldest first: each its chunks (gzip in
 * base64), read a few at a time as they are asked for, never all at once.
 */
export async function approvedLedgers(
  db: Db,
  questionnaireId: string,
  perRead = LEDGER_READ,
): Promise<Array<{ seq: number; chunks: AsyncIterable<string> }>> {
  const approved = await db
    .select({ id: releases.id, seq: releases.seq, inRow: sql<number>`length(${releases.ledger}) > 0` })
    .from(releases)
    .where(and(eq(releases.questionnaireId, questionnaireId), eq(releases.state, 'approved')))
    .orderBy(asc(releases.seq));
  return approved.map((r) => ({ seq: r.seq, chunks: r.inRow ? wholeLedger(db, r.id) : ledgerChunks(db, r.id, perRead) }));
}

/** A ledger recorded before ledgers were chunked: whole in its release's row. */
async function* wholeLedger(db: Db, id: string): AsyncGenerator<string> {
  const [row] = await db.select({ ledger: releases.ledger }).from(releases).where(eq(releases.id, id));
  if (row) yield row.ledger;
}

async function* ledgerChunks(db: Db, id: string, perRead: number): AsyncGenerator<string> {
  for (let from = 0; ; from += perRead) {
    const chunks = await storedChunks(db, releaseLedgerChunks, id, from, perRead);
    yield* chunks;
    if (chunks.length < perRead) return;
  }
}

/** A release's stored chunks (of its bundle or its ledger) `from` to `from + count - 1` that exist, in order (base64). */
async function storedChunks(
  db: Db,
  table: typeof releaseChunks | typeof releaseLedgerChunks,
  id: string,
  from: number,
  count: number,
): Promise<string[]> {
  const rows = await db
    .select({ data: table.data })
    .from(table)
    .where(and(eq(table.releaseId, id), gte(table.n, from), lt(table.n, from + count)))
    .orderBy(asc(table.n));
  return rows.map((r) => r.data);
}

/** The bundle's chunks `from` to `from + count - 1` that exist, in order (base64). */
export function releaseBundle(db: Db, id: string, from = 0, count = Number.MAX_SAFE_INTEGER): Promise<string[]> {
  return storedChunks(db, releaseChunks, id, from, count);
}
