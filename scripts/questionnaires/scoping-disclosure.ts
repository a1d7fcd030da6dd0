// The disclosure policy of the scoping survey (its `disclosure` property from version 4; version 5's
// adds the variables it asks in place of earlier ones): who
// could try to recognise a migrant in a released dataset, and what each of them knows (sdcMicro's
// guidelines: key variables per intruder scenario). Every variable below is one a person around
// the migrant could know without asking the migrant, which is what makes it a key.
export const SCOPING_DISCLOSURE = {
  k: 5,
  l: 2,
  maxGlobalRisk: 0.03,
  /** What researchers need most: recoded if need be, never withheld whole. */
  keep: ['sex', 'age_band', 'nationality', 'hub', 'interview_month'],
  scenarios: [
    {
      name: 'community',
      description: "Someone from the migrant's own community, at home or on the route: a neighbour, a relative, another migrant.",
      knows: ['nationality', 'sex', 'age_band', 'marital_status', 'has_children', 'education'],
    },
    {
      name: 'journey',
      description:
        'A smuggler, guide or official who met the migrant on the way: where from, when, through which hub, how many sea attempts.',
      // sea_attempts (versions 1-4) and sea_crossings (5) are the same knowledge, asked two ways.
      knows: ['nationality', 'sex', 'age_band', 'departure_country', 'left_month', 'hub', 'sea_attempts', 'sea_crossings'],
    },
    {
      name: 'team',
      description:
        'Anyone who knows the fieldwork: where and when interviews were held and in which language (the team, a guard at the site).',
      knows: ['hub', 'interview_month', 'interview_language', 'enumerator_sex', 'sex', 'age_band'],
    },
  ],
};
