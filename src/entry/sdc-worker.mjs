// Entry of a disclosure-control worker thread when running from the sources: TypeScript is loaded
// through tsx here, because worker threads do not inherit the loader the main thread was started with.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./sdc-thread.ts');
export default mod.default;
