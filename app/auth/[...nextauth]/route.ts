import { handlers } from '@/lib/auth/dashboard-auth';

// Auth.js's own endpoints (session, CSRF, sign-out); sign-in itself happens in a server action on /login.
export const { GET, POST } = handlers;
