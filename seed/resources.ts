import { createHash } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { cookMarkdown, markdownToPlainText } from '@/lib/markdown';
import { newStorageKey, storage } from '@/lib/storage';
import { minimalPdf } from '@/testing/uploads';
import type { Tx } from '@/db/index';
import { files, resourceVersions, resources, users } from '@/db/schema';
import type { ResourceType, ResourceVisibility, Sector, TlpMarking } from '@/db/schema';
import { LANGUAGE_RESOURCES } from './languages';

/**
 * Demo resources: fictional titles and notes echoing the alliance's work (never statistics presented as
 * real). A few carry a small generated PDF whose text is searchable; the others link to example.org.
 */
export interface DemoResource {
  by: string;
  title: string;
  description: string;
  type: ResourceType;
  topics: string[];
  languages: string[];
  year: number;
  visibility: ResourceVisibility;
  /** The TLP marking (GREEN when left out); CLEAR ones shared with all members appear on /publications. */
  marking?: TlpMarking;
  sectors?: Sector[];
  /** Text of a one-page demo PDF; without it, a link. */
  pdf?: string;
  url?: string;
}

const ENGLISH: DemoResource[] = [
  {
    by: 'government@demo.example',
    title: 'Model National Response self-assessment notes',
    description:
      'Working notes from a self-assessment against the **Maturity Model**, from "building" towards "maturity". Shared with other governments to compare approaches.',
    type: 'guidance_toolkit',
    topics: ['policy-legislation', 'law-enforcement'],
    languages: ['en'],
    year: 2025,
    visibility: 'sectors',
    sectors: ['government'],
    pdf: 'Model National Response self-assessment notes. Demo document: capabilities reviewed, next steps agreed with the national coordination group.',
  },
  {
    by: 'company@demo.example',
    title: 'Safety by Design checklist for product teams',
    description:
      'A short checklist our product teams use before launch: reporting tools, default settings for young users, and escalation to the trust and safety team.',
    type: 'guidance_toolkit',
    topics: ['trust-safety', 'detection-technology'],
    languages: ['en', 'es'],
    year: 2024,
    visibility: 'all_members',
    url: 'https://example.org/safety-by-design-checklist',
  },
  {
    by: 'civil@demo.example',
    title: 'Hotline referral pathways: a practical guide',
    description:
      'How a report moves from a hotline analyst to the right partner, and what to tell the person who reported. For hotline and helpline staff.',
    type: 'training_material',
    topics: ['hotlines-reporting', 'victim-support'],
    languages: ['en', 'fr'],
    year: 2025,
    visibility: 'all_members',
    pdf: 'Hotline referral pathways. Demo guide: triage, referral to law enforcement and industry partners, feedback to reporters, staff wellbeing.',
  },
  {
    by: 'civil@demo.example',
    title: 'Financial sexual extortion: what helplines are hearing',
    description: 'Themes from helpline conversations (no case details), and questions for companies and payment providers.',
    type: 'case_study',
    topics: ['victim-support', 'financial-sector'],
    languages: ['en'],
    year: 2025,
    visibility: 'sectors',
    sectors: ['civil_society', 'private_sector'],
    url: 'https://example.org/sextortion-helpline-themes',
  },
  {
    by: 'igo@demo.example',
    title: 'Reference group meeting summary (draft)',
    description: 'Draft summary of our preparation for the next reference group meeting. Internal to our organisation until it is agreed.',
    type: 'report',
    topics: ['policy-legislation'],
    languages: ['en', 'ar'],
    year: 2025,
    visibility: 'organisation',
    pdf: 'Reference group meeting summary, draft. Demo document: agenda items, follow-up actions, open questions for the Secretariat.',
  },
  {
    by: 'admin@secretariat.example',
    title: 'Terminology guidelines: a one-page reminder',
    description:
      'A reminder of preferred terms, such as "child sexual abuse material" rather than outdated terms, for members writing reports and press material.',
    type: 'guidance_toolkit',
    topics: ['prevention-education'],
    languages: ['en', 'fr', 'es', 'pt', 'ar'],
    year: 2024,
    visibility: 'all_members',
    marking: 'clear',
    pdf: 'Terminology guidelines reminder. Demo document: say child sexual exploitation and abuse; describe material accurately; avoid language that blames children.',
  },
  {
    by: 'company@demo.example',
    title: 'Transparency reporting template',
    description: 'The template we use for our twice-yearly transparency report, with notes on each section. Adapt freely.',
    type: 'other',
    topics: ['trust-safety', 'research-data'],
    languages: ['en'],
    year: 2023,
    visibility: 'all_members',
    marking: 'clear',
    url: 'https://example.org/transparency-report-template',
  },
];

/** English, then the other languages' resources (./languages.ts); newest first in this order. */
const DEMO: DemoResource[] = [...ENGLISH, ...LANGUAGE_RESOURCES];

export async function seedResources(tx: Tx): Promise<void> {
  const people = await tx
    .select({ id: users.id, email: users.email, organisationId: users.organisationId })
    .from(users)
    .where(inArray(users.email, [...new Set(DEMO.map((r) => r.by))]));
  const byEmail = new Map(people.map((p) => [p.email, p]));
  for (const [index, demo] of DEMO.entries()) {
    const person = byEmail.get(demo.by);
    if (!person) continue;
    const html = await cookMarkdown(demo.description);
    // Spread over the last weeks, newest first in the order above.
    const createdAt = new Date(Date.now() - (index + 1) * 3 * 86_400_000);
    let fileId: string | null = null;
    if (demo.pdf) {
      const bytes = minimalPdf(demo.pdf);
      const key = newStorageKey('resource');
      await storage().put(key, bytes, 'application/pdf', bytes.length);
      const [file] = await tx
        .insert(files)
        .values({
          storageKey: key,
          purpose: 'resource',
          contentType: 'application/pdf',
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          md5: createHash('md5').update(bytes).digest('hex'),
          originalName: `${demo.title.replace(/[^A-Za-z0-9 -]+/g, '').slice(0, 80)}.pdf`,
          uploadedBy: person.id,
          createdAt,
        })
        .returning({ id: files.id });
      fileId = file!.id;
    }
    const [row] = await tx
      .insert(resources)
      .values({
        organisationId: person.organisationId,
        contributorId: person.id,
        title: demo.title,
        description: demo.description,
        descriptionHtml: html,
        descriptionText: markdownToPlainText(html),
        type: demo.type,
        topics: demo.topics,
        languages: demo.languages,
        year: demo.year,
        visibility: demo.visibility,
        marking: demo.marking ?? 'green',
        sectors: demo.sectors ?? [],
        url: demo.url ?? null,
        currentFileId: fileId,
        versionCount: fileId ? 1 : 0,
        extractedText: demo.pdf ?? '',
        createdAt,
      })
      .returning({ id: resources.id });
    if (fileId) await tx.insert(resourceVersions).values({ resourceId: row!.id, number: 1, fileId, createdBy: person.id, createdAt });
  }
}
