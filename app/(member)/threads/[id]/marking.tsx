'use client';

import dynamic from 'next/dynamic';

/**
 * The marking form, in its own chunk: only its author and moderators see it, so other readers of the
 * thread do not load the marking fields' code (issue 17). Rendered on the server as before.
 */
export const ThreadMarkingForm = dynamic(() => import('./marking-form').then((m) => m.ThreadMarkingForm));
