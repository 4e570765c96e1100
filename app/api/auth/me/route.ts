import { apiRoute } from '@/lib/api/handler';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { otherMethods } from '@/lib/api/route-fallbacks';

// A user's identity (name, mobile) is for the user: a shop API key answers 403 here.
export const GET = apiRoute({ auth: 'user' }, ({ principal }) => getCurrentUser(principal.userId));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
