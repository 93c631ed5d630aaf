// Matching engine benchmark (a script, not a timed test).
//
//   node bench/matching/run.mjs            from the repository root; about 2 minutes on 2 cores
//   node bench/matching/run.mjs --quick    fewer repetitions, for a smoke run
//
// It transpiles libs/matching/src with @swc/core (already a dev dependency) into a temporary folder, then,
// for each program size, runs a child process (so that peak memory is per size) that generates a program
// (seeded, same every time), runs everything once to warm up the JIT, and times several repetitions of:
//   floor    compile the input and score every pair once: the work no solver can avoid
//   optimal  runMatching(input, 'optimal'), certificate check over every eligible pair included
//   stable   runMatching(input, 'stable')
// It prints medians, the ratios to the floor measured in the same process, and the child's peak RSS.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const source = join(root, 'libs', 'matching', 'src');
const require = createRequire(join(root, 'package.json'));

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

function child(outDir, mentees, mentors, reps) {
  const load = createRequire(join(outDir, 'index.js'));
  const { runMatching, scoreAllPairs } = load('./index.js');
  const { generateProgram } = load('./testing/generate.js');
  const input = generateProgram(mentees, mentors, 20240601);
  const collect = () => globalThis.gc?.();
  const time = (fn) => {
    collect();
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
    peakRssMb: process.resourceUsage().maxRSS / 1024,
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

function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [outDir, mentees, mentors, reps] = args.slice(1);
    process.stdout.write(JSON.stringify(child(outDir, Number(mentees), Number(mentors), Number(reps))) + '\n');
    return;
  }
  const quick = args.includes('--quick');
  const outDir = mkdtempSync(join(tmpdir(), 'pm-matching-bench-'));
  try {
    transpile(outDir);
    const rows = [];
    for (const size of SIZES) {
      const reps = quick ? 3 : size.reps;
      const run = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', outDir, String(size.mentees), String(size.mentors), String(reps)], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      if (run.status !== 0) throw new Error(`benchmark child failed:\n${run.stderr}`);
      rows.push(JSON.parse(run.stdout.trim().split('\n').pop()));
    }
    report(rows);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function report(rows) {
  const fmt = (ms) => `${ms.toFixed(0)} ms`;
  console.log(`node ${process.version}, ${process.platform} ${process.arch}; medians after one warm-up run`);
  console.log('');
  console.log('| mentees x mentors | eligible pairs | reps | floor (score all pairs) | optimal | optimal / floor | stable | stable / floor | peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.mentees} x ${r.mentors} | ${(r.eligiblePairs / 1e6).toFixed(2)} M | ${r.reps} | ${fmt(r.floorMs)} | ${fmt(r.optimalMs)} | ${r.optimalRatio.toFixed(2)}x (${r.optimalRatioRange.map((x) => x.toFixed(2)).join('-')}) | ${fmt(r.stableMs)} | ${r.stableRatio.toFixed(2)}x | ${r.peakRssMb.toFixed(0)} MB |`,
    );
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
