// A public export's compressed rows on disk between its two passes (src/datasets/spill.ts): a
// temporary file, readable by its owner only and unlinked as soon as it is open, so it has no name
// another process could open and its space is freed when it is closed or the process ends.
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Spill } from '../datasets/spill';

/** Closes the file of a spill its export dropped without closing (a download cancelled mid-way). */
const unclosed = new FinalizationRegistry<{ fd: number; path: string | null }>((f) => release(f));

function release(f: { fd: number; path: string | null }): void {
  try {
    closeSync(f.fd);
  } catch {
    // already closed
  }
  if (f.path)
    try {
      unlinkSync(f.path);
    } catch {
      // already gone
    }
}

export function fileSpill(dir = tmpdir()): Spill {
  const path = join(dir, `periplus-spill-${randomUUID()}`);
  const file = { fd: openSync(path, 'wx+', 0o600), path: path as string | null };
  try {
    unlinkSync(path);
    file.path = null;
  } catch {
    // Windows keeps an open file's name: it is unlinked when closed.
  }
  const offsets: number[] = [];
  const lengths: number[] = [];
  let end = 0;
  let buffer = new Uint8Array(0);
  let open = true;
  const spill: Spill = {
    put(bytes) {
      let done = 0;
      while (done < bytes.length) done += writeSync(file.fd, bytes, done, bytes.length - done, end + done);
      offsets.push(end);
      lengths.push(bytes.length);
      end += bytes.length;
      return offsets.length - 1;
    },
    take(handle) {
      const length = lengths[handle];
      if (length === undefined || length < 0) throw new Error(`spilled block ${handle} was already taken`);
      lengths[handle] = -1;
      if (buffer.length < length) buffer = new Uint8Array(Math.max(length, 2 * buffer.length));
      let done = 0;
      while (done < length) {
        const read = readSync(file.fd, buffer, done, length - done, offsets[handle]! + done);
        if (read === 0) throw new Error(`spilled block ${handle} is shorter than written`);
        done += read;
      }
      return buffer.subarray(0, length);
    },
    close() {
      if (!open) return;
      open = false;
      unclosed.unregister(spill);
      buffer = new Uint8Array(0);
      release(file);
    },
  };
  unclosed.register(spill, file, spill);
  return spill;
}
