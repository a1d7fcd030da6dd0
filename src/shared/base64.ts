// Bytes to base64 text and back with the Web API every runtime has (atob, btoa): stored release
// bundles and ledgers are text, one D1 row at a time.

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  // String.fromCharCode takes its arguments on the stack: in slices.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
