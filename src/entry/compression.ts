// Node's native DEFLATE (zlib) for exports and releases: about three times fflate's speed.
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Compression } from '../datasets/compression';

export const nodeCompression: Compression = {
  deflate: (bytes) => deflateRawSync(bytes, { level: 1 }),
  inflate(bytes, into) {
    const out = inflateRawSync(bytes);
    if (out.length > into.length) throw new Error('a block inflated past the room made for it');
    into.set(out);
    return out.length;
  },
  // A sync flush ends a piece on a byte boundary without ending the stream: pieces compressed
  // apart join into one stream (each starts without the previous one's window).
  deflatePiece: (bytes, final) => deflateRawSync(bytes, { level: 1, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }),
};
