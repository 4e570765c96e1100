import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Shared plumbing for the real-node helpers (litecoind.ts, hardhat.ts) and the e2e multi-instance processes
// (e2e/multi-instance-processes.ts): free ports, temp folders, spawning in a process group of its own, waiting for
// readiness, and making sure no node outlives the process that started it.
//
// Cleanup happens in four layers:
//   1. the helper's stop() (graceful, awaited in afterAll);
//   2. a process 'exit' handler that SIGKILLs every node still running and removes its folder (runs on process.exit,
//      on a normal end, and after an uncaught exception);
//   3. SIGINT/SIGTERM/SIGHUP handlers that do the same and then re-raise the signal, unless the program has its own
//      handler for that signal (scripts/chains.ts), which then owns shutdown (and layer 2 backs it up);
//   4. a tiny detached reaper process per node that SIGKILLs the node's group and removes its folder when the parent
//      process disappears without running any handler (SIGKILL, e.g. a vitest worker killed on timeout).

/** A TCP port that was free a moment ago on 127.0.0.1 (bind port 0, read it, close). */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}

/**
 * `count` distinct free ports (all held open at once, so they differ). Another process can take one before the node
 * binds it; the helpers retry a start that failed on a bind error (see isBindError).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer();
      server.unref();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ManagedProcess {
  child: ChildProcess;
  pid: number;
  /** The temp folder (data + log); removed by stop() and by every cleanup layer. */
  dir: string;
  logFile: string;
  /** Resolves with the exit code (or the signal's name) when the process has exited. */
  exited: Promise<number | string>;
  hasExited(): boolean;
  /** Last lines of the process's stdout/stderr log, for error messages. */
  logTail(lines?: number): string;
  /**
   * Stops the process: runs `graceful` (e.g. an RPC `stop`) if given, waits up to `timeoutMs` for the exit, then
   * SIGTERMs and finally SIGKILLs the whole process group; then removes the temp folder. Safe to call twice.
   */
  stop(options?: { graceful?: () => Promise<unknown>; timeoutMs?: number }): Promise<void>;
}

const live = new Set<ManagedProcess>();
let handlersInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Synchronous last-resort cleanup: SIGKILL every node still running and remove its folder. */
function killAllNow() {
  for (const managed of live) {
    killGroup(managed.pid, 'SIGKILL');
    rmSync(managed.dir, { recursive: true, force: true });
  }
  live.clear();
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      // Someone else listens too (scripts/chains.ts): they stop the nodes and exit; the 'exit' handler backs them up.
      if (process.listenerCount(signal) > 1) return;
      killAllNow();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

// Runs detached with its own lifetime: argv = [parentPid, nodePid, folder]. Polls once a second.
const REAPER = `
const [parent, child, dir] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(Number(pid), 0); return true; } catch (e) { return e.code === 'EPERM'; } };
setInterval(() => {
  if (!alive(child)) process.exit(0);
  if (alive(parent)) return;
  try { process.kill(-Number(child), 'SIGKILL'); } catch {}
  setTimeout(() => { require('node:fs').rmSync(dir, { recursive: true, force: true }); process.exit(0); }, 500);
}, 1000);
`;

/**
 * Spawns `command` in a new process group (so stop() can kill it and anything it starts, and a terminal's Ctrl-C
 * reaches us, not it), with stdout and stderr appended to `<dir>/process.log` (a pipe nobody drains would fill
 * and block a chatty node such as `hardhat node`, which logs every RPC call). `env` may be a function of the temp
 * folder, for a program that is told its data folder by an environment variable.
 */
export function spawnManaged(
  command: string,
  args: (dir: string) => string[],
  options: { prefix: string; cwd?: string; env?: NodeJS.ProcessEnv | ((dir: string) => NodeJS.ProcessEnv) },
): ManagedProcess {
  installHandlers();
  const dir = mkdtempSync(path.join(os.tmpdir(), options.prefix));
  const logFile = path.join(dir, 'process.log');
  const fd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(command, args(dir), {
      cwd: options.cwd ?? dir,
      env: typeof options.env === 'function' ? options.env(dir) : (options.env ?? process.env),
      detached: true,
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  if (child.pid === undefined) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start ${command} (is it installed?)`);
  }
  const pid = child.pid;
  let exitedFlag = false;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      exitedFlag = true;
      resolve(code ?? signal ?? 'unknown');
    });
  });
  child.once('error', () => undefined); // spawn errors surface as an exit
  // The handle must not keep the test process alive; the cleanup layers own the lifetime.
  child.unref();

  const reaper = spawn(process.execPath, ['-e', REAPER, String(process.pid), String(pid), dir], {
    detached: true,
    stdio: 'ignore',
  });
  reaper.unref();

  let stopping: Promise<void> | undefined;
  const managed: ManagedProcess = {
    child,
    pid,
    dir,
    logFile,
    exited,
    hasExited: () => exitedFlag,
    logTail(lines = 30) {
      try {
        return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      } catch {
        return '(no log)';
      }
    },
    stop({ graceful, timeoutMs = 15_000 } = {}) {
      stopping ??= (async () => {
        const waitExit = (ms: number) => Promise.race([exited.then(() => true), sleep(ms).then(() => false)]);
        if (!exitedFlag && graceful) {
          try {
            await graceful();
          } catch {
            // the node may already be going down; fall through to signals
          }
          await waitExit(timeoutMs);
        }
        if (!exitedFlag) {
          killGroup(pid, 'SIGTERM');
          if (!(await waitExit(5_000))) {
            killGroup(pid, 'SIGKILL');
            await waitExit(5_000);
          }
        }
        // Anything the process left in its group (hardhat has no children, but be thorough).
        killGroup(pid, 'SIGKILL');
        if (reaper.pid !== undefined) killGroup(reaper.pid, 'SIGKILL');
        live.delete(managed);
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
  live.add(managed);
  return managed;
}

/**
 * Calls `probe` until it resolves, every `intervalMs`, failing as soon as the process exits (with the log's tail) and
 * after `timeoutMs` with the probe's last error. The probe should time out on its own (a few seconds): a port that
 * someone else holds may accept connections and never answer.
 */
export async function waitUntilReady<T>(
  managed: ManagedProcess,
  what: string,
  probe: () => Promise<T>,
  { timeoutMs = 30_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  const exitedEarly = managed.exited.then((code): never => {
    throw new Error(`${what} exited during start (${code}):\n${managed.logTail()}`);
  });
  exitedEarly.catch(() => undefined);
  let lastError: unknown;
  for (;;) {
    if (managed.hasExited()) await exitedEarly;
    try {
      return await Promise.race([probe(), exitedEarly]);
    } catch (error) {
      if (managed.hasExited()) await exitedEarly;
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what} not ready after ${timeoutMs} ms: ${lastError instanceof Error ? lastError.message : String(lastError)}\n${managed.logTail()}`,
      );
    }
    await Promise.race([sleep(intervalMs), exitedEarly]);
  }
}

/**
 * Did the start fail because a port was taken between freePorts() and the node's bind? Then try again.
 * litecoind 0.21 says only "Unable to start HTTP server" on stderr when its RPC port is taken; hardhat, EADDRINUSE.
 */
export const isBindError = (error: unknown) =>
  error instanceof Error && /unable to bind|unable to start HTTP server|EADDRINUSE|address already in use/i.test(error.message);
