import { defineConfig } from 'drizzle-kit';

// drizzle-kit generates SQL migrations from the one schema; both runtimes apply the same files.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/storage/schema.ts',
  out: './db/migrations',
});
