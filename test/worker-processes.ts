import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach } from 'vitest';

/**
 * Worker processes (`npm run worker`, one process each so a signal reaches the worker itself) on the calling test
 * file's PostgreSQL database; every one still running is killed, and waited for, after each test, before the test
 * database is dropped.
 */
export function workerProcesses(databaseUrl: () => string | undefined) {
  const workers: ChildProcess[] = [];
  afterEach(() =>
    Promise.all(
      workers.splice(0).map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.exitCode !== null || w.signalCode !== null) return resolve();
            w.once('exit', () => resolve());
            w.kill('SIGKILL');
          }),
      ),
    ),
  );
  return function startWorker(env: Record<string, string> = {}): ChildProcess {
    const worker = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
      env: { ...process.env, DATABASE_URL: databaseUrl(), KPAY_JOBS: 'inline', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    workers.push(worker);
    return worker;
  };
}
