// The boundaries the code is built on, checked on the source itself so that a change that crosses
// one fails here rather than in review: folders that depend on each other one way only; a domain
// (everything in src/ but the runtime entries, the CLI and the browser client) that runs on Node
// and Workers alike because it uses Web-standard APIs only; a browser client that cannot reach
// server code; and drizzle used through its public API only.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

interface SourceFile {
  path: string; // relative to the repository, with forward slashes
  text: string;
  imports: string[]; // specifiers as written
  /** Imports of values (not `import type`): what the module needs at run time. */
  valueImports: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|mts|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const files: SourceFile[] = walk(SRC).map((file) => {
  const text = readFileSync(file, 'utf8');
  const statements = [...text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s)?[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)];
  const imports = statements.map((m) => (m[3] ?? m[4])!);
  const valueImports = statements.filter((m) => !m[2]).map((m) => (m[3] ?? m[4])!);
  return { path: relative(ROOT, file).split('\\').join('/'), text, imports, valueImports };
});

/** The folder a file belongs to: src/app.ts is the composition root, src/*.ts the shared kernel. */
function folderOf(path: string): string {
  const parts = path.replace(/^src\//, '').split('/');
  if (parts.length === 1) return parts[0] === 'app.ts' ? 'app' : 'kernel';
  if (parts[0] === 'web' && parts[1] === 'client') return 'web/client';
  if (parts[0] === 'datasets' && parts[1] === 'anonymize') return 'datasets/anonymize';
  return parts[0]!;
}

/** The repository path a relative import points to (without extension), or null for a package. */
function target(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return normalize(join(dirname(from), specifier))
    .split('\\')
    .join('/')
    .replace(/\.(ts|mts|mjs)$/, '');
}

const RUNTIME = /^src\/(entry|cli|web\/client)\//;
const domain = files.filter((f) => !RUNTIME.test(f.path));

describe('the architecture', () => {
  // Type-only imports are left out: they vanish from the built code, and the Deps contract that
  // every service takes names types from everywhere.
  it('has folders that depend on each other one way only', () => {
    const edges = new Map<string, Set<string>>();
    for (const f of files)
      for (const spec of f.valueImports) {
        const to = target(f.path, spec);
        if (!to?.startsWith('src/')) continue;
        const [a, b] = [folderOf(f.path), folderOf(`${to}.ts`)];
        if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
      }
    // A cycle is a path back to where it started: depth-first search for one.
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      for (const next of edges.get(node) ?? []) {
        if (next === path[0]) cycles.push([...path, next].join(' -> '));
        else if (!path.includes(next) && next > path[0]!) visit(next, [...path, next]);
      }
    };
    for (const start of edges.keys()) visit(start, [start]);
    expect(cycles).toEqual([]);
    expect(edges.size).toBeGreaterThan(8);
  });

  it('keeps the domain on Web-standard APIs: no Node module, driver or global outside the runtime entries and the CLI', () => {
    // node:crypto's synchronous SHA-256 is the one exception: Workers has it through nodejs_compat
    // (wrangler.toml), and WebCrypto's asynchronous digest cost a thread-pool round trip per submission.
    const allowed = new Set(['src/questionnaires/canonical.ts node:crypto']);
    const found: string[] = [];
    for (const f of domain) {
      for (const spec of f.imports)
        if (
          (spec.startsWith('node:') ||
            spec === 'better-sqlite3' ||
            spec.startsWith('drizzle-orm/better-sqlite3') ||
            spec.startsWith('drizzle-orm/d1')) &&
          !allowed.has(`${f.path} ${spec}`)
        )
          found.push(`${f.path} imports ${spec}`);
      const code = f.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      // A member of that name (`x.process(`, a class's `override process(`) is not the global.
      for (const global of ['Buffer', 'process', '__dirname', 'setImmediate', 'require'])
        if (new RegExp(`(?<!\\.|override\\s+)\\b${global}\\b\\s*[.(]`).test(code)) found.push(`${f.path} uses ${global}`);
    }
    expect(found).toEqual([]);
    expect(domain.length).toBeGreaterThan(60);
  });

  it('keeps the domain free of the runtimes: nothing in it imports src/entry, src/cli or the browser client', () => {
    const found = domain.flatMap((f) =>
      f.imports.filter((spec) => RUNTIME.test(`${target(f.path, spec) ?? ''}/`)).map((spec) => `${f.path} imports ${spec}`),
    );
    expect(found).toEqual([]);
  });

  it('keeps the browser client off server code: it imports only its own modules and pure questionnaire modules', () => {
    const client = files.filter((f) => f.path.startsWith('src/web/client/'));
    const found: string[] = [];
    for (const f of client)
      for (const spec of f.imports) {
        if (spec.startsWith('node:')) found.push(`${f.path} imports ${spec}`);
        const to = target(f.path, spec);
        if (to && !to.startsWith('src/web/client/') && !to.startsWith('src/questionnaires/')) found.push(`${f.path} imports ${spec}`);
      }
    expect(found).toEqual([]);
    expect(client.length).toBeGreaterThan(5);
  });

  it('keeps routes and pages on services: nothing in src/http or src/web imports src/storage', () => {
    const edge = files.filter((f) => /^src\/(http|web)\//.test(f.path));
    const found = edge.flatMap((f) =>
      f.imports.filter((spec) => target(f.path, spec)?.startsWith('src/storage/')).map((spec) => `${f.path} imports ${spec}`),
    );
    expect(found).toEqual([]);
    expect(edge.length).toBeGreaterThan(10);
  });

  it('keeps every query in src/storage: drizzle is imported only there, by the runtimes, and by the scope rule', () => {
    // responses/scope.ts states who may see which response twice, as a row predicate and as the SQL
    // condition lists use: the two forms stay side by side so that they cannot drift apart.
    const allowed = /^src\/(storage|entry)\/|^src\/responses\/scope\.ts$/;
    const found = files.filter((f) => !allowed.test(f.path) && f.imports.some((spec) => spec.startsWith('drizzle-orm'))).map((f) => f.path);
    expect(found).toEqual([]);
  });

  it('uses drizzle through its public API only', () => {
    const everywhere = [
      ...files,
      ...walk(join(ROOT, 'scripts')).map((p) => ({ path: p, text: readFileSync(p, 'utf8') })),
      ...walk(join(ROOT, 'tests'))
        .filter((p) => !p.endsWith('architecture.test.ts'))
        .map((p) => ({ path: p, text: readFileSync(p, 'utf8') })),
    ];
    const internal = /\._prepare\b|\bconfig\.returning\b|drizzle-orm\/sqlite-proxy|\bresultKind\b|\.dialect\b|\._\./;
    expect(everywhere.filter((f) => internal.test(f.text)).map((f) => f.path)).toEqual([]);
  });
});
