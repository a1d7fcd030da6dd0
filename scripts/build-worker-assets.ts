// npm run build:worker-assets: the browser pages' files for the Worker, built ahead of time (the
// Worker cannot run esbuild or read node_modules). The same AssetSource the Node server uses
// produces them, so both runtimes serve the same bytes under the same content hashes:
// dist-worker/assets/_periplus/<name> (+ <name>.gz) and manifest.json (name -> hash, content type).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeAssets } from '../src/entry/assets';

const out = join(import.meta.dirname, '../dist-worker/assets/_periplus');
rmSync(join(out, '..'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const source = nodeAssets();
const manifest = await source.manifest();
const entries: Record<string, { hash: string; contentType: string; gzip: boolean }> = {};
for (const name of Object.keys(manifest)) {
  const asset = (await source.get(name))!;
  writeFileSync(join(out, name), asset.body);
  if (asset.gzip) writeFileSync(join(out, `${name}.gz`), asset.gzip);
  entries[name] = { hash: asset.hash, contentType: asset.contentType, gzip: Boolean(asset.gzip) };
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify(entries, null, 1));
console.log(`dist-worker/assets: ${Object.keys(entries).length} files`);
