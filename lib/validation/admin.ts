import { z } from 'zod';
import { ORGANISATION_STATUSES, ROLES, SECTORS, USER_STATUSES } from '@/db/schema/enums';
import { countryCode, emailDomain, uuid, website } from './fields';
import { choice, cursor, day, lenient, searchText, uuid as uuidParam } from './query';
import { multiLine, singleLine } from './text';

/**
 * Schemas of the Secretariat's console (safe in the browser): list filters read from the URL, and the
 * inputs of its forms. The enums are re-exported here so pages can offer them without reaching into db/.
 */
export { ORGANISATION_STATUSES, ROLES, SECTORS, USER_STATUSES };
export type { OrganisationStatus, Role, Sector, UserStatus } from '@/db/schema/enums';

// ---- list filters: read from the query string; an unknown or malformed value is ignored, never an error

export const applicationFiltersSchema = z.object({ cursor });
export type ApplicationFilters = z.output<typeof applicationFiltersSchema>;

export const userFiltersSchema = z.object({
  q: searchText(100),
  status: choice(USER_STATUSES),
  role: choice(ROLES),
  sector: choice(SECTORS),
  /** People of one organisation (linked from its page). */
  organisation: uuidParam,
  cursor,
});
export type UserFilters = z.output<typeof userFiltersSchema>;

export const organisationFiltersSchema = z.object({
  q: searchText(100),
  sector: choice(SECTORS),
  status: choice(ORGANISATION_STATUSES),
  cursor,
});
export type OrganisationFilters = z.output<typeof organisationFiltersSchema>;

export const auditFiltersSchema = z.object({
  /** An email (or part of one), a name, or a user id. */
  actor: searchText(100),
  /** Checked against the list of audit actions by the data layer. */
  action: lenient(
    z
      .string()
      .max(64)
      .regex(/^[a-z_]+\.[a-z_]+$/),
  ),
  /** Whole days in the viewer's time zone, both included. */
  from: day,
  to: day,
  cursor,
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

// ---- forms

export const approveApplicationSchema = z.object({ userId: uuid });

export const rejectApplicationSchema = z.object({ userId: uuid, reason: multiLine(1000) });

/** An admin marks a member's quarantine incidents reviewed, clearing the flag on their account (decision 024). */
export const reviewIncidentsSchema = z.object({ userId: uuid });
export const changeRoleSchema = z.object({ userId: uuid, role: z.enum(ROLES, { error: 'invalidChoice' }) });

/** Suspend (an active account) or reactivate (a suspended one). */
export const userStatusSchema = z.object({ userId: uuid, status: z.enum(['suspended', 'active'], { error: 'invalidChoice' }) });

export const focalPointSchema = z.object({
  userId: uuid,
  isFocalPoint: z.enum(['true', 'false'], { error: 'invalidChoice' }).transform((v) => v === 'true'),
});

/** Offboard a member organisation: the reason is recorded and shown to admins. */
export const deactivateOrganisationSchema = z.object({ organisationId: uuid, reason: multiLine(1000) });

/** Reactivate an inactive (or rejected) organisation. */
export const reactivateOrganisationSchema = z.object({ organisationId: uuid });

/** Email domains typed one per line or separated by commas (a leading "@" is forgiven); duplicates dropped. */
const emailDomainList = z
  .string()
  .max(2000)
  .optional()
  .transform((value, ctx) => {
    const typed = (value ?? '')
      .split(/[\s,;]+/)
      .map((d) => d.replace(/^@/, ''))
      .filter(Boolean);
    const domains: string[] = [];
    for (const item of typed) {
      const parsed = emailDomain.safeParse(item);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'invalidDomain' });
        return z.NEVER;
      }
      if (!domains.includes(parsed.data)) domains.push(parsed.data);
    }
    return domains;
  });

export const organisationSchema = z
  .object({
    organisationId: uuid,
    /** The organisation's updated_at when the form was shown: a change made meanwhile is not overwritten. */
    version: z.string().max(40),
    name: singleLine(200, 2),
    sector: z.enum(SECTORS, { error: 'invalidChoice' }),
    country: countryCode.optional(),
    website: website.optional(),
    emailDomains: emailDomainList,
  })
  .refine((v) => v.sector === 'intergovernmental' || !!v.country, {
    path: ['country'],
    message: 'required',
    // Checked even when other fields are wrong, so every problem shows at once.
    when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === 'sector' || issue.path?.[0] === 'country'),
  });
export type OrganisationInput = z.output<typeof organisationSchema>;

export const OUTBOX_STATES = ['failed', 'pending'] as const;
export const outboxFiltersSchema = z.object({ state: choice(OUTBOX_STATES).transform((v) => v ?? 'failed'), cursor });
export const retryEmailSchema = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
