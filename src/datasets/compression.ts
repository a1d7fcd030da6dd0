// Raw DEFLATE for a bundle's zip entries and for the buckets rows wait in between the two passes.
// fflate (JavaScript) works in every runtime; a runtime with a native DEFLATE passes its own
// (deps.compression: Node's zlib, src/entry/compression.ts), three times faster: at a million
// records fflate took 20 s of a release.
import { deflateSync, inflateSync, type ZipInputFile, ZipDeflate, ZipPassThrough } from 'fflate';

export interface Compression {
  /** A whole block as one raw DEFLATE stream, at the fastest level. */
  deflate(bytes: Uint8Array): Uint8Array;
  /** A whole raw DEFLATE stream inflated into `into`; returns the bytes written. */
  inflate(bytes: Uint8Array, into: Uint8Array): number;
  /**
   * A stream deflated piece by piece, each piece on its own and ending on a byte boundary, so that
   * the pieces joined are one raw DEFLATE stream (the last one `final`). Absent: fflate's
   * streaming deflate writes the zip entries.
   */
  deflatePiece?(bytes: Uint8Array, final: boolean): Uint8Array;
}

/** fflate's DEFLATE: what every runtime can run. */
export const portableCompression: Compression = {
  deflate: (bytes) => deflateSync(bytes, { level: 1 }),
  inflate: (bytes, into) => inflateSync(bytes, { out: into }).length,
};

/** A zip entry deflated at the fastest level, by pieces when the compression can. */
export function zipEntry(name: string, c: Compression): ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } {
  return c.deflatePiece ? new PieceDeflate(name, c.deflatePiece) : new ZipDeflate(name, { level: 1 });
}

/** A zip entry whose pieces another DEFLATE compresses: fflate counts its size and CRC. */
class PieceDeflate extends ZipPassThrough {
  constructor(
    filename: string,
    private readonly piece: (bytes: Uint8Array, final: boolean) => Uint8Array,
  ) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    let out: Uint8Array;
    try {
      out = this.piece(chunk, final);
    } catch (e) {
      this.ondata(e as Error & { code: number }, new Uint8Array(0), final);
      return;
    }
    this.ondata(null, out as Uint8Array<ArrayBuffer>, final);
  }
}
