import { MARKING_MAX_ORGANISATIONS, MARKING_MAX_PEOPLE, TLP_MARKINGS } from '@/db/values';
import { z } from 'zod';
import { uuid } from './fields';

/**
 * The TLP marking fields of the thread and resource forms (safe in the browser, decision 030): the
 * marking, the organisations an AMBER marking adds, the people a RED marking names. Lists the marking
 * does not use are emptied, so a stale choice in the form widens nothing.
 */
export { TLP_MARKINGS };
export type { TlpMarking } from '@/db/values';

const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max, { error: 'tooMany' }));

export const markingFields = {
  marking: z.enum(TLP_MARKINGS, { error: 'invalidChoice' }).default('green'),
  markingOrganisations: list(uuid, MARKING_MAX_ORGANISATIONS),
  markingPeople: list(uuid, MARKING_MAX_PEOPLE),
};

/** For edits: a marking left out keeps the stored one (and its lists). */
export const optionalMarkingFields = { ...markingFields, marking: z.enum(TLP_MARKINGS, { error: 'invalidChoice' }).optional() };

export interface MarkingInput {
  marking: (typeof TLP_MARKINGS)[number];
  markingOrganisations: string[];
  markingPeople: string[];
}

/** An input whose marking fields may be left out (GREEN, no lists): the DAL's callers other than forms. */
export type WithOptionalMarking<T extends MarkingInput> = Omit<T, keyof MarkingInput> & Partial<MarkingInput>;

/** The marking of an input whose marking fields may be left out. */
export const markingOf = (v: Partial<MarkingInput>): MarkingInput => ({
  marking: v.marking ?? 'green',
  markingOrganisations: v.markingOrganisations ?? [],
  markingPeople: v.markingPeople ?? [],
});

/** Keeps only the list the marking uses, without repeats. */
export function normaliseMarking<T extends MarkingInput>(v: T): T {
  return {
    ...v,
    markingOrganisations: v.marking === 'amber' ? [...new Set(v.markingOrganisations)] : [],
    markingPeople: v.marking === 'red' ? [...new Set(v.markingPeople)] : [],
  };
}

export const markingSchema = z.object({ ...markingFields }).transform(normaliseMarking);

/** Changing a thread's or a resource's marking (its page). */
export const threadMarkingSchema = z.object({ threadId: uuid, ...markingFields }).transform(normaliseMarking);
export const resourceMarkingSchema = z.object({ resourceId: uuid, ...markingFields }).transform(normaliseMarking);
