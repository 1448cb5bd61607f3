/**
 * Regions (continents) of the world, for the directory's region filter. A compact ISO 3166-1 alpha-2 →
 * continent table (the usual seven-continent convention; transcontinental countries are put where
 * their capital is). Names come from the message catalogue (directory.regions.*).
 */
export const REGIONS = ['africa', 'asia', 'europe', 'north_america', 'south_america', 'oceania', 'antarctica'] as const;
export type Region = (typeof REGIONS)[number];

const TABLE: Record<Region, string> = {
  africa:
    'AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW',
  asia: 'AE AF AM AZ BD BH BN BT CC CN CX CY GE HK ID IL IN IO IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE',
  europe:
    'AD AL AT AX BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK',
  north_america: 'AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX NI PA PM PR SV SX TC TT US VC VG VI',
  south_america: 'AR BO BR CL CO EC FK GF GY PE PY SR UY VE',
  oceania: 'AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS',
  antarctica: 'AQ BV GS HM TF',
};

const BY_COUNTRY = new Map<string, Region>();
for (const region of REGIONS) for (const code of TABLE[region].split(' ')) BY_COUNTRY.set(code, region);

/** The region of a country, or null (unknown code, or no country). */
export function regionOf(country: string | null | undefined): Region | null {
  return (country && BY_COUNTRY.get(country.toUpperCase())) || null;
}

/** The countries of a region (ISO alpha-2 codes). */
export function countriesIn(region: Region): string[] {
  return TABLE[region].split(' ');
}
