// Summarises a .cpuprofile written by the chat benchmark (CHAT_PROFILE=<dir>):
//   node bench/chat/profile-summary.mjs <file.cpuprofile> [top=25]
// Prints self time by package / source file, then the top functions by self time, then the top functions by
// total (inclusive) time among the project's own code and socket.io, so you can see where a message's time goes.
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/chat/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const TOP = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node from the samples and their time deltas.
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function where(url) {
  if (!url) return '(native / V8)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (path.startsWith('node:')) return 'node core';
  const src = path.indexOf('/src/');
  return src >= 0 ? path.slice(src + 1) : path;
}
const label = (n) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;

const byPlace = new Map();
for (const [id, ms] of self) {
  const n = nodes.get(id);
  const key = ['(idle)', '(program)', '(garbage collector)'].includes(n.callFrame.functionName) ? n.callFrame.functionName : where(n.callFrame.url);
  byPlace.set(key, (byPlace.get(key) ?? 0) + ms);
}
console.log(`${file}: ${total.toFixed(0)} ms sampled\n\nself time by package or file:`);
for (const [k, ms] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${pct(ms)}  ${k}`);

const byFn = new Map();
for (const [id, ms] of self) {
  const key = label(nodes.get(id));
  byFn.set(key, (byFn.get(key) ?? 0) + ms);
}
console.log('\nself time by function:');
for (const [k, ms] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${pct(ms)}  ${k}`);

// Inclusive time: each sample counts once for every distinct function on its stack.
const inclusive = new Map();
for (const [id, ms] of self) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const key = label(nodes.get(cur));
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
  }
}
console.log('\ninclusive time by function (project code, typeorm, pg, socket.io, class-validator):');
const interesting = /apps\/api|libs\/|typeorm|pg|socket\.io|engine\.io|class-validator|class-transformer|@nestjs|ws |ws:/;
for (const [k, ms] of [...inclusive].filter(([k]) => interesting.test(k)).sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${pct(ms)}  ${k}`);
