// Realistic interviews of the scoping survey (version 3), for benchmarks and attack tests: skewed
// hubs and nationalities (a few dominate each route, many are rare, as in 4Mi and DTM data),
// interview language that follows nationality, rare ages and long journeys, months spread over
// two years with the departure month consistent with the months en route, sensitive modules
// answered or refused, about 40% of free text left empty. Answers go through the version's own
// validation plan, so skip logic drops what a real form would not have asked and `hidden`
// records it. Deterministic from a seed.
import Database from 'better-sqlite3';
import { compileValidation } from '../../src/validation/plan-compile';
import { validateWithPlan } from '../../src/validation/plan-run';

export interface GeneratedInterview {
  data: Record<string, unknown>;
  hidden: string[];
  country: string;
  site: string;
  locale: string;
  /** Milliseconds since the epoch. */
  submittedAt: number;
}

/** Deterministic pseudo-random numbers in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = Array<[T, number]>;
function pick<T>(r: () => number, items: Weighted<T>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items.at(-1)![0];
}
const some = <T>(r: () => number, items: Weighted<T>, p: number): T[] => {
  const out = items.filter(([, w]) => r() < p * w).map(([item]) => item);
  return out.length ? out : [pick(r, items)];
};

/** Hubs (the shipped list), their country and weight. */
const HUBS: Weighted<[string, string]> = [
  [['Sfax', 'TUN'], 30],
  [['Agadez', 'NER'], 22],
  [['Zuwara', 'LBY'], 18],
  [['Sebha', 'LBY'], 14],
  [['Oujda', 'MAR'], 10],
  [['Izmir', 'TUR'], 6],
];

/** Who passes through each hub: Zipf-like, a long tail of rare nationalities. */
const ROUTES: Record<string, Weighted<string>> = {
  Sfax: [
    ['GIN', 30],
    ['CIV', 22],
    ['SDN', 14],
    ['MLI', 10],
    ['CMR', 7],
    ['SEN', 5],
    ['BFA', 4],
    ['NGA', 3],
    ['GMB', 2],
    ['TCD', 1],
    ['ERI', 1],
    ['other', 1],
  ],
  Agadez: [
    ['NGA', 28],
    ['MLI', 18],
    ['GIN', 12],
    ['CIV', 9],
    ['SEN', 8],
    ['GMB', 6],
    ['CMR', 5],
    ['GHA', 5],
    ['BFA', 4],
    ['TCD', 3],
    ['SDN', 1],
    ['other', 1],
  ],
  Zuwara: [
    ['BGD', 24],
    ['EGY', 20],
    ['SDN', 16],
    ['SYR', 12],
    ['ERI', 9],
    ['PAK', 7],
    ['NGA', 4],
    ['MLI', 3],
    ['ETH', 2],
    ['SOM', 1],
    ['other', 2],
  ],
  Sebha: [
    ['SDN', 25],
    ['NGA', 18],
    ['ERI', 14],
    ['TCD', 10],
    ['NER', 9],
    ['MLI', 7],
    ['GHA', 6],
    ['ETH', 5],
    ['SOM', 3],
    ['EGY', 2],
    ['other', 1],
  ],
  Oujda: [
    ['GIN', 28],
    ['MLI', 18],
    ['SEN', 14],
    ['CIV', 12],
    ['CMR', 9],
    ['DZA', 6],
    ['SDN', 5],
    ['BFA', 3],
    ['other', 2],
  ],
  Izmir: [
    ['SYR', 30],
    ['AFG', 28],
    ['IRQ', 14],
    ['PAK', 10],
    ['IRN', 7],
    ['SOM', 5],
    ['ERI', 2],
    ['other', 2],
  ],
};

