// npm run build: bundles the server and CLI (dist/periplus.mjs), the validation worker
// (dist/validation-worker.mjs), the disclosure-control worker (dist/sdc-worker.mjs) and the
// database writer thread (dist/sqlite-writer.mjs) with
// esbuild, packages left external. Running compiled code saves the TypeScript loader's ~80 MB of
// RSS and its start-up time; `npm start` builds first (< 1 s).
import { build } from 'esbuild';

await build({
  entryPoints: {
    periplus: 'src/cli/main.ts',
    'validation-worker': 'src/validation/run.ts',
    'sdc-worker': 'src/entry/sdc-thread.ts',
    'sqlite-writer': 'src/entry/sqlite-writer.mjs',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
