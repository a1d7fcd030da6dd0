// The rows of a grouped table whose records hold several values of a sensitive variable, and
// those values: a list of codes per row, in typed arrays only. A Map entry and an array a row were
// 50 MB of a second release's first pass at a million records (half a million rows whose
// records share a key), copied once more to the disclosure thread and once more back; typed
// arrays are moved there and back with the rest of the table. A plain object of arrays, so that
// it crosses to a thread as it is (a class's methods would not).

export interface ValueLists {
  /** Open addressing by row: per slot, the row + 1; 0 an empty slot, -1 a deleted one. */
  slots: Int32Array;
  /** Per slot: where the row's list is in `pool`: its length, its room, then its codes, sorted. */
  at: Int32Array;
  pool: Int32Array;
  /** Ints of `pool` written so far (lists that moved leave their old place behind). */
  used: number;
  /** Ints of `pool` held by the lists of the rows (each its room and two). */
  live: number;
  /** Rows with a list. */
  size: number;
  /** Slots not empty, deleted ones included. */
  taken: number;
}

const EMPTY = 0;
const DELETED = -1;

export function valueLists(): ValueLists {
  return { slots: new Int32Array(16), at: new Int32Array(16), pool: new Int32Array(64), used: 0, live: 0, size: 0, taken: 0 };
}

/** A copy that changes apart from the original. */
export function copyLists(m: ValueLists): ValueLists {
  return { ...m, slots: m.slots.slice(), at: m.at.slice(), pool: m.pool.slice(0, Math.max(m.used, 1)) };
}

/** The arrays under the lists: moved to a thread with the table. */
export const listArrays = (m: ValueLists): Int32Array[] => [m.slots, m.at, m.pool];

const firstSlot = (row: number, mask: number) => {
  let h = Math.imul(row, 0x9e3779b1);
  h ^= h >>> 15;
  return h & mask;
};

function slotOf(m: ValueLists, row: number): number {
  const mask = m.slots.length - 1;
  for (let s = firstSlot(row, mask); m.slots[s] !== EMPTY; s = (s + 1) & mask) if (m.slots[s] === row + 1) return s;
  return -1;
}

/** Row's list, sorted (a view: read it before the lists change), or undefined. */
export function listOf(m: ValueLists, row: number): Int32Array | undefined {
  const s = slotOf(m, row);
  if (s < 0) return undefined;
  const at = m.at[s]!;
  return m.pool.subarray(at + 2, at + 2 + m.pool[at]!);
}

/** Room for a list of `room` codes at the end of the pool, which is copied (lists that moved left behind) when full. */
function place(m: ValueLists, room: number): number {
  if (m.used + room + 2 > m.pool.length) {
    const pool = new Int32Array(Math.max(64, 2 * (m.live + room + 2)));
    let used = 0;
    for (let s = 0; s < m.slots.length; s++) {
      if (m.slots[s]! <= 0) continue;
      const at = m.at[s]!;
      const size = m.pool[at + 1]! + 2;
      pool.set(m.pool.subarray(at, at + size), used);
      m.at[s] = used;
      used += size;
    }
    m.pool = pool;
    m.used = used;
  }
  const at = m.used;
  m.used += room + 2;
  m.live += room + 2;
  m.pool[at] = 0;
  m.pool[at + 1] = room;
  return at;
}

/** A slot for a row not in the lists (the slots doubled, or rebuilt without deleted ones, when half taken). */
function newSlot(m: ValueLists, row: number): number {
  if (2 * (m.taken + 1) > m.slots.length) {
    const size = Math.max(16, 2 ** Math.ceil(Math.log2(4 * (m.size + 1))));
    const slots = new Int32Array(size);
    const at = new Int32Array(size);
    for (let s = 0; s < m.slots.length; s++) {
      if (m.slots[s]! <= 0) continue;
      let t = firstSlot(m.slots[s]! - 1, size - 1);
      while (slots[t] !== EMPTY) t = (t + 1) & (size - 1);
      slots[t] = m.slots[s]!;
      at[t] = m.at[s]!;
    }
    m.slots = slots;
    m.at = at;
    m.taken = m.size;
  }
  const mask = m.slots.length - 1;
  let s = firstSlot(row, mask);
  while (m.slots[s]! > 0) s = (s + 1) & mask;
  if (m.slots[s] === EMPTY) m.taken++;
  m.slots[s] = row + 1;
  m.size++;
  return s;
}

/** Sets row's list to `values` (sorted codes, at least one). */
export function setList(m: ValueLists, row: number, values: ArrayLike<number>): void {
  let s = slotOf(m, row);
  if (s >= 0 && m.pool[m.at[s]! + 1]! < values.length) {
    const to = place(m, values.length);
    m.live -= m.pool[m.at[s]! + 1]! + 2;
    m.at[s] = to;
  } else if (s < 0) {
    const at = place(m, Math.max(2, values.length));
    s = newSlot(m, row);
    m.at[s] = at;
  }
  const at = m.at[s]!;
  m.pool[at] = values.length;
  for (let k = 0; k < values.length; k++) m.pool[at + 2 + k] = values[k]!;
}

/** Adds `code` to row's list (which must exist), in order, unless it is there or the list holds `cap` codes. */
export function addToList(m: ValueLists, row: number, code: number, cap: number): void {
  const s = slotOf(m, row);
  if (s < 0) throw new Error(`row ${row} has no list`);
  let at = m.at[s]!;
  const length = m.pool[at]!;
  if (length >= cap) return;
  let k = 0;
  while (k < length && m.pool[at + 2 + k]! < code) k++;
  if (k < length && m.pool[at + 2 + k] === code) return;
  if (length === m.pool[at + 1]) {
    // Moved to twice the room; the old place is left behind until the pool is next copied.
    const room = Math.min(cap, 2 * length);
    const to = place(m, room);
    // place() may have copied the pool: the list is read from where it is now.
    at = m.at[s]!;
    m.pool.copyWithin(to + 2, at + 2, at + 2 + length);
    m.live -= length + 2;
    m.pool[to] = length;
    m.at[s] = to;
    at = to;
  }
  m.pool.copyWithin(at + 3 + k, at + 2 + k, at + 2 + length);
  m.pool[at + 2 + k] = code;
  m.pool[at] = length + 1;
}

/** Removes row's list, if it has one. */
export function deleteList(m: ValueLists, row: number): void {
  const s = slotOf(m, row);
  if (s < 0) return;
  m.live -= m.pool[m.at[s]! + 1]! + 2;
  m.slots[s] = DELETED;
  m.size--;
}

/** Bytes of the lists' arrays. */
export const listBytes = (m: ValueLists): number => m.slots.byteLength + m.at.byteLength + m.pool.byteLength;
