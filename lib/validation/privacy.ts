import { z } from 'zod';
import { email, uuid } from './fields';

/** Asking for a copy of one's data (a single button). */
export const requestExportSchema = z.object({ scope: z.literal('export') });

/** Deleting one's own account: the email typed again, as a deliberate confirmation. */
export const deleteOwnAccountSchema = z.object({ confirmEmail: email });

/** An admin deleting an account or an application. */
export const adminDeleteSchema = z.object({ userId: uuid });

/** The export a download asks for. */
export const exportParamsSchema = z.object({ id: uuid });
