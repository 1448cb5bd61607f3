import 'server-only';
import { handlers } from './auth';

/** Auth.js's own endpoints (session status, CSRF, sign-out). Sign-in goes through the sign-in form's action. */
export const { GET, POST } = handlers;
