import { apiRoute } from '@/lib/api/handler';
import { getCurrentUser } from '@/lib/auth/get-current-user';

export const GET = apiRoute({ auth: 'user_or_key' }, ({ principal }) => getCurrentUser(principal.userId));
