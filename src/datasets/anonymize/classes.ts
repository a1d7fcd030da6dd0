// Rows grouped into classes of equal codes, in typed arrays: every disclosure measure (fk, l,
// the recoding search's shortfall, suppression's donors) is a grouping of the table's rows, done
// many times per release. A JavaScript Map keyed by the combined codes cost about a microsecond a
// row and ~100 bytes a key: a million nearly unique records spent most of a release's five minutes
// there. Here a key is a number (mixed radix), looked up in an open-addressing table of typed
// arrays; a key too wide for 2^53 is first narrowed to the dense ids of its leading variables.

/** Dense ids of integer keys (0 <= key < 2^53), numbered in order of first appearance. */
export interface Ids {
  /** ids[i]: the id of keys[i]. */
  ids: Int32Array;
  /** Distinct keys. */
  count: number;
}

const EMPTY = -1;

/**
 * The hash table, kept between calls (a release groups a million rows hundreds of times): per slot
 * its key, and its id plus one (0: empty) in an array of its own (side by side in doubles, the
 * table of a million keys took 32 MB instead of 24).
 */
let slotKeys = new Float64Array(0);
let slotIds = new Int32Array(0);
/** The array direct addressing indexes, kept between calls as well. */
let direct = new Int32Array(0);
/** The combined keys of classesOf, kept between calls as well. */
let scratchKeys = new Float64Array(0);
/** Ids and class sizes of groupings that do not outlive their call (see groupingScratch). */
let scratchIds = new Int32Array(0);
let scratchSizes = new Int32Array(0);

