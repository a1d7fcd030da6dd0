// npm run docs:errors: writes docs/errors.md from the error catalogue (src/errors.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCatalogueMarkdown } from '../src/errors';

writeFileSync(join(import.meta.dirname, '../docs/errors.md'), errorCatalogueMarkdown());
console.log('docs/errors.md written');
