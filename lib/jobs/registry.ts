import 'server-only';

/**
 * Imports every feature's job handlers so the worker knows them. Each feature keeps its handlers in its
 * own `jobs.ts` (calling registerJob) and adds one import line here.
 */
import '@/lib/dal/discussions/jobs';
import '@/lib/dal/notifications/jobs';
import '@/lib/dal/resources/jobs';
import '@/lib/dal/files/jobs';
import '@/lib/dal/reverification/jobs';
import '@/lib/dal/privacy/jobs';
import '@/lib/rate-limit/jobs';
import '@/lib/audit/chain-status';
import '@/lib/dal/moderation/jobs';
