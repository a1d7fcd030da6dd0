// Entry of a validation worker thread: TypeScript is loaded through tsx here, because worker
// threads do not inherit the loader the main thread was started with.
import { register } from 'tsx/esm/api';

register();
const mod = await import('../validation/run.ts');
export default mod.default;
