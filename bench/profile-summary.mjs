#!/usr/bin/env node
// Where a server's CPU time went: reads V8 CPU profiles (node --cpu-prof; `BENCH_CPU_PROF=<dir> node bench/run.mjs`
// writes one per server) and prints the top functions by self time and by total time (callees included), and self
// time by area (Node internals, Next, React, Drizzle, postgres.js, zod, the app's own code), as shares of the busy time.
//
//   node bench/profile-summary.mjs <file.cpuprofile | dir> [top=25]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const [target, topArg] = process.argv.slice(2);
if (!target) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile | dir> [top]');
  process.exit(2);
}
const TOP = Number(topArg || 25);
const files = statSync(target).isDirectory()
  ? readdirSync(target, { recursive: true }).filter((f) => String(f).endsWith('.cpuprofile')).map((f) => path.join(target, String(f)))
  : [target];

const IDLE = new Set(['(idle)', '(program)']);

/** Which part of the stack a frame belongs to, from its script URL. */
function area({ url, functionName }) {
  if (!url) return functionName.startsWith('(') ? functionName : 'V8/native';
  if (url.startsWith('node:')) return 'Node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg === 'next' && url.includes('/compiled/') ? `next (compiled: ${/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]})` : pkg;
  // Turbopack names a server chunk after what it holds: `[root-of-the-server]__…`, `…_drizzle-orm_…`, `lib_api_…`.
  const chunk = /\.next\/server\/(?:chunks\/(?:ssr\/)?)?(.+)$/.exec(url)?.[1];
  if (chunk) return `.next chunk ${chunk.replace(/_[0-9a-z-]{10,}\._?\.js$|\.js$/, '')}`;
  return path.basename(url);
}

const label = ({ functionName, url, lineNumber }) => `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '').replace(/^.*\.next\//, '.next/')}:${lineNumber + 1}` : ''}`;

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Each sample lasts until the next one.
  const selfMs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + dt);
  }
  let busy = 0;
  const self = new Map();
  const total = new Map();
  const areas = new Map();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id);
    if (IDLE.has(node.callFrame.functionName)) continue;
    busy += ms;
    const key = label(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    const a = area(node.callFrame);
    areas.set(a, (areas.get(a) ?? 0) + ms);
    // Total time: every distinct function on the stack once (recursion counted once).
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = label(byId.get(at).callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  }
  const pct = (ms) => `${((100 * ms) / busy).toFixed(1).padStart(5)}%`;
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\n# ${file}\nbusy (not idle) ${(busy / 1000).toFixed(1)} s of ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled\n`);
  console.log('## self time by area');
  for (const [k, ms] of top(areas, 20)) console.log(`${pct(ms)}  ${k}`);
  console.log(`\n## top ${TOP} functions by self time`);
  for (const [k, ms] of top(self, TOP)) console.log(`${pct(ms)}  ${k}`);
  console.log(`\n## top ${TOP} functions by total time (callees included)`);
  for (const [k, ms] of top(total, TOP)) console.log(`${pct(ms)}  ${k}`);
}
