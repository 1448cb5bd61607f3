import 'server-only';

/**
 * Imports every feature's job handlers so the worker knows them. Each feature keeps its handlers in its
 * own `jobs.ts` (calling registerJob) and adds one import line here.
 */
import '@/lib/discussions/jobs';
import '@/lib/uploads/jobs';
