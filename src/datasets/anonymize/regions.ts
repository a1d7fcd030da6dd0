// Country -> subregion -> region, after the UN's M49 standard (unstats.un.org/unsd/methodology/m49),
// for the countries of origin, transit and destination the questionnaires offer: the hierarchy
// global recoding climbs for a nationality or a country of departure.

const SUBREGIONS: Record<string, string[]> = {
  'Northern Africa': ['DZA', 'EGY', 'LBY', 'MAR', 'SDN', 'TUN', 'ESH'],
  'Western Africa': ['BEN', 'BFA', 'CPV', 'CIV', 'GMB', 'GHA', 'GIN', 'GNB', 'LBR', 'MLI', 'MRT', 'NER', 'NGA', 'SEN', 'SLE', 'TGO'],
  'Middle Africa': ['AGO', 'CMR', 'CAF', 'TCD', 'COG', 'COD', 'GNQ', 'GAB', 'STP'],
  'Eastern Africa': ['BDI', 'COM', 'DJI', 'ERI', 'ETH', 'KEN', 'MDG', 'MWI', 'MOZ', 'RWA', 'SOM', 'SSD', 'TZA', 'UGA', 'ZMB', 'ZWE'],
  'Southern Africa': ['BWA', 'SWZ', 'LSO', 'NAM', 'ZAF'],
  'Southern Asia': ['AFG', 'BGD', 'BTN', 'IND', 'IRN', 'MDV', 'NPL', 'PAK', 'LKA'],
  'Western Asia': [
    'ARM',
    'AZE',
    'BHR',
    'CYP',
    'GEO',
    'IRQ',
    'ISR',
    'JOR',
    'KWT',
    'LBN',
    'OMN',
    'QAT',
    'SAU',
    'PSE',
    'SYR',
    'TUR',
    'ARE',
    'YEM',
  ],
  'Southern Europe': ['ALB', 'BIH', 'HRV', 'GRC', 'ITA', 'MLT', 'MNE', 'MKD', 'PRT', 'SRB', 'SVN', 'ESP'],
  'Western Europe': ['AUT', 'BEL', 'FRA', 'DEU', 'LUX', 'NLD', 'CHE'],
  'Northern Europe': ['DNK', 'EST', 'FIN', 'ISL', 'IRL', 'LVA', 'LTU', 'NOR', 'SWE', 'GBR'],
};

const REGION_OF_SUBREGION: Record<string, string> = {
  'Northern Africa': 'Africa',
  'Western Africa': 'Africa',
  'Middle Africa': 'Africa',
  'Eastern Africa': 'Africa',
  'Southern Africa': 'Africa',
  'Southern Asia': 'Asia',
  'Western Asia': 'Asia',
  'Southern Europe': 'Europe',
  'Western Europe': 'Europe',
  'Northern Europe': 'Europe',
};

/** ISO 3166-1 alpha-3 code -> M49 subregion. */
export const SUBREGION: Record<string, string> = Object.fromEntries(
  Object.entries(SUBREGIONS).flatMap(([sub, codes]) => codes.map((c) => [c, sub])),
);

/** Subregion (or a country code) -> region. */
export const REGION: Record<string, string> = {
  ...REGION_OF_SUBREGION,
  ...Object.fromEntries(Object.entries(SUBREGION).map(([c, sub]) => [c, REGION_OF_SUBREGION[sub]!])),
};

/** Whether most of a variable's choices are country codes the table knows. */
export function isCountryList(values: readonly string[]): boolean {
  const known = values.filter((v) => v in SUBREGION).length;
  return known >= 5 && known >= values.length / 2;
}
