import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { checkReadiness } from '@/lib/health/check-readiness';
import { healthOperations } from '@/lib/health/operations';

export const GET = apiRoute(healthOperations.checkReadiness, () => checkReadiness());

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(healthOperations.checkReadiness);
