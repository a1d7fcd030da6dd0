// The lists of several values per row of a grouped table's sensitive variable (typed arrays that
// move to the disclosure thread with the table), against a Map of arrays doing the same.
import { describe, expect, it } from 'vitest';
import { addToList, copyLists, deleteList, listOf, setList, valueLists } from '../../src/datasets/anonymize/value-lists';

describe('value lists', () => {
  it('agree with a Map of sorted arrays through random sets, additions and deletions, and survive a structured clone', () => {
    let seed = 11;
    const random = (n: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 8) % n;
    const lists = valueLists();
    const model = new Map<number, number[]>();
    const cap = 6;
    for (let step = 0; step < 60_000; step++) {
      const row = random(5_000);
      const op = random(10);
      if (op < 2) {
        const values = [...new Set(Array.from({ length: 1 + random(cap + 4) }, () => random(40)))].sort((a, b) => a - b);
        setList(lists, row, values);
        model.set(row, values);
      } else if (op < 3) {
        deleteList(lists, row);
        model.delete(row);
      } else if (model.has(row)) {
        const code = random(40);
        addToList(lists, row, code, cap);
        const values = model.get(row)!;
        if (values.length < cap && !values.includes(code))
          model.set(
            row,
            [...values, code].sort((a, b) => a - b),
          );
      } else expect(() => addToList(lists, row, 1, cap)).toThrow(/no list/);
    }
    expect(lists.size).toBe(model.size);
    const check = (l: typeof lists) => {
      for (let row = 0; row < 5_000; row++) {
        const got = listOf(l, row);
        expect(got ? [...got] : undefined).toEqual(model.get(row));
      }
    };
    check(lists);
    check(structuredClone(lists));
    // A copy changes apart from the original.
    const copy = copyLists(lists);
    for (const row of model.keys()) deleteList(copy, row);
    expect(copy.size).toBe(0);
    check(lists);
    // The pool holds what the lists need, and no more than a few times that (moved lists are left behind until it is copied).
    expect(lists.pool.length).toBeLessThanOrEqual(4 * lists.live + 64);
  });
});