/** Ids of `keys[0..n)`; keys below `range`, when `range` is small, are addressed directly. */
export function denseIds(keys: Float64Array, n: number, range = Number.MAX_SAFE_INTEGER, into?: Int32Array): Ids {
  const ids = into && into.length >= n ? into : new Int32Array(n);
  let count = 0;
  if (range <= 2 * n + 1024) {
    // Direct addressing: no hashing when the keys are few enough to index an array (at most two
    // slots a key: at four, l-diversity's pairs of a million records grew it to 24 MB).
    if (direct.length < range) direct = new Int32Array(Math.max(range, Math.min(2 * direct.length, 2 * n + 1024)));
    const at = direct.fill(EMPTY, 0, range);
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      let id = at[k]!;
      if (id === EMPTY) at[k] = id = count++;
      ids[i] = id;
    }
    return { ids, count };
  }
  let capacity = 1024;
  while (capacity < 2 * n) capacity *= 2;
  if (slotIds.length < capacity) {
    slotKeys = new Float64Array(capacity);
    slotIds = new Int32Array(capacity);
  }
  const mask = capacity - 1;
  slotIds.fill(0, 0, capacity);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    // The key's two 32-bit halves mixed (murmur3's finalizer): keys are often consecutive.
    let h = Math.imul((k >>> 0) ^ Math.imul((k / 4294967296) | 0, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let s = h & mask;
    for (;;) {
      const id = slotIds[s]!;
      if (id === 0) {
        slotKeys[s] = k;
        slotIds[s] = ++count;
        ids[i] = count - 1;
        break;
      }
      if (slotKeys[s] === k) {
        ids[i] = id - 1;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return { ids, count };
}

/** Lets go of the arrays kept between calls (at the end of a disclosure-control run). */
export function releaseScratch(): void {
  slotKeys = new Float64Array(0);
  slotIds = new Int32Array(0);
  direct = new Int32Array(0);
  scratchKeys = new Float64Array(0);
  scratchIds = new Int32Array(0);
  scratchSizes = new Int32Array(0);
}

/**
 * Arrays for the ids and class sizes of a grouping of `n` rows that its caller is done with
 * before it calls this module's groupings again (strictFrequencies, many times per release: a
 * fresh pair each time left tens of megabytes for the collector at a million records).
 */
export function groupingScratch(n: number): { ids: Int32Array; sizes: Int32Array } {
  if (scratchIds.length < n) {
    scratchIds = new Int32Array(n);
    scratchSizes = new Int32Array(n);
  }
  return { ids: scratchIds, sizes: scratchSizes };
}

/**
 * An array for `n` keys, kept between calls like the tables (a fresh one a call left megabytes of
 * dead buffers a call for the collector, which counts them late: they are off its heap). Its
 * contents are the caller's until the next call of this module.
 */
export function keyScratch(n: number): Float64Array {
  if (scratchKeys.length < n) scratchKeys = new Float64Array(Math.max(n, Math.ceil(1.25 * scratchKeys.length)));
  return scratchKeys;
}

/**
 * Classes of rows 0..n-1 (or of the rows listed in `rows`, in that order) over code columns
 * (SUPPRESSED, -1, is one more category): `sizes[j]` is column j's number of codes plus one. Ids
 * are numbered in order of first appearance, written `into` an array of the caller's when it is
 * long enough (a caller grouping again and again keeps one, instead of leaving one to collect
 * each time).
 */
export function classesOf(
  n: number,
  columns: ReadonlyArray<ArrayLike<number>>,
  sizes: readonly number[],
  rows?: ArrayLike<number>,
  into?: Int32Array,
): Ids {
  if (rows) n = rows.length;
  const keys = keyScratch(n);
  keys.fill(0, 0, n);
  let range = 1;
  for (let j = 0; j < columns.length; j++) {
    const size = sizes[j]!;
    if (range * size > Number.MAX_SAFE_INTEGER) {
      // Too wide: the key so far becomes its dense id (fewer than n), and the next columns follow.
      const { ids, count } = denseIds(keys, n, range);
      for (let i = 0; i < n; i++) keys[i] = ids[i]!;
      range = count;
    }
    const c = columns[j]!;
    if (rows) for (let i = 0; i < n; i++) keys[i] = keys[i]! * size + c[rows[i]!]! + 1;
    else for (let i = 0; i < n; i++) keys[i] = keys[i]! * size + c[i]! + 1;
    range *= size;
  }
  if (!columns.length) return { ids: new Int32Array(n), count: n ? 1 : 0 };
  return denseIds(keys, n, range, into);
}

/**
 * The rows in class order: `order[starts[c]..starts[c + 1])` are class c's, in their own order
 * (the arrays may be longer than the rows and the classes).
 */
export interface ClassOrder {
  order: Int32Array;
  starts: Int32Array;
}

/**
 * Orders rows 0..n-1 by class (a stable counting sort), into arrays of the caller's when given and
 * long enough (`order` n, `starts` count + 1).
 */
export function classOrder({ ids, count }: Ids, n: number, into: Partial<ClassOrder> = {}): ClassOrder {
  const starts = into.starts && into.starts.length > count ? into.starts.fill(0, 0, count + 1) : new Int32Array(count + 1);
  const order = into.order && into.order.length >= n ? into.order : new Int32Array(n);
  for (let i = 0; i < n; i++) starts[ids[i]! + 1]!++;
  for (let c = 1; c <= count; c++) starts[c]! += starts[c - 1]!;
  // Each class's start serves as its cursor, which leaves it at the class's end (the next one's
  // start): shifted back after.
  for (let i = 0; i < n; i++) order[starts[ids[i]!]!++] = i;
  for (let c = count; c > 0; c--) starts[c] = starts[c - 1]!;
  starts[0] = 0;
  return { order, starts };
}

/** Records per class: the rows' weights (one each without weights) summed by class (`into` an array of the caller's, as above). */
export function classSizes({ ids, count }: Ids, n: number, weights?: Int32Array, into?: Int32Array): Int32Array {
  const sizes = into && into.length >= count ? into.fill(0, 0, count) : new Int32Array(count);
  for (let i = 0; i < n; i++) sizes[ids[i]!]! += weights ? weights[i]! : 1;
  return sizes;
}
