import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { healthOperations } from '@/lib/health/operations';

export const GET = apiRoute(healthOperations.checkLiveness, () => ({ status: 'ok' as const }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(healthOperations.checkLiveness);
