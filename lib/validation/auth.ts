import { z } from 'zod';
import { SECTORS } from '@/db/schema/enums';
import { checkbox, countryCode, email, newPassword, uuid, website } from './fields';
import { multiLine, optionalSingleLine, singleLine } from './text';

export const signInSchema = z.object({
  email,
  password: z.string().min(1).max(200),
});

export const registerSchema = z
  .object({
    name: singleLine(120),
    email,
    password: newPassword,
    jobTitle: singleLine(120),
    organisationChoice: z.enum(['existing', 'new'], { error: 'invalidChoice' }),
    organisationId: uuid.optional(),
    newOrganisationName: optionalSingleLine(200),
    newOrganisationSector: z.enum(SECTORS, { error: 'invalidChoice' }).optional(),
    newOrganisationCountry: countryCode.optional(),
    newOrganisationWebsite: website.optional(),
    reason: multiLine(1000, 10),
    acceptGuidelines: checkbox.refine((v) => v, { error: 'mustAcceptGuidelines' }),
    locale: z.string().max(10).optional().catch(undefined),
    timeZone: z.string().max(64).optional().catch(undefined),
    /** The secret of a focal point's invitation link (decision 018): the organisation is then the invitation's. */
    invitation: z.string().trim().min(10).max(100).optional(),
  })
  .superRefine(
    (v, ctx) => {
      if (v.organisationChoice === 'existing' && !v.organisationId) {
        ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'organisationRequired' });
      }
      if (v.organisationChoice === 'new') {
        if (!v.newOrganisationName || v.newOrganisationName.length < 2) {
          ctx.addIssue({ code: 'custom', path: ['newOrganisationName'], message: 'required' });
        }
        if (!v.newOrganisationSector) ctx.addIssue({ code: 'custom', path: ['newOrganisationSector'], message: 'required' });
        if (v.newOrganisationSector && v.newOrganisationSector !== 'intergovernmental' && !v.newOrganisationCountry) {
          ctx.addIssue({ code: 'custom', path: ['newOrganisationCountry'], message: 'required' });
        }
      }
      // Also when other fields failed, so the form shows every problem at once rather than in two rounds.
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type RegisterInput = z.infer<typeof registerSchema>;

export const tokenSchema = z.object({ token: z.string().trim().min(10).max(100) });

export const forgotPasswordSchema = z.object({ email });

/** "Send a new link" on the confirmation page: the address the account was registered with. */
export const resendVerificationSchema = z.object({ email });

/** A new email address for one's own account, with the current password. */
export const changeEmailSchema = z.object({ email, currentPassword: z.string().min(1).max(200) });

export const resetPasswordSchema = z
  .object({ token: z.string().trim().min(10).max(100), password: newPassword, confirmPassword: z.string().max(200) })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'passwordsDiffer' });

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(200), password: newPassword, confirmPassword: z.string().max(200) })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'passwordsDiffer' });

export const sessionKeySchema = z.object({ key: z.string().regex(/^[a-f0-9]{64}$/) });
