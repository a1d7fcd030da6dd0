// The README's first steps, pasted into a shell as a new user would, against a real server process
// on a fresh SQLite file. Only the address changes (the server listens on a free port) and `npx`
// is told where the repository is (the block runs in a scratch folder, so its cookie jar and
// export land there).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/app';
import { ROOT, type ServerProcess, startServerProcess } from '../support/process';

/** The fenced block that follows a `## <heading>` of the README. */
function readmeBlock(heading: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${heading}\n`));
  const block = section && /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error(`README.md has no sh block under "## ${heading}"`);
  return block;
}

const hasCurl = spawnSync('curl', ['--version']).status === 0;
if (!hasCurl) console.warn('skipped: the README first-steps test, because curl is not installed');

describe.skipIf(!hasCurl)('the README first steps, pasted into bash against a real server', () => {
  const { dir, cleanup } = tempDir();
  const db = join(dir, 'readme.sqlite');
  let server: ServerProcess;
  let run: { status: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    server = await startServerProcess(['--db', db]);
    const script = readmeBlock('First steps')
      .replaceAll('http://127.0.0.1:8787', server.url)
      .replaceAll('npx periplus', `npx --prefix ${JSON.stringify(ROOT)} periplus`);
    // Any failed command or HTTP error status stops the script, so a step that no longer works fails here.
    const prelude = 'set -euo pipefail\ncurl() { command curl --fail-with-body "$@"; }\n';
    const r = spawnSync('bash', ['-c', prelude + script], {
      cwd: dir,
      env: { ...process.env, PERIPLUS_DB: db },
      encoding: 'utf8',
      timeout: 60_000,
    });
    run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    cleanup();
  });

  it('runs to the end without an error', () => {
    expect(run.stderr + run.stdout).not.toMatch(/"error"/);
    expect(run.status, run.stderr).toBe(0);
  });

  it('creates the admin and the coordinator it says, with their roles and countries', () => {
    const users = new Database(db, { readonly: true }).prepare('SELECT username, role, countries FROM users ORDER BY username').all();
    expect(users).toEqual([
      { username: 'ada', role: 'admin', countries: '["*"]' },
      { username: 'cora', role: 'coordinator', countries: '["TUN","LBY"]' },
    ]);
  });

  it('lists the shipped questionnaires and issues a device token once', () => {
    expect(run.stdout).toContain('"id":"migrant-scoping"');
    expect(run.stdout).toContain('"id":"som-gap-analysis"');
    expect(run.stdout).toMatch(/"token":"pd_[A-Za-z0-9_-]+"/);
    expect(run.stdout).toContain('"enrolment":"periplus://enrol?');
  });

  it('exports a whole bundle with the API token it made', () => {
    const zip = join(dir, 'scoping.zip');
    expect(existsSync(zip)).toBe(true);
    const files = unzipSync(readFileSync(zip));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['codebook.csv', 'manifest.json']));
    expect(JSON.parse(strFromU8(files['manifest.json']!)).profile).toBe('pseudonymized');
    // The sign-in left a cookie jar where the user ran the commands.
    expect(execFileSync('cat', [join(dir, 'jar')], { encoding: 'utf8' })).toContain('periplus');
  });
});

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replaceAll(' ', '-');

describe('the documentation links', () => {
  const pages = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter((f) => f.endsWith('.md'));
  it.each(pages)('%s links only to files and headings that exist', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [file, anchor] = target!.split('#') as [string, string | undefined];
      const path = file ? join(ROOT, dirname(page), file) : join(ROOT, page);
      if (!existsSync(path)) {
        broken.push(target!);
        continue;
      }
      if (anchor && path.endsWith('.md')) {
        const headings = [...readFileSync(path, 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) => anchorOf(m[1]!));
        if (!headings.includes(anchor)) broken.push(target!);
      }
    }
    expect(broken).toEqual([]);
  });
});
