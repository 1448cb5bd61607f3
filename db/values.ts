/**
 * Value lists and limits shared by the database schema (its enums), the validation schemas and client
 * components. No imports: a client component that names one of these brings neither zod nor drizzle into the
 * browser (importing them from lib/validation did: 47 KB gzipped on the thread page; issue 17).
 * lib/client-imports.test.ts keeps client components to modules like this one.
 */

export const SECTORS = ['government', 'private_sector', 'civil_society', 'intergovernmental'] as const;
export const SPACE_ACCESS = ['open', 'sector', 'request'] as const;
/**
 * What following a space brings (settings/notifications): a notification for every new post, for new
 * threads only (both by email as the kinds say), a daily or weekly digest, or nothing (muted).
 */
export const SPACE_FOLLOW_MODES = ['every_post', 'new_threads', 'daily', 'weekly', 'muted'] as const;
/**
 * TLP 2.0 markings (FIRST), on threads and resources (decision 030): CLEAR may be public, GREEN the
 * community (the space's or the resource's visibility), AMBER the organisations the author chose (and
 * theirs), AMBER+STRICT the author's organisation, RED the people the author named. Ordered from the
 * widest to the narrowest: a marking may only be lowered (towards CLEAR) with an audit row.
 */
export const TLP_MARKINGS = ['clear', 'green', 'amber', 'amber_strict', 'red'] as const;
export type TlpMarking = (typeof TLP_MARKINGS)[number];
/** The most organisations an AMBER marking names, and people a RED marking names. */
export const MARKING_MAX_ORGANISATIONS = 50;
export const MARKING_MAX_PEOPLE = 100;
export const RESOURCE_TYPES = ['report', 'research', 'policy_legislation', 'guidance_toolkit', 'training_material', 'case_study', 'other'] as const;
/** Who may see a resource (besides its own organisation, moderators and admins): see resourceAccess in lib/dal/resources/access.ts. */
export const RESOURCE_VISIBILITIES = ['all_members', 'sectors', 'organisation', 'space'] as const;
/** The visibilities a contributor is offered on the resource form. */
export const OFFERED_VISIBILITIES = RESOURCE_VISIBILITIES;
/** The kinds a member chooses for (join covers accepted and declined requests, moderation a hidden post). */
export const PREFERENCE_KINDS = ['mention', 'reply', 'new_thread', 'urgent', 'join', 'moderation', 'message'] as const;
/** What a member can report (decision 029): each kind has its own column on post_reports, exactly one set. */
export const REPORT_TARGETS = ['post', 'thread', 'resource', 'person', 'organisation'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];
/** How many days a moderator may suspend a member for (decision 029), and the default. */
export const TEMPORARY_SUSPENSION_DAYS = { min: 1, max: 30, default: 3 } as const;
/** The break reminders a moderator may choose in the review queue, in minutes ('0': none). */
export const BREAK_REMINDER_CHOICES = ['0', '20', '30', '45'] as const;
export const CHANNELS = ['both', 'portal', 'email', 'off'] as const;
/** The choices the console offers for how long an application waits for its focal point. */
export const ENDORSEMENT_WAIT_CHOICES = ['0', '1', '2', '3', '5', '7', '10', '14', '21', '30'] as const;

/** The longest post (markdown source). */
export const POST_MAX = 20_000;
/** The longest guidelines text and change summary an admin may publish. */
export const GUIDELINES_MAX = 20_000;
export const CHANGE_SUMMARY_MAX = 2_000;
