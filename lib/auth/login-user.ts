import type { z } from 'zod';
import { database } from '@/db/client';
import { checkCredentials } from './check-credentials';
import type { loginInput, TokenPair } from './schemas';
import { startSession } from './start-session';

/** API login: checks the credentials and starts a session with an access and a refresh token. */
export async function loginUser({ username: mobile, password }: z.output<typeof loginInput>): Promise<TokenPair> {
  const userId = await checkCredentials(mobile, password);
  return startSession(await database(), userId);
}
