import 'server-only';
import { registerRecurringJob } from '@/lib/jobs';
import { runReverification } from './rounds';

/** The re-verification clock runs every hour (dates are days: an hour late is nothing). */
export const REVERIFICATION_EVERY_SECONDS = 3600;

registerRecurringJob('organisations.reverification', REVERIFICATION_EVERY_SECONDS, runReverification);
