// A hint to the runtime that a large working set was just let go. V8 grows its heap to about twice
// what a long pass allocates and gives the room back only seconds after it goes quiet: the first
// pass of a million-record release left 170 MB of empty heap committed while disclosure control
// ran in its own thread. A full collection now gives it back at once. Node exposes `gc` when
// started with --expose-gc (`npm start` and bin/periplus.mjs are); elsewhere this does nothing.

export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
