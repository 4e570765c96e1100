import { unknownPath } from '@/lib/api/route-fallbacks';

// Any path under /api that no other route file serves (Next tries this optional catch-all last): a JSON 404 in the
// API's error shape rather than the HTML not-found page. It is no operation, so the OpenAPI document does not list it.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = unknownPath();
