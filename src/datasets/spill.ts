// Where a public export's compressed rows wait between its two passes. At a million records they
// are 70-120 MB: a runtime with a file system keeps them there (Node: src/entry/spill.ts), out of
// the process's memory; elsewhere they stay in memory.

export interface Spill {
  /** Stores a block; returns its handle. */
  put(bytes: Uint8Array): number;
  /**
   * The block of a handle, which is then forgotten (each block is read once). The bytes may be a
   * buffer the next `take` reuses: read them before.
   */
  take(handle: number): Uint8Array;
  /** Lets go of every block (and of the file). Safe to call twice. */
  close(): void;
}

/** Blocks held in memory: what every runtime can do. */
export function memorySpill(): Spill {
  let blocks: Array<Uint8Array | undefined> = [];
  return {
    put(bytes) {
      blocks.push(bytes);
      return blocks.length - 1;
    },
    take(handle) {
      const b = blocks[handle];
      if (!b) throw new Error(`spilled block ${handle} was already taken`);
      blocks[handle] = undefined;
      return b;
    },
    close() {
      blocks = [];
    },
  };
}
