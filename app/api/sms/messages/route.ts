import { apiRoute } from '@/lib/api/handler';
import { listSmsMessages } from '@/lib/sms/list-sms-messages';
import { listSmsMessagesQuery } from '@/lib/sms/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const GET = apiRoute({ auth: 'user', query: listSmsMessagesQuery }, ({ principal, query }) =>
  listSmsMessages(principal.userId, query),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
