// Node's AssetSource: vendor files from a whitelist of installed package files (never
// node_modules wholesale: a name not listed here is a 404), and our own page scripts, bundled from
// src/web/client by esbuild in memory the first time they are asked for. Each file is hashed (for
// versioned, year-long cacheable URLs) and gzipped once.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Asset, AssetSource } from '../deps';

const require = createRequire(import.meta.url);

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Vendor files by the name they are served under. */
const VENDOR: Record<string, { pkg: string; file: string; contentType: string }> = {
  'swagger-ui.css': { pkg: 'swagger-ui-dist', file: 'swagger-ui.css', contentType: CSS },
  'swagger-ui-bundle.js': { pkg: 'swagger-ui-dist', file: 'swagger-ui-bundle.js', contentType: JS },
  'survey.core.min.js': { pkg: 'survey-core', file: 'survey.core.min.js', contentType: JS },
  'survey-core.fontless.min.css': { pkg: 'survey-core', file: 'survey-core.fontless.min.css', contentType: CSS },
  'survey-i18n-fr.min.js': { pkg: 'survey-core', file: 'i18n/french.min.js', contentType: JS },
  'survey-i18n-ar.min.js': { pkg: 'survey-core', file: 'i18n/arabic.min.js', contentType: JS },
  'survey-i18n-fa.min.js': { pkg: 'survey-core', file: 'i18n/persian.min.js', contentType: JS },
  'survey-theme-default-light.min.js': { pkg: 'survey-core', file: 'themes/default-light.min.js', contentType: JS },
  'survey-js-ui.min.js': { pkg: 'survey-js-ui', file: 'survey-js-ui.min.js', contentType: JS },
};

/** Our page scripts (bundled) and stylesheet, by served name -> source under src/web/client. */
export const CLIENT_ENTRIES: Record<string, string> = {
  'home.js': 'home.ts',
  'fill.js': 'fill.ts',
  'print.js': 'print.ts',
  'collect.js': 'collect.ts',
  'workspace.js': 'workspace.ts',
  'collect-sw.js': 'service-worker.ts',
};
const CLIENT_CSS = 'periplus.css';

/** The nearest folder at or above `start` that holds a package.json. */
function packageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`periplus: no package.json above ${start}`);
  }
}

/** The repository root (above src/entry or dist). */
const projectRoot = () => packageRoot(dirname(fileURLToPath(import.meta.url)));
/** A package's folder, found from its main file (survey-core's exports do not list its package.json). */
const packageDir = (pkg: string) => packageRoot(dirname(require.resolve(pkg)));

function asset(body: Uint8Array, contentType: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, contentType, hash, ...(body.length > 1024 ? { gzip: gzipSync(body, { level: 9 }) } : {}) };
}

async function buildClient(root: string): Promise<Map<string, Asset>> {
  const { build } = await import('esbuild');
  const dir = join(root, 'src/web/client');
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(CLIENT_ENTRIES).map(([out, src]) => [out.replace(/\.js$/, ''), join(dir, src)])),
    bundle: true,
    write: false,
    outdir: '/out',
    format: 'iife',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: true,
    legalComments: 'none',
    // survey-core is loaded once, as the vendor script; shared modules importing it get the global.
    alias: { 'survey-core': join(dir, 'survey-global.ts') },
    logLevel: 'silent',
  });
  const out = new Map<string, Asset>();
  for (const f of result.outputFiles) out.set(f.path.replace(/^.*\//, ''), asset(f.contents, JS));
  out.set(CLIENT_CSS, asset(await readFile(join(dir, CLIENT_CSS)), CSS));
  return out;
}

export function nodeAssets(): AssetSource {
  const vendor = new Map<string, Promise<Asset>>();
  let client: Promise<Map<string, Asset>> | undefined;
  let manifest: Promise<Record<string, string>> | undefined;
  const clientFiles = () => (client ??= buildClient(projectRoot()));
  const vendorFile = (name: string) => {
    const entry = VENDOR[name]!;
    let p = vendor.get(name);
    if (!p) {
      p = readFile(join(packageDir(entry.pkg), entry.file)).then((b) => asset(b, entry.contentType));
      vendor.set(name, p);
    }
    return p;
  };
  return {
    async get(name) {
      if (Object.hasOwn(VENDOR, name)) return vendorFile(name);
      if (Object.hasOwn(CLIENT_ENTRIES, name) || name === CLIENT_CSS) return (await clientFiles()).get(name);
      return undefined;
    },
    // Files do not change while the process runs: hashed once, asked for by every page.
    manifest() {
      return (manifest ??= (async () => {
        const names = [...Object.keys(VENDOR), ...Object.keys(CLIENT_ENTRIES), CLIENT_CSS];
        const files = await Promise.all(names.map((n) => this.get(n)));
        return Object.fromEntries(names.map((n, i) => [n, files[i]!.hash]));
      })());
    },
  };
}
