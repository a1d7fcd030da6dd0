// The size of ODK Central's published ingest figure: a 20-field form with one repeat group
// (here 16 questions at the top and a repeat of 4), with skip logic and limits.
export function questionnaire20q(): Record<string, unknown> {
  return {
    title: 'Benchmark: 20 fields, one repeat group',
    family: 'scoping',
    pages: [
      {
        name: 'interview',
        elements: [
          { type: 'dropdown', name: 'site', isRequired: true, choices: ['agadez', 'sebha', 'zuwara', 'sfax'] },
          { type: 'radiogroup', name: 'consent', isRequired: true, choices: ['yes', 'no'] },
          { type: 'text', name: 'age', inputType: 'number', min: 18, max: 99, isRequired: true, visibleIf: "{consent} = 'yes'" },
          { type: 'radiogroup', name: 'gender', choices: ['f', 'm', 'x'], visibleIf: "{consent} = 'yes'" },
          {
            type: 'dropdown',
            name: 'origin',
            choices: ['NE', 'NG', 'ML', 'SD', 'ER', 'SY'],
            showOtherItem: true,
            visibleIf: "{consent} = 'yes'",
          },
          {
            type: 'checkbox',
            name: 'reasons',
            choices: ['work', 'safety', 'family', 'study'],
            maxSelectedChoices: 3,
            visibleIf: "{consent} = 'yes'",
          },
          { type: 'boolean', name: 'paid_smuggler', visibleIf: "{consent} = 'yes'" },
          {
            type: 'text',
            name: 'amount_paid',
            inputType: 'number',
            min: 0,
            max: 20000,
            visibleIf: '{paid_smuggler} = true',
            isRequired: true,
          },
          { type: 'radiogroup', name: 'currency', choices: ['EUR', 'USD', 'LYD', 'XOF'], visibleIf: '{paid_smuggler} = true' },
          { type: 'rating', name: 'risk_known', rateMin: 1, rateMax: 5 },
          { type: 'radiogroup', name: 'violence', choices: ['yes', 'no', 'refuse'] },
          {
            type: 'checkbox',
            name: 'violence_by',
            choices: ['smuggler', 'police', 'militia', 'other_migrants'],
            visibleIf: "{violence} = 'yes'",
          },
          { type: 'comment', name: 'notes', maxLength: 500 },
          { type: 'dropdown', name: 'intended_destination', choices: ['IT', 'MT', 'ES', 'FR', 'DE', 'unknown'] },
          { type: 'text', name: 'days_in_transit', inputType: 'number', min: 0, max: 3650 },
          { type: 'boolean', name: 'would_go_again', requiredIf: "{consent} = 'yes'" },
          {
            type: 'paneldynamic',
            name: 'legs',
            templateElements: [
              { type: 'dropdown', name: 'country', isRequired: true, choices: ['NE', 'LY', 'TN', 'DZ', 'TR', 'EG'] },
              { type: 'text', name: 'days', inputType: 'number', min: 0, max: 1000 },
              { type: 'radiogroup', name: 'transport', choices: ['foot', 'truck', 'car', 'boat'] },
              { type: 'text', name: 'cost', inputType: 'number', min: 0, visibleIf: "{panel.transport} <> 'foot'" },
            ],
          },
        ],
      },
    ],
  };
}

/** A valid response: deterministic from the seed, with two to four legs. */
export function response20q(seed: number): Record<string, unknown> {
  let s = (seed * 2654435761) % 4294967296;
  const rnd = (k: number) => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s % k;
  };
  const pick = <T>(xs: T[]) => xs[rnd(xs.length)]!;
  const paid = rnd(2) === 1;
  const violence = pick(['yes', 'no', 'refuse']);
  const legs = Array.from({ length: 2 + rnd(3) }, () => {
    const transport = pick(['foot', 'truck', 'car', 'boat']);
    return { country: pick(['NE', 'LY', 'TN', 'DZ']), days: rnd(60), transport, ...(transport === 'foot' ? {} : { cost: 50 + rnd(900) }) };
  });
  return {
    site: pick(['agadez', 'sebha', 'zuwara', 'sfax']),
    consent: 'yes',
    age: 18 + rnd(50),
    gender: pick(['f', 'm', 'x']),
    origin: pick(['NE', 'NG', 'ML', 'SD']),
    reasons: ['work', 'safety', 'family'].slice(0, 1 + rnd(3)),
    paid_smuggler: paid,
    ...(paid ? { amount_paid: 200 + rnd(5000), currency: pick(['EUR', 'USD', 'LYD']) } : {}),
    risk_known: 1 + rnd(5),
    violence,
    ...(violence === 'yes' ? { violence_by: ['smuggler', 'police'].slice(0, 1 + rnd(2)) } : {}),
    notes: 'met at the station '.repeat(1 + rnd(3)).trim(),
    intended_destination: pick(['IT', 'MT', 'ES']),
    days_in_transit: rnd(700),
    would_go_again: rnd(2) === 1,
    legs,
  };
}
