// The pseudonym key of a Node deployment: PERIPLUS_PSEUDONYM_KEY (64 hex digits), or a key file
// beside the database, made once with 256 random bits and readable by its owner only. Losing it
// changes every pseudonym in later exports; keep it with the backups (not inside exports).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function loadPseudonymKey(dbFile: string, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const fromEnv = env.PERIPLUS_PSEUDONYM_KEY;
  if (fromEnv) {
    if (!/^[0-9a-f]{64}$/i.test(fromEnv)) throw new Error('PERIPLUS_PSEUDONYM_KEY must be 64 hexadecimal digits');
    return Uint8Array.from(Buffer.from(fromEnv, 'hex'));
  }
  if (dbFile === ':memory:') return new Uint8Array(randomBytes(32));
  const file = `${dbFile}.key`;
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} does not hold a 64-digit hexadecimal key`);
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}
