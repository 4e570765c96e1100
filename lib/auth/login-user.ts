import type { z } from 'zod';
import { database } from '@/db/client';
import { checkCredentials } from './check-credentials';
import type { loginInput, TokenPair } from './schemas';
import { startSession } from './start-session';

/** API login: checks the credentials (throttled per mobile and client network) and starts a session. */
export async function loginUser({ username: mobile, password }: z.output<typeof loginInput>, ip: string): Promise<TokenPair> {
  const userId = await checkCredentials(mobile, password, ip);
  return startSession(await database(), userId);
}
