import { toErrorBody } from '@/lib/api/error-body';
import { AppError } from '@/lib/errors';
import { findCurrentMerchant } from '@/lib/dashboard/current-merchant';
import { calendarDay } from '@/lib/format/date';
import { logger } from '@/lib/observability/logger';
import { exportTransactionsCsv } from '@/lib/transactions/export-transactions-csv';
import { parseTransactionFilters } from '@/lib/transactions/parse-transaction-filters';

function errorJson(error: unknown): Response {
  const answer = toErrorBody(error);
  if (!answer.expected) logger.error({ err: error }, 'transaction export failed');
  return Response.json(answer.body, { status: answer.status, headers: { ...answer.headers, 'Cache-Control': 'no-store' } });
}

/** The "Export CSV" link of the transaction list: every transaction matching the list's filters, as a download. */
export async function GET(request: Request): Promise<Response> {
  const merchant = await findCurrentMerchant();
  if (!merchant) return errorJson(new AppError('unauthorized', 'Sign in to export transactions'));

  const params = new URL(request.url).searchParams;
  // The export is every page: paging parameters carried over from the list do not apply.
  params.delete('page');
  params.delete('per_page');
  const { query, invalid } = parseTransactionFilters(params);
  if (Object.keys(invalid).length > 0) return errorJson(new AppError('validation_failed', 'Some filters are invalid', invalid));

  let csv;
  try {
    csv = await exportTransactionsCsv(merchant.principal, query);
  } catch (error) {
    return errorJson(error);
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await csv.chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are already sent: the download ends as failed rather than silently short.
        logger.error({ err: error }, 'transaction export failed');
        controller.error(error);
      }
    },
    async cancel() {
      await csv.chunks.return();
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="kpay-transactions-${calendarDay(new Date())}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
