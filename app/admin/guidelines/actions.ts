'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { previewGuidelines, publishGuidelines } from '@/lib/dal/guidelines/guidelines';
import { previewGuidelinesSchema, publishGuidelinesSchema } from '@/lib/validation/guidelines';

/** Publishes a new version of the community guidelines (admins only, audited): every member accepts it at their next request. */
export const publishGuidelinesAction = memberAction(publishGuidelinesSchema, async (input, { viewer, request, say }) => {
  const version = await publishGuidelines(viewer, input, request);
  revalidatePath('/admin/guidelines');
  return say('guidelines.admin.published', { version });
});

/** The text cooked exactly as publishing would store it. */
export const previewGuidelinesAction = memberAction(previewGuidelinesSchema, async ({ markdown }, { viewer }) => ({
  data: { html: await previewGuidelines(viewer, markdown) },
}));
