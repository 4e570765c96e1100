import { operationsOf } from '@/lib/api/operation';
import { livenessResponse, readinessResponse } from './schemas';

const operation = operationsOf('Operations');

export const healthOperations = {
  checkLiveness: operation({
    method: 'GET', path: '/health', summary: 'Liveness',
    description: 'Public. 200 while the process serves requests; touches nothing else (not even the database).',
    auth: 'none', status: 200, response: livenessResponse, errors: [],
  }),
  checkReadiness: operation({
    method: 'GET', path: '/health/ready', summary: 'Readiness',
    description:
      'Public. 200 when the database answers `select 1`, the job queue (pg-boss) is installed and readable, and every ' +
      "configured chain node answers its tip, each within 2 s; each node's lag is its tip minus the watcher's cursor. " +
      'Otherwise 503 `not_ready`, whose `fields` name each check and what failed. Node addresses are never shown. ' +
      'An instance checks at most once per `KPAY_READY_CACHE_SECONDS` (5): calls meanwhile, and calls while a check runs, get its answer, a failing one too.',
    auth: 'none', status: 200, response: readinessResponse, errors: ['not_ready'],
  }),
};
