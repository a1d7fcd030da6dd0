#!/usr/bin/env node
// The `periplus` command. Sources are TypeScript, loaded through tsx at start-up.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
