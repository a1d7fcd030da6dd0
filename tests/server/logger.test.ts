// The Node access log: JSON lines written together once per turn of the event loop.
import { describe, expect, it, vi } from 'vitest';
import { batchedJsonLogger } from '../../src/entry/node';

describe('the batched access log', () => {
  it('writes the lines of one turn in one write, in order, and writes pending lines before an error', async () => {
    const writes: string[] = [];
    const logger = batchedJsonLogger({ write: (text: string) => writes.push(text) });
    logger.info({ n: 1 });
    logger.info({ n: 2 });
    expect(writes).toEqual([]);
    await new Promise((done) => setImmediate(done));
    expect(writes).toEqual(['{"n":1}\n{"n":2}\n']);
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      logger.info({ n: 3 });
      logger.error({ level: 'error', n: 4 });
      expect(writes).toEqual(['{"n":1}\n{"n":2}\n', '{"n":3}\n']);
      expect(stderr).toHaveBeenCalledWith('{"level":"error","n":4}');
    } finally {
      stderr.mockRestore();
    }
    await new Promise((done) => setImmediate(done));
    expect(writes).toHaveLength(2);
  });
});
