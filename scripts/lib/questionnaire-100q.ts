// A 100-question questionnaire for benchmarks: 10 pages, skip logic on pages and questions,
// three matrices and a dynamic panel, like the long country questionnaires assessors fill.
export function questionnaire100q(): Record<string, unknown> {
  const pages = [];
  let n = 0;
  for (let p = 0; p < 10; p++) {
    const elements: Record<string, unknown>[] = [];
    for (let i = 0; i < (p < 6 ? 10 : 9); i++) {
      n++;
      const name = `q${n}`;
      const kind = n % 6;
      if (kind === 0) elements.push({ type: 'radiogroup', name, isRequired: true, choices: ['a', 'b', 'c', 'd'] });
      else if (kind === 1) elements.push({ type: 'checkbox', name, choices: ['w', 'x', 'y', 'z'], maxSelectedChoices: 3 });
      else if (kind === 2) elements.push({ type: 'text', name, inputType: 'number', min: 0, max: 1000, isRequired: true });
      else if (kind === 3)
        elements.push({ type: 'dropdown', name, choices: ['r1', 'r2', 'r3', 'r4', 'r5'], visibleIf: `{q${n - 3}} <> 'd'` });
      else if (kind === 4) elements.push({ type: 'comment', name, maxLength: 400 });
      else elements.push({ type: 'boolean', name, requiredIf: `{q${n - 3}} > 500` });
    }
    if (p === 2) elements.push({ type: 'matrix', name: 'm_scale', rows: ['r1', 'r2', 'r3'], columns: [1, 2, 3, 4, 5] });
    if (p === 4)
      elements.push({
        type: 'matrixdropdown',
        name: 'm_grid',
        choices: [0, 1, 2],
        columns: [{ name: 'now' }, { name: 'before' }],
        rows: ['law', 'practice', 'data'],
      });
    if (p === 6)
      elements.push({
        type: 'matrixdynamic',
        name: 'm_cases',
        rowCount: 0,
        columns: [
          { name: 'year', cellType: 'text', inputType: 'number' },
          { name: 'outcome', cellType: 'dropdown', choices: ['conviction', 'acquittal', 'pending'] },
        ],
      });
    if (p === 8)
      elements.push({
        type: 'paneldynamic',
        name: 'legs',
        templateElements: [
          { type: 'dropdown', name: 'country', choices: ['LY', 'TN', 'NE', 'TR'], isRequired: true },
          { type: 'text', name: 'cost', inputType: 'number' },
        ],
      });
    pages.push({ name: `page${p + 1}`, elements, ...(p === 9 ? { visibleIf: "{q1} <> 'c'" } : {}) });
  }
  return { title: 'Benchmark: 100 questions', family: 'assessment', pages };
}

/** A varied, valid response: a deterministic pseudo-random walk over the choices. */
export function response100q(seed: number): Record<string, unknown> {
  let s = (seed * 2654435761) % 4294967296;
  const rnd = (k: number) => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s % k;
  };
  const data: Record<string, unknown> = {};
  for (let n = 1; n <= 96; n++) {
    const kind = n % 6;
    const name = `q${n}`;
    if (kind === 0) data[name] = ['a', 'b', 'c', 'd'][rnd(4)];
    else if (kind === 1) data[name] = ['w', 'x', 'y', 'z'].slice(0, 1 + rnd(3));
    else if (kind === 2) data[name] = rnd(1000);
    else if (kind === 3) {
      if (data[`q${n - 3}`] !== 'd') data[name] = `r${1 + rnd(5)}`;
    } else if (kind === 4) data[name] = 'note '.repeat(1 + rnd(20)).trim();
    else data[name] = rnd(2) === 1;
  }
  data.m_scale = { r1: 1 + rnd(5), r2: 1 + rnd(5), r3: 1 + rnd(5) };
  data.m_grid = { law: { now: rnd(3), before: rnd(3) }, practice: { now: rnd(3) } };
  data.m_cases = [
    { year: 2020 + rnd(6), outcome: 'conviction' },
    { year: 2021, outcome: 'pending' },
  ];
  data.legs = [
    { country: 'NE', cost: 300 },
    { country: 'LY', cost: 1200 },
  ];
  return data;
}
