// Each migration applied to a database that already holds rows (../shared/reference/cloudflare.md,
// rule 4), the same on both runtimes: rows are made for every table from the schema itself, every
// foreign key pointing at a real row, and after the migration every row must still be there with
// the values of the columns it kept, and every reference must still resolve. A table rebuild that
// drops child rows, or a migration that fails on a filled table, fails here.

/** The few calls the check needs, on better-sqlite3 or D1. */
export interface SqlRunner {
  run(sql: string, params?: unknown[]): Promise<void>;
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables migrations made (not SQLite's own, nor the migrators' bookkeeping). */
async function userTables(db: SqlRunner): Promise<string[]> {
  const rows = await db.all<{ name: string }>("select name from sqlite_master where type = 'table' order by name");
  return rows.map((r) => r.name).filter((n) => !/^(sqlite_|_cf_|__drizzle_migrations$|d1_migrations$)/.test(n));
}

async function shapeOf(db: SqlRunner, table: string): Promise<{ columns: Column[]; keys: ForeignKey[] }> {
  const columns = await db.all<Column>(`select name, type, "notnull", pk from pragma_table_info(?)`, [table]);
  const keys = await db.all<ForeignKey>(`select "table", "from", "to" from pragma_foreign_key_list(?)`, [table]);
  return { columns, keys };
}

/**
 * Two rows in every table. Tables are filled parents first; a nullable reference to a table not
 * yet filled (a cycle) is set once that table has its rows. Values follow the column types and
 * are distinct per row, so unique indexes hold.
 */
export async function seedEveryTable(db: SqlRunner): Promise<void> {
  const tables = await userTables(db);
  const shapes = new Map(await Promise.all(tables.map(async (t) => [t, await shapeOf(db, t)] as const)));
  const filled = new Set<string>();
  const later: Array<{ table: string; column: string; key: ForeignKey }> = [];
  const valueFor = (table: string, column: Column, n: number): unknown =>
    /INT/i.test(column.type) ? n : /REAL|FLOA|DOUB/i.test(column.type) ? n + 0.5 : `${table}.${column.name}.${n}`;
  const referenced = (key: ForeignKey, n: number): unknown => {
    const parent = shapes.get(key.table)!;
    const target = parent.columns.find((c) => (key.to ? c.name === key.to : c.pk === 1))!;
    return valueFor(key.table, target, n);
  };
  while (filled.size < tables.length) {
    const ready = tables.find(
      (t) =>
        !filled.has(t) &&
        shapes
          .get(t)!
          .keys.every((k) => k.table === t || filled.has(k.table) || !shapes.get(t)!.columns.find((c) => c.name === k.from)!.notnull),
    );
    if (!ready)
      throw new Error(`no order fills these tables (a cycle of required references): ${tables.filter((t) => !filled.has(t)).join(', ')}`);
    const { columns, keys } = shapes.get(ready)!;
    for (const n of [1, 2]) {
      const values = columns.map((c) => {
        const key = keys.find((k) => k.from === c.name);
        if (!key) return valueFor(ready, c, n);
        if (key.table === ready || filled.has(key.table)) return referenced(key, n);
        if (n === 1) later.push({ table: ready, column: c.name, key });
        return null;
      });
      await db.run(
        `insert into ${quote(ready)} (${columns.map((c) => quote(c.name)).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
        values,
      );
    }
    filled.add(ready);
  }
  for (const { table, column, key } of later) {
    const pk = shapes.get(table)!.columns.find((c) => c.pk === 1)!;
    for (const n of [1, 2])
      await db.run(`update ${quote(table)} set ${quote(column)} = ? where ${quote(pk.name)} = ?`, [
        referenced(key, n),
        valueFor(table, pk, n),
      ]);
  }
}

/** Every row of every table, in rowid order (tables without rowid by all their columns). */
export async function snapshot(db: SqlRunner): Promise<Map<string, Array<Record<string, unknown>>>> {
  const out = new Map<string, Array<Record<string, unknown>>>();
  for (const t of await userTables(db)) out.set(t, await db.all<Record<string, unknown>>(`select * from ${quote(t)} order by 1, 2`));
  return out;
}

/** What the migration lost: tables gone, rows gone, kept columns whose values changed, broken references. */
export async function losses(db: SqlRunner, before: Map<string, Array<Record<string, unknown>>>): Promise<string[]> {
  const after = await snapshot(db);
  const problems: string[] = [];
  for (const [table, rows] of before) {
    const now = after.get(table);
    if (!now) {
      problems.push(`table ${table} is gone`);
      continue;
    }
    if (now.length !== rows.length) {
      problems.push(`table ${table} had ${rows.length} rows, has ${now.length}`);
      continue;
    }
    rows.forEach((row, i) => {
      for (const [column, value] of Object.entries(row))
        if (column in now[i]! && now[i]![column] !== value)
          problems.push(`${table} row ${i + 1}: ${column} was ${JSON.stringify(value)}, is ${JSON.stringify(now[i]![column])}`);
    });
  }
  const broken = await db.all<Record<string, unknown>>('select * from pragma_foreign_key_check');
  if (broken.length) problems.push(`${broken.length} broken references: ${JSON.stringify(broken.slice(0, 3))}`);
  return problems;
}
