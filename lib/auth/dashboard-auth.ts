import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { sessions } from '@/db/schema';
import { database } from '@/db/client';
import { AppError } from '@/lib/errors';
import { clientIp } from '@/lib/api/client-ip';
import { limitAuthRequest } from '@/lib/api/rate-limits';
import { mobileSchema } from '@/lib/banking/mobile';
import { config } from '@/lib/config/config';
import { logger } from '@/lib/observability/logger';
import { checkCredentials } from './check-credentials';

/** Wrong mobile or password; Auth.js puts `code` in the error it throws to the sign-in action. */
export class WrongCredentials extends CredentialsSignin {
  code = 'wrong_credentials';
}
export class TooManyAttempts extends CredentialsSignin {
  code = 'rate_limited';
}

const credentialsInput = z.object({ mobile: mobileSchema, password: z.string().min(1).max(128) });

/** How long a dashboard sign-in lasts; each sign-in is also a row in `sessions`, so signing out ends it at once. */
const SESSION_SECONDS = 7 * 24 * 60 * 60;

/**
 * Dashboard sign-in (Auth.js v5, Credentials: mobile + password, the same users and the same checks as the API).
 * The config is built lazily so the secret comes from KPay's own config (generated into the data folder) at run time.
 * The handler lives at /auth, outside /api: the public API contract stays exactly the spec's.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: config().sessionSecret,
  basePath: '/auth',
  // KPay runs behind its own start script or a proxy the operator configures; the host header is the public one.
  trustHost: true,
  useSecureCookies: config().publicUrl.startsWith('https://'),
  session: { strategy: 'jwt', maxAge: SESSION_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  logger: {
    error(error) {
      // A wrong password is not an error worth logging; anything else is.
      if (error instanceof CredentialsSignin) return;
      logger.error({ err: error }, 'dashboard auth error');
    },
    warn(code) {
      logger.warn({ code }, 'dashboard auth warning');
    },
  },
  providers: [
    Credentials({
      credentials: { mobile: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new WrongCredentials();
        try {
          const ip = clientIp(request.headers);
          await limitAuthRequest(ip);
          const userId = await checkCredentials(parsed.data.mobile, parsed.data.password, ip);
          const db = await database();
          const [session] = await db.insert(sessions).values({ userId }).returning({ id: sessions.id });
          return { id: userId, sessionId: session!.id };
        } catch (error) {
          if (error instanceof AppError && error.code === 'rate_limited') throw new TooManyAttempts();
          if (error instanceof AppError && error.code === 'unauthorized') throw new WrongCredentials();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sid = (user as { sessionId: string }).sessionId;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionId: token.sid };
    },
  },
}));