/** The language an interview is held in follows nationality (the point of the attack on it). */
const LANGUAGE: Record<string, Weighted<string>> = {
  ERI: [
    ['ti', 85],
    ['ar', 10],
    ['en', 5],
  ],
  ETH: [
    ['am', 85],
    ['en', 10],
    ['ar', 5],
  ],
  SOM: [
    ['so', 85],
    ['ar', 10],
    ['en', 5],
  ],
  AFG: [
    ['fa', 60],
    ['ps', 38],
    ['en', 2],
  ],
  IRN: [
    ['fa', 95],
    ['en', 5],
  ],
  PAK: [
    ['en', 60],
    ['ps', 30],
    ['ar', 10],
  ],
  BGD: [
    ['en', 85],
    ['ar', 15],
  ],
  SDN: [
    ['ar', 95],
    ['en', 5],
  ],
  SYR: [
    ['ar', 98],
    ['en', 2],
  ],
  IRQ: [
    ['ar', 90],
    ['fa', 10],
  ],
  EGY: [
    ['ar', 99],
    ['en', 1],
  ],
  DZA: [
    ['ar', 60],
    ['fr', 40],
  ],
  TCD: [
    ['fr', 55],
    ['ar', 45],
  ],
  NGA: [
    ['en', 95],
    ['fr', 5],
  ],
  GHA: [
    ['en', 95],
    ['fr', 5],
  ],
  GMB: [
    ['en', 90],
    ['fr', 10],
  ],
};
const FRENCH: Weighted<string> = [
  ['fr', 92],
  ['en', 5],
  ['ar', 3],
];

