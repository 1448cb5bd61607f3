import { Faker, en } from '@faker-js/faker';
import countries from 'i18n-iso-countries';
import enCountries from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { Sector } from '@/db/schema/enums';

countries.registerLocale(enCountries);

export interface DemoOrganisation {
  slug: string;
  name: string;
  sector: Sector;
  country: string | null;
  website: string | null;
  emailDomains: string[];
  isSecretariat?: boolean;
}

/** The alliance's shape (2023 review): 102 governments, 70 companies, 94 civil society, 10 intergovernmental, 112 countries. */
export const SHAPE = { government: 102, private_sector: 70, civil_society: 94, intergovernmental: 10, countries: 112 };

const COMPANY_KINDS = [
  'Networks',
  'Cloud',
  'Messaging',
  'Games',
  'Payments',
  'Social',
  'Search',
  'Telecom',
  'Video',
  'Hosting',
  'Devices',
  'Safety Tech',
];
const CSO_KINDS = [
  'Child Protection Hotline',
  'Foundation for Children Online',
  'Survivors’ Network',
  'Centre for Child Safety Research',
  'Helpline',
  'Alliance for Safe Childhoods',
  'Youth Rights Coalition',
  'Prevention Project',
];
const IGO_NAMES = [
  'Regional Council on Child Online Safety',
  'International Organisation for Justice Cooperation',
  'Coalition of Interior Ministries',
  'Inter-Regional Police Cooperation Bureau',
  'Commission on Children’s Digital Rights',
  'Union of Telecommunication Regulators',
  'Partnership for Safe Digital Childhoods',
  'Council of Regional Prosecutors',
  'Development Bank Child Safeguarding Unit',
  'Forum of Island States on Online Harms',
];

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);

/** Deterministic demo organisations (a fixed faker seed), `scale` times the alliance's size. */
export function demoOrganisations(scale = 1): DemoOrganisation[] {
  const faker = new Faker({ locale: [en], seed: 2023 });
  const codes = faker.helpers.shuffle(Object.keys(countries.getAlpha2Codes()).sort()).slice(0, SHAPE.countries);
  const out: DemoOrganisation[] = [];
  const used = new Set<string>();
  const add = (o: Omit<DemoOrganisation, 'slug'>) => {
    let s = slug(o.name);
    for (let i = 2; used.has(s); i++) s = `${slug(o.name)}-${i}`;
    used.add(s);
    out.push({ ...o, slug: s });
  };
  for (let round = 0; round < scale; round++) {
    const suffix = round === 0 ? '' : ` ${round + 1}`;
    for (let i = 0; i < SHAPE.government; i++) {
      const code = codes[i]!;
      const country = countries.getName(code, 'en') ?? code;
      add({
        name: `Government of ${country}${suffix}`,
        sector: 'government',
        country: code,
        website: null,
        emailDomains: [`gov-${code.toLowerCase()}${round || ''}.example`],
      });
    }
    for (let i = 0; i < SHAPE.private_sector; i++) {
      const name = `${faker.company.name()} ${faker.helpers.arrayElement(COMPANY_KINDS)}${suffix}`;
      const domain = `${slug(name).slice(0, 40)}.example`;
      add({ name, sector: 'private_sector', country: codes[(i * 7) % codes.length]!, website: `https://${domain}`, emailDomains: [domain] });
    }
    for (let i = 0; i < SHAPE.civil_society; i++) {
      // The ten countries without a government member get a civil society organisation first.
      const code = i < SHAPE.countries - SHAPE.government ? codes[SHAPE.government + i]! : faker.helpers.arrayElement(codes);
      const name = `${faker.location.city()} ${faker.helpers.arrayElement(CSO_KINDS)}${suffix}`;
      const domain = `${slug(name).slice(0, 40)}.example`;
      add({ name, sector: 'civil_society', country: code, website: `https://${domain}`, emailDomains: [domain] });
    }
    for (let i = 0; i < SHAPE.intergovernmental; i++) {
      const name = `${IGO_NAMES[i]!}${suffix}`;
      const domain = `${slug(name).slice(0, 40)}.example`;
      add({ name, sector: 'intergovernmental', country: i % 3 === 0 ? null : codes[i * 5]!, website: `https://${domain}`, emailDomains: [domain] });
    }
  }
  return out;
}

export const SECRETARIAT: DemoOrganisation = {
  slug: 'secretariat',
  name: 'Alliance Secretariat',
  sector: 'intergovernmental',
  country: null,
  website: null,
  emailDomains: ['secretariat.example'],
  isSecretariat: true,
};
