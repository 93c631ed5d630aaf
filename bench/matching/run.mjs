// Matching engine benchmark (a script, not a timed test).
//
//   node bench/matching/run.mjs            from the repository root; about a minute on 2 cores
//   node bench/matching/run.mjs --quick    fewer repetitions, for a smoke run
//
// It transpiles libs/matching/src with @swc/core (already a dev dependency) into a temporary folder; no other
// build step is needed. Then, for each program size (generated, seeded, the same on every machine: mentees
// in years 1-2, mentors in years 3-6 with capacities 1-5), a child process warms the JIT up with one run of
// each, then times several repetitions of, in turn:
//   floor    compile the input and score every pair once: the work no solver can avoid
//   optimal  runMatching(input, 'optimal'), certificate included
//   stable   runMatching(input, 'stable')
// and prints medians, each ratio to the floor measured in the same process (so the ratio holds even on a busy
// machine), and the range of the per-repetition optimal/floor ratios. Runs follow each other without a forced
// GC in between, as in a server: in Node 20 a forced full GC throws type feedback away, and every timed run
// then starts partly cold (small programs took 4x as long).
//
// Peak memory comes from two more child processes per size, one per algorithm, that each generate the
// program, note their RSS, run the algorithm once and report their peak RSS: the input alone, and the peak
// with one run (no garbage from earlier runs is counted).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const source = join(root, 'libs', 'matching', 'src');
const require = createRequire(join(root, 'package.json'));
const SEED = 20240601;

const SIZES = [
  { mentees: 1000, mentors: 300, reps: 11 },
  { mentees: 10000, mentors: 3000, reps: 7 },
];

function transpile(outDir) {
  const swc = require('@swc/core');
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) {
        const { code } = swc.transformFileSync(path, {
          swcrc: false,
          jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
          module: { type: 'commonjs' },
        });
        const target = join(outDir, relative(source, path)).replace(/\.ts$/, '.js');
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, code);
      }
    }
  };
  walk(source);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function engine(outDir) {
  const load = createRequire(join(outDir, 'index.js'));
  return { ...load('./index.js'), ...load('./testing/generate.js') };
}

function timings(outDir, mentees, mentors, reps) {
  const { runMatching, scoreAllPairs, generateProgram } = engine(outDir);
  const input = generateProgram(mentees, mentors, SEED);
  const time = (fn) => {
    const start = performance.now();
    const value = fn();
    return { ms: performance.now() - start, value };
  };
  // Warm-up: the first run of each includes JIT compilation, which a long-running API process pays once.
  scoreAllPairs(input);
  runMatching(input, 'optimal');
  runMatching(input, 'stable');
  const floor = [];
  const optimal = [];
  const stable = [];
  let last = {};
  for (let r = 0; r < reps; r++) {
    const f = time(() => scoreAllPairs(input));
    const o = time(() => runMatching(input, 'optimal'));
    const s = time(() => runMatching(input, 'stable'));
    floor.push(f.ms);
    optimal.push(o.ms);
    stable.push(s.ms);
    last = { eligiblePairs: f.value.eligiblePairs, optimal: o.value, stable: s.value };
  }
  const ratios = optimal.map((ms, k) => ms / floor[k]);
  const c = last.optimal.certificate;
  return {
    mentees,
    mentors,
    reps,
    eligiblePairs: last.eligiblePairs,
    capacity: input.mentors.reduce((sum, m) => sum + m.capacity, 0),
    floorMs: median(floor),
    optimalMs: median(optimal),
    optimalRatio: median(optimal) / median(floor),
    optimalRatioRange: [Math.min(...ratios), Math.max(...ratios)],
    stableMs: median(stable),
    stableRatio: median(stable) / median(floor),
    optimalMatched: last.optimal.stats.matched,
    optimalScore: last.optimal.stats.totalScore,
    stableMatched: last.stable.stats.matched,
    stableScore: last.stable.stats.totalScore,
    verified: c.verified,
    rounds: c.rounds,
    candidatePairs: c.candidatePairs,
    widenedPairs: c.widenedPairs,
    pairsChecked: c.pairsChecked,
  };
}

function memory(outDir, mentees, mentors, algorithm) {
  const { runMatching, generateProgram } = engine(outDir);
  const input = generateProgram(mentees, mentors, SEED);
  const inputRssMb = process.memoryUsage().rss / 2 ** 20;
  const result = runMatching(input, algorithm);
  return { inputRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024, matched: result.stats.matched };
}

function spawnChild(args) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`benchmark child failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [outDir, mentees, mentors, what] = args.slice(1);
    const out = what === 'optimal' || what === 'stable' ? memory(outDir, Number(mentees), Number(mentors), what) : timings(outDir, Number(mentees), Number(mentors), Number(what));
    process.stdout.write(JSON.stringify(out) + '\n');
    return;
  }
  const quick = args.includes('--quick');
  const outDir = mkdtempSync(join(tmpdir(), 'pm-matching-bench-'));
  try {
    transpile(outDir);
    const rows = [];
    for (const size of SIZES) {
      const sizeArgs = ['--child', outDir, String(size.mentees), String(size.mentors)];
      const row = spawnChild([...sizeArgs, String(quick ? 3 : size.reps)]);
      row.memory = { optimal: spawnChild([...sizeArgs, 'optimal']), stable: spawnChild([...sizeArgs, 'stable']) };
      rows.push(row);
    }
    report(rows);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function report(rows) {
  const fmt = (ms) => `${ms.toFixed(0)} ms`;
  const mb = (x) => `${x.toFixed(0)} MB`;
  console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}; medians after one warm-up run`);
  console.log('');
  console.log('| mentees x mentors | eligible pairs | reps | floor (score all pairs) | optimal | optimal / floor (range) | stable | stable / floor |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.mentees} x ${r.mentors} | ${(r.eligiblePairs / 1e6).toFixed(2)} M | ${r.reps} | ${fmt(r.floorMs)} | ${fmt(r.optimalMs)} | ${r.optimalRatio.toFixed(2)}x (${r.optimalRatioRange.map((x) => x.toFixed(2)).join('-')}) | ${fmt(r.stableMs)} | ${r.stableRatio.toFixed(2)}x |`,
    );
  }
  console.log('');
  console.log('| mentees x mentors | RSS with the input only | peak RSS, one optimal run | peak RSS, one stable run |');
  console.log('| --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(`| ${r.mentees} x ${r.mentors} | ${mb(r.memory.optimal.inputRssMb)} | ${mb(r.memory.optimal.peakRssMb)} | ${mb(r.memory.stable.peakRssMb)} |`);
  }
  console.log('');
  console.log('| mentees x mentors | places | optimal matched / score | stable matched / score | certificate | rounds | candidate pairs (widened) | pairs checked |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.mentees} x ${r.mentors} | ${r.capacity} | ${r.optimalMatched} / ${r.optimalScore} | ${r.stableMatched} / ${r.stableScore} | ${r.verified ? 'verified' : 'NOT verified'} | ${r.rounds} | ${r.candidatePairs} (${r.widenedPairs}) | ${r.pairsChecked} |`,
    );
  }
  const big = rows[rows.length - 1];
  console.log('');
  console.log(`goal: optimal at ${big.mentees} x ${big.mentors} within 5x the floor: ${big.optimalRatio <= 5 ? 'met' : 'NOT met'} (${big.optimalRatio.toFixed(2)}x)`);
}

main();