const month = (index: number) => `${2024 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

function answers(
  r: () => number,
  plant?: string,
): { data: Record<string, unknown>; country: string; site: string; locale: string; interviewIndex: number } {
  const [hub, country] = pick(r, HUBS);
  const nationality = pick(r, ROUTES[hub]!);
  const language = pick(r, LANGUAGE[nationality] ?? FRENCH);
  // Interviews over 22 months (January 2025 to October 2026); journeys of 1 to 60 months, most short.
  const interviewIndex = 12 + Math.floor(r() * 22);
  const monthsEnRoute = Math.min(60, Math.max(0, Math.round(-Math.log(1 - r()) * 8)));
  const departure =
    r() < 0.7
      ? nationality
      : pick(r, [
          ['LBY', 3],
          ['NER', 2],
          ['SDN', 2],
          ['TUR', 2],
          ['DZA', 1],
          ['MAR', 1],
        ]);
  const sea = pick(r, [
    [0, 55],
    [1, 25],
    [2, 12],
    [3, 5],
    [4, 2],
    [7, 1],
  ]);
  const smuggler = pick(r, [
    ['all', 55],
    ['part', 25],
    ['none', 15],
    ['refused', 5],
  ]);
  const reasons = some(
    r,
    [
      ['economic', 0.8],
      ['violence', 0.35],
      ['personal', 0.2],
      ['rights', 0.15],
      ['services', 0.1],
      ['environment', 0.05],
    ],
    0.7,
  );
  const abuse = (): string[] =>
    r() < 0.45
      ? ['none']
      : r() < 0.08
        ? ['refused']
        : some(
            r,
            [
              ['detention', 0.5],
              ['physical_violence', 0.4],
              ['extortion', 0.4],
              ['kidnapping', 0.15],
              ['forced_work', 0.2],
              ['sexual_violence', 0.08],
              ['death_companion', 0.1],
              ['robbery', 0.3],
              ['held', 0.2],
            ],
            0.6,
          );
  const experienced = abuse();
  const witnessed = abuse();
  const transit = [
    ...new Set(
      some(
        r,
        [
          ['NER', 0.5],
          ['LBY', 0.5],
          ['DZA', 0.3],
          ['MLI', 0.25],
          ['SDN', 0.2],
          ['TCD', 0.1],
          ['TUN', 0.1],
          ['TUR', 0.05],
          ['EGY', 0.05],
        ],
        0.6,
      ),
    ),
  ].filter((c) => c !== nationality);
  const data: Record<string, unknown> = {
    interview_language: language,
    hub,
    interview_month: month(interviewIndex),
    interviewed_before: 'no',
    age_eligible: 'yes',
    consent: 'yes',
    age_band: pick(r, [
      ['18-24', 34],
      ['25-34', 40],
      ['35-44', 17],
      ['45-54', 7],
      ['55+', 2],
    ]),
    sex: pick(r, [
      ['male', 82],
      ['female', 16],
      ['other', 0.5],
      ['refused', 1.5],
    ]),
    nationality,
    residence_country: r() < 0.8 ? nationality : departure,
    marital_status: pick(r, [
      ['single', 55],
      ['married', 35],
      ['separated', 4],
      ['widowed', 3],
      ['refused', 3],
    ]),
    travelling_with: pick(r, [
      ['alone', 45],
      ['friends', 25],
      ['family', 20],
      ['met_on_route', 10],
    ]),
    has_children: pick(r, [
      ['no', 55],
      ['yes', 40],
      ['refused', 5],
    ]),
    education: pick(r, [
      ['primary', 30],
      ['secondary', 30],
      ['none', 15],
      ['religious', 8],
      ['vocational', 9],
      ['university', 8],
    ]),
    work_before: pick(r, [
      ['employed', 25],
      ['self_employed', 25],
      ['unemployed', 25],
      ['student', 12],
      ['daily', 10],
      ['refused', 3],
    ]),
    left_month: month(Math.max(0, interviewIndex - monthsEnRoute)),
    departure_country: departure,
    transit_countries: transit.length ? transit : ['LBY'],
    transport: some(
      r,
      [
        ['bus', 0.7],
        ['car', 0.4],
        ['truck', 0.4],
        ['foot', 0.3],
        ['boat', 0.35],
        ['plane', 0.05],
      ],
      0.8,
    ),
    months_en_route: monthsEnRoute,
    sea_attempts: sea,
    ...(sea > 0
      ? {
          intercepted: pick(r, [
            ['no', 50],
            ['yes', 40],
            ['dont_know', 5],
            ['refused', 5],
          ]),
        }
      : {}),
    destination: pick(r, [
      ['ITA', 40],
      ['FRA', 20],
      ['ESP', 12],
      ['DEU', 12],
      ['GBR', 6],
      ['dont_know', 8],
      ['GRC', 2],
    ]),
    destination_reasons: some(
      r,
      [
        ['family', 0.4],
        ['work', 0.6],
        ['language', 0.2],
        ['asylum', 0.2],
        ['safety', 0.2],
        ['education', 0.05],
      ],
      0.8,
    ),
    reasons,
    ...(reasons.length > 1 ? { main_reason: reasons[0] } : {}),
    influenced_by: some(
      r,
      [
        ['self', 0.7],
        ['family', 0.35],
        ['diaspora', 0.3],
        ['returnees', 0.1],
        ['smugglers', 0.1],
        ['social_media', 0.15],
      ],
      0.7,
    ),
    financing: some(
      r,
      [
        ['savings', 0.6],
        ['family', 0.45],
        ['loan', 0.2],
        ['work', 0.3],
        ['assets_sold', 0.1],
      ],
      0.7,
    ),
    sources_before: some(
      r,
      [
        ['family', 0.6],
        ['messaging', 0.5],
        ['returnees', 0.2],
        ['smugglers', 0.25],
        ['ngo_un', 0.05],
        ['diaspora', 0.3],
      ],
      0.7,
    ),
    sources_during: some(
      r,
      [
        ['family', 0.5],
        ['messaging', 0.5],
        ['migrants', 0.4],
        ['smugglers', 0.3],
      ],
      0.7,
    ),
    most_trusted: pick(r, [
      ['family', 50],
      ['messaging', 20],
      ['migrants', 15],
      ['smugglers', 10],
      ['ngo_un', 5],
    ]),
    risks_known: some(
      r,
      [
        ['death_sea', 0.6],
        ['death_desert', 0.4],
        ['detention', 0.4],
        ['violence', 0.3],
        ['robbery', 0.2],
        ['kidnapping', 0.2],
      ],
      0.7,
    ),
    would_still_leave: pick(r, [
      ['yes', 55],
      ['no', 25],
      ['unsure', 20],
    ]),
    consent_sensitive: r() < 0.92 ? 'yes' : 'no',
    smuggler_use: smuggler,
    first_contact: pick(r, [
      ['friends', 40],
      ['approached', 25],
      ['social_media', 15],
      ['hub', 10],
      ['migrants', 8],
      ['refused', 2],
    ]),
    legs: pick(r, [
      [1, 35],
      [2, 35],
      [3, 20],
      [4, 7],
      [6, 3],
    ]),
    services: some(
      r,
      [
        ['transport', 0.9],
        ['lodging', 0.5],
        ['food', 0.4],
        ['boat', 0.4],
        ['border', 0.3],
        ['information', 0.2],
      ],
      0.8,
    ),
    ...(r() < 0.7
      ? {
          cost_amount: Math.round(Math.exp(5.5 + r() * 3.5) / 50) * 50,
          cost_currency: pick(r, [
            ['EUR', 35],
            ['USD', 30],
            ['LYD', 12],
            ['XOF', 10],
            ['TND', 5],
            ['other', 8],
          ]),
        }
      : {}),
    cost_basis: pick(r, [
      ['per_leg', 55],
      ['total', 40],
      ['dont_know', 5],
    ]),
    payment_method: some(
      r,
      [
        ['cash_advance', 0.6],
        ['cash_arrival', 0.3],
        ['mobile_bank', 0.2],
        ['labour', 0.1],
        ['guarantor', 0.15],
      ],
      0.7,
    ),
    who_paid: some(
      r,
      [
        ['self', 0.7],
        ['family_home', 0.35],
        ['diaspora', 0.2],
      ],
      0.7,
    ),
    promises_kept: pick(r, [
      ['yes', 30],
      ['partly', 40],
      ['no', 25],
      ['refused', 5],
    ]),
    debt: pick(r, [
      ['no', 65],
      ['yes', 28],
      ['refused', 7],
    ]),
    abuse_experienced: experienced,
    abuse_experienced_where: [
      pick(r, [
        ['LBY', 60],
        ['NER', 15],
        ['TUN', 10],
        ['DZA', 10],
        ['SDN', 5],
      ]),
    ],
    abuse_experienced_by: [
      pick(r, [
        ['smugglers', 50],
        ['police', 15],
        ['gangs', 15],
        ['armed_groups', 15],
        ['unknown', 5],
      ]),
    ],
    abuse_witnessed: witnessed,
    abuse_witnessed_where: [
      pick(r, [
        ['LBY', 60],
        ['NER', 20],
        ['TUN', 10],
        ['DZA', 10],
      ]),
    ],
    abuse_witnessed_by: [
      pick(r, [
        ['smugglers', 50],
        ['police', 20],
        ['armed_groups', 20],
        ['migrants', 10],
      ]),
    ],
    assistance_received:
      r() < 0.4
        ? ['none']
        : some(
            r,
            [
              ['food', 0.3],
              ['health', 0.2],
              ['shelter', 0.15],
              ['return_info', 0.1],
              ['cash', 0.1],
            ],
            0.7,
          ),
    assistance_from: ['ngo_un'],
    current_needs: some(
      r,
      [
        ['cash', 0.5],
        ['work', 0.4],
        ['health', 0.3],
        ['shelter', 0.3],
        ['documents', 0.2],
        ['food', 0.2],
      ],
      0.6,
    ),
    intention: pick(r, [
      ['continue', 60],
      ['stay', 15],
      ['return', 10],
      ['unsure', 15],
    ]),
    intended_destination: pick(r, [
      ['ITA', 50],
      ['FRA', 20],
      ['DEU', 15],
      ['dont_know', 15],
    ]),
    use_smugglers_again: pick(r, [
      ['yes', 45],
      ['no', 30],
      ['unsure', 20],
      ['refused', 5],
    ]),
    aware_regular_options: pick(r, [
      ['yes', 25],
      ['no', 65],
      ['unsure', 10],
    ]),
    referral_card: r() < 0.9 ? 'given' : 'declined',
    // About 40% of free text left empty; the rest says nothing identifying unless planted.
    ...(r() < 0.6 ? { enumerator_notes: plant ?? 'Calm interview, no remarks.' } : {}),
  };
  return { data, country, site: hub, locale: language, interviewIndex };
}

const ABUSE_FORMS = [
  'death_companion',
  'physical_violence',
  'kidnapping',
  'detention',
  'extortion',
  'robbery',
  'forced_work',
  'held',
  'denial_care',
  'abandonment',
];

/**
 * The same interview as version 5 asks it: sea crossings in bands and what happened at sea instead
 * of attempts and interceptions, the route as legs, the number of paid legs in bands, the
 * enumerator's sex (sexual violence is asked only when it matches the migrant's), where and by whom
 * for each form of abuse, and how the interview ended.
 */
function asVersion5(r: () => number, data: Record<string, unknown>): Record<string, unknown> {
  const {
    sea_attempts: sea,
    intercepted,
    transit_countries: transit,
    legs,
    abuse_experienced_where: experiencedWhere,
    abuse_experienced_by: experiencedBy,
    abuse_witnessed_where: witnessedWhere,
    abuse_witnessed_by: witnessedBy,
    ...rest
  } = data as Record<string, any>;
  const enumeratorSex = pick(r, [
    ['male', 65],
    ['female', 35],
  ]);
  const v5: Record<string, unknown> = {
    ...rest,
    enumerator_sex: enumeratorSex,
    sea_crossings: sea === 0 ? '0' : sea === 1 ? '1' : sea <= 3 ? '2-3' : '4+',
    route_legs: (transit as string[]).map((leg_country) => ({ leg_country })),
    distress_end: pick(r, [
      ['no', 90],
      ['referred', 7],
      ['declined', 3],
    ]),
  };
  if (sea > 0)
    v5.sea_events =
      intercepted === 'yes'
        ? [
            pick(r, [
              ['pulled_back', 60],
              ['rescued', 30],
              ['pushed_back', 10],
            ]),
          ]
        : intercepted === 'no'
          ? [r() < 0.2 ? 'boat_failed' : 'none']
          : [intercepted];
  if (legs !== undefined) v5.legs_count = legs <= 2 ? String(legs) : legs <= 4 ? '3-4' : '5+';
  for (const [kind, where, by] of [
    ['experienced', experiencedWhere, experiencedBy],
    ['witnessed', witnessedWhere, witnessedBy],
  ] as const) {
    // Sexual violence is asked on its own, and only by an enumerator of the migrant's sex.
    const answered = data[`abuse_${kind}`] as string[];
    const forms = answered.filter((f) => f !== 'sexual_violence');
    v5[`abuse_${kind}`] = forms.length ? forms : ['none'];
    if (enumeratorSex === data.sex)
      v5[`abuse_${kind}_sexual_violence`] = answered.includes('sexual_violence')
        ? 'yes'
        : pick(r, [
            ['no', 94],
            ['refused', 6],
          ]);
    const withPlace = [...forms, ...(v5[`abuse_${kind}_sexual_violence`] === 'yes' ? ['sexual_violence'] : [])];
    for (const form of withPlace.filter((f) => f === 'sexual_violence' || ABUSE_FORMS.includes(f))) {
      v5[`abuse_${kind}_${form}_where`] = where;
      v5[`abuse_${kind}_${form}_by`] = by;
    }
  }
  return v5;
}

/**
 * `n` interviews for a version-3 definition, cleaned by its validation plan (answers skip logic
 * hides are dropped, `hidden` lists those questions). Choices the version does not offer make a
 * generated interview fail validation: it is then regenerated, so every interview is one the
 * server would have accepted. `plant(i)` puts a text into the enumerator notes of interview i.
 * Made one at a time, as they are written: a million interviews held at once took 5 GB.
 */
export function* realisticInterviews(
  definition: Record<string, unknown>,
  n: number,
  seed = 7,
  plant?: (i: number) => string | undefined,
): Generator<GeneratedInterview> {
  const compiled = compileValidation(definition);
  if (compiled.path !== 'plan') throw new Error(`the scoping definition does not compile to a plan: ${compiled.reasons.join('; ')}`);
  const r = rng(seed);
  // Version 5 renamed and split questions of version 3 (sea crossings, route legs, abuse by form).
  const version5 = JSON.stringify(definition).includes('"name":"sea_crossings"');
  for (let i = 0; i < n; i++) {
    for (let attempt = 0; ; attempt++) {
      const a = answers(r, plant?.(i));
      if (version5) a.data = asVersion5(r, a.data);
      const v = validateWithPlanSync(compiled.plan, a.data);
      if (v.ok) {
        const day = Math.floor(r() * 28);
        yield {
          data: v.data,
          hidden: v.hidden,
          country: a.country,
          site: a.site,
          locale: a.locale,
          submittedAt: Date.UTC(2024 + Math.floor(a.interviewIndex / 12), a.interviewIndex % 12, 1 + day, 9 + Math.floor(r() * 9)),
        };
        break;
      }
      if (attempt > 20)
        throw new Error(`generated interviews keep failing validation: ${v.errors.map((e) => `${e.path}:${e.type}`).join(', ')}`);
    }
  }
}

type Plan = Extract<ReturnType<typeof compileValidation>, { path: 'plan' }>['plan'];
function validateWithPlanSync(plan: Plan, data: Record<string, unknown>) {
  return validateWithPlan(plan, data, 'en', 'submit');
}

/**
 * Stores interviews as submitted responses of `questionnaireId`, version `versionId`, straight
 * into the database file (an import, not through the API): one transaction, a connection of its
 * own. `dropRevisionTrigger` skips the copy of each row a benchmark does not need.
 */
export function writeInterviews(
  dbFile: string,
  questionnaireId: string,
  version: string,
  interviews: Iterable<GeneratedInterview>,
  opts: { dropRevisionTrigger?: boolean } = {},
): void {
  const sqlite = new Database(dbFile);
  try {
    const row = sqlite
      .prepare('select id from questionnaire_versions where questionnaire_id = ? and version = ?')
      .get(questionnaireId, version) as { id: string } | undefined;
    if (!row) throw new Error(`${questionnaireId} ${version} is not published`);
    if (opts.dropRevisionTrigger) sqlite.exec('drop trigger if exists responses_revision_on_insert');
    const insert = sqlite.prepare(
      `insert into responses (instance_id, questionnaire_id, version_id, status, data, payload_hash, dropped, hidden, locale, revision, created_at, updated_at, submitted_at, country, site, submitted_by, updated_by, review_state)
       values (?, ?, ?, 'submitted', ?, 'generated', '[]', ?, ?, 1, ?, ?, ?, ?, ?, 'device:generated', 'device:generated', 'received')`,
    );
    sqlite.transaction(() => {
      let i = 0;
      for (const iv of interviews) {
        insert.run(
          `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
          questionnaireId,
          row.id,
          JSON.stringify(iv.data),
          JSON.stringify(iv.hidden),
          iv.locale,
          iv.submittedAt,
          iv.submittedAt,
          iv.submittedAt,
          iv.country,
          iv.site,
        );
        i++;
      }
    })();
  } finally {
    sqlite.close();
  }
}
