import { operationsOf } from '@/lib/api/operation';
import { loginInput, refreshInput, registerInput, tokenPairResponse, userResponse } from './schemas';

const operation = operationsOf('Authentication');

export const authOperations = {
  register: operation({
    method: 'POST', path: '/auth/register', summary: 'Register',
    description: 'Creates a merchant account and signs it in. Mobile accepts +98/0098/98/0 forms and Persian digits.',
    auth: 'none', body: registerInput, status: 201, response: tokenPairResponse,
    errors: ['invalid_json', 'validation_failed', 'conflict'], rateLimit: 'registration',
  }),
  login: operation({
    method: 'POST', path: '/auth/login', summary: 'Login',
    description:
      'JSON body, or application/x-www-form-urlencoded as OAuth2 password clients send (grant_type=password). Wrong passwords are also limited per mobile number.',
    auth: 'none', body: loginInput, form: true, status: 200, response: tokenPairResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'rate_limited'], rateLimit: 'auth',
  }),
  refresh: operation({
    method: 'POST', path: '/auth/refresh', summary: 'Refresh tokens',
    description: 'Rotates the refresh token and returns a new pair. Presenting an already used refresh token revokes the whole session.',
    auth: 'none', body: refreshInput, form: true, status: 200, response: tokenPairResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized'], rateLimit: 'auth',
  }),
  logout: operation({
    method: 'POST', path: '/auth/logout', summary: 'Logout',
    description: 'Ends the session of the access token: its refresh token and access tokens stop working at once.',
    auth: 'user', status: 204, errors: ['unauthorized', 'forbidden'],
  }),
  me: operation({
    method: 'GET', path: '/auth/me', summary: 'Get current user',
    description: "Needs a user access token; a shop API key answers 403 (the account owner's name and mobile are not a shop's).",
    auth: 'user', status: 200, response: userResponse, errors: ['unauthorized', 'forbidden'],
  }),
};
