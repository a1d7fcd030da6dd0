// `periplus users ...`: the first admin is made here (no default password exists anywhere), and
// accounts can be listed and given new passwords from the server's shell.
import { isCountryCode } from '../access/countries';
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import { createUser, updateUser } from '../access/accounts';
import { systemClock } from '../deps';
import type { SqliteHandle } from '../entry/sqlite';
import { roles, type Role } from '../storage/schema';
import { findUserByName, listUsers } from '../storage/users';

export class CliUsageError extends Error {}

/** The password from PERIPLUS_PASSWORD, from piped standard input, or typed at a hidden prompt. */
async function readPassword(prompt: string): Promise<string> {
  if (process.env.PERIPLUS_PASSWORD) return process.env.PERIPLUS_PASSWORD;
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split('\n')[0]!.replace(/\r$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  out._writeToOutput = (s: string) => {
    if (s.startsWith(prompt)) out.output.write(prompt);
  };
  const answer = await new Promise<string>((done) => rl.question(prompt, done));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

const cli = { actor: 'cli', requestId: 'cli' };

/**
 * The rows of these tables as INSERT statements, values quoted by SQLite itself (quote()), for
 * `wrangler d1 execute <db> --remote --file <file>`: how the first admin of a Workers deployment is made.
 */
export function insertStatements(handle: SqliteHandle, tables: string[]): string[] {
  const out: string[] = [];
  for (const table of tables) {
    // An INTEGER PRIMARY KEY (the audit log's) is left to the target database to number.
    const info = handle.sqlite.pragma(`table_info(${table})`) as Array<{ name: string; type: string; pk: number }>;
    const columns = info.filter((c) => !(c.pk === 1 && c.type.toUpperCase() === 'INTEGER')).map((c) => c.name);
    const select = columns.map((c) => `quote("${c}")`).join(` || ', ' || `);
    for (const row of handle.sqlite.prepare(`SELECT ${select} AS v FROM "${table}"`).all() as Array<{ v: string }>)
      out.push(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${row.v});`);
  }
  return out;
}

export async function usersCommand(
  handle: SqliteHandle,
  args: string[],
  values: { role?: string; countries?: string; name?: string; sql?: boolean },
): Promise<number> {
  const [sub, username] = args;
  const deps = { db: handle.db, atomic: handle.atomic, clock: systemClock, newId: randomUUID };
  if (sub === 'list') {
    for (const u of await listUsers(handle.db))
      console.log(`${u.username.padEnd(24)} ${u.role.padEnd(12)} ${u.countries.join(',').padEnd(16)} ${u.disabledAt ? 'disabled' : ''}`);
    return 0;
  }
  if (sub === 'add') {
    if (!username) throw new CliUsageError('users add needs <username>');
    if (!values.role || !roles.includes(values.role as Role)) throw new CliUsageError(`--role must be one of ${roles.join(', ')}`);
    const countries = (values.countries ?? (values.role === 'admin' ? '*' : ''))
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    if (!countries.length)
      throw new CliUsageError('--countries is needed for this role (ISO 3166-1 alpha-3 codes separated by commas, such as TUN,LBY, or *)');
    const unknown = countries.filter((c) => c !== '*' && !isCountryCode(c));
    if (unknown.length)
      throw new CliUsageError(`--countries takes ISO 3166-1 alpha-3 codes such as TUN,LBY (or *): ${unknown.join(', ')} is not one`);
    const password = await readPassword('Password: ');
    const user = await createUser(deps, cli, {
      username,
      displayName: values.name ?? username,
      password,
      role: values.role as Role,
      countries,
    });
    if (values.sql) {
      console.log(insertStatements(handle, ['users', 'audit_log']).join('\n'));
      return 0;
    }
    console.log(`user ${user.username} (${user.role}, ${user.countries.join(',')}) created`);
    return 0;
  }
  if (sub === 'password') {
    const user = username ? await findUserByName(handle.db, username) : undefined;
    if (!user) throw new CliUsageError(`no user '${username ?? ''}'`);
    const password = await readPassword('New password: ');
    const principal = {
      actor: 'cli',
      userId: 'cli',
      role: 'admin' as const,
      countries: '*' as const,
      questionnaires: '*' as const,
      site: null,
      via: 'session' as const,
    };
    await updateUser(deps, { principal, requestId: 'cli' }, user.id, { password });
    console.log(`password of ${user.username} changed; their sessions are ended`);
    return 0;
  }
  throw new CliUsageError('users needs add, list or password');
}
