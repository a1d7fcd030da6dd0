// Node's AssetSource: a whitelist of vendor files by name, read from installed packages. Never
// node_modules wholesale: a name not listed here is a 404.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AssetSource } from '../deps';

const require = createRequire(import.meta.url);

const WHITELIST: Record<string, { pkg: string; file: string; contentType: string }> = {
  'swagger-ui.css': { pkg: 'swagger-ui-dist', file: 'swagger-ui.css', contentType: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { pkg: 'swagger-ui-dist', file: 'swagger-ui-bundle.js', contentType: 'text/javascript; charset=utf-8' },
};

export function nodeAssets(): AssetSource {
  const cache = new Map<string, Uint8Array>();
  return {
    async get(name) {
      const entry = Object.hasOwn(WHITELIST, name) ? WHITELIST[name] : undefined;
      if (!entry) return undefined;
      let body = cache.get(name);
      if (!body) {
        body = await readFile(join(dirname(require.resolve(`${entry.pkg}/package.json`)), entry.file));
        cache.set(name, body);
      }
      return { body, contentType: entry.contentType };
    },
  };
}
