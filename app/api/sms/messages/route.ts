import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { listSmsMessages } from '@/lib/sms/list-sms-messages';
import { smsOperations } from '@/lib/sms/operations';

export const GET = apiRoute(smsOperations.listSmsMessages, ({ principal, query }) => listSmsMessages(principal, query));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(smsOperations.listSmsMessages);
