// Differential test of ngodesk's opening_hours evaluator against the npm
// package opening_hours (LGPL-3.0, used by this test only). Both evaluate
// random expressions at random instants, and state and next change must
// agree. The expressions use no PH, because the two differ on China's
// holidays by design (see docs/hours.md). Run with TZ=Asia/Shanghai, because the npm package
// evaluates in the process's time zone.
//
// Usage: node hours_differential.mjs PATH_TO_hours_eval [CASES] [SEED]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let OpeningHours;
try {
  OpeningHours = require('opening_hours');
} catch {
  console.error('opening_hours is not installed: run tests/js/install.sh');
  process.exit(1);
}

const [helper, caseArg, seedArg] = process.argv.slice(2);
if (!helper) {
  console.error('usage: node hours_differential.mjs PATH_TO_hours_eval [CASES] [SEED]');
  process.exit(2);
}
if (process.env.TZ !== 'Asia/Shanghai') {
  console.error('run with TZ=Asia/Shanghai: opening_hours evaluates in the local time zone');
  process.exit(2);
}
const caseCount = Number(caseArg ?? 3000);
let seed = Number(seedArg ?? 20260217) >>> 0;

// mulberry32: a small seeded generator, so that a failure can be replayed.
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (items) => items[Math.floor(random() * items.length)];
const pad = (n) => String(n).padStart(2, '0');
const time = (minute) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

function timespans() {
  const count = 1 + Math.floor(random() * 3);
  const bounds = new Set();
  while (bounds.size < count * 2) bounds.add(Math.floor(random() * 97) * 15);
  const sorted = [...bounds].sort((a, b) => a - b);
  const spans = [];
  for (let i = 0; i < sorted.length; i += 2) spans.push(`${time(sorted[i])}-${time(sorted[i + 1])}`);
  return spans.join(',');
}

function rule() {
  const parts = [];
  if (random() < 0.3) parts.push(pick(['May-Sep', 'Oct-Apr', 'Nov-Feb', 'Jul 01-Aug 31', 'Dec 25', 'Jan-Mar']));
  if (random() < 0.8) parts.push(pick(['Mo-Fr', 'Sa', 'Su', 'Mo,We,Fr', 'Fr-Mo', 'Sa,Su', 'Tu-Th', 'Mo-Th']));
  if (random() < 0.85 || parts.length === 0) parts.push(timespans());
  const modifier = random();
  if (modifier < 0.1) parts.push('off');
  else if (modifier < 0.18) parts.push('unknown "ask"');
  return parts.join(' ');
}

function expression() {
  let text = rule();
  const extra = Math.floor(random() * 3);
  for (let i = 0; i < extra; ++i) text += pick(['; ', '; ', ', ']) + rule();
  if (random() < 0.1) text += ' || "ask"';
  return text;
}

const start = Date.parse('2024-01-01T00:00:00+08:00');
const span = Date.parse('2027-01-01T00:00:00+08:00') - start;
const cases = [];
for (let i = 0; i < caseCount; ++i) {
  const instant = new Date(start + Math.floor((random() * span) / 60000) * 60000);
  cases.push({ expression: expression(), instant });
}

const input = cases.map((c) => `${c.expression}\t${c.instant.toISOString().slice(0, 19)}Z`).join('\n') + '\n';
const run = spawnSync(helper, [], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (run.status !== 0) {
  console.error(`hours_eval failed: ${run.stderr}`);
  process.exit(1);
}
const lines = run.stdout.trimEnd().split('\n');

// Next changes further than this are not compared: the npm package stops
// searching earlier than ngodesk (400 days).
const horizon = 300 * 86400 * 1000;
let passed = 0;
let failed = 0;
let skipped = 0;
for (let i = 0; i < cases.length; ++i) {
  const { expression: text, instant } = cases[i];
  const [ourState, ourNext] = lines[i].split('\t');
  let oh;
  try {
    oh = new OpeningHours(text, null);
  } catch (error) {
    skipped += 1;  // an expression the npm package rejects proves nothing
    if (process.env.SHOW_SKIPPED) console.error(`skip ${JSON.stringify(text)}: ${String(error).slice(0, 120)}`);
    continue;
  }
  if (ourState === 'error') {
    failed += 1;
    console.error(`FAIL ${JSON.stringify(text)}: ngodesk rejected it (${ourNext}), opening_hours accepts it`);
    continue;
  }
  const theirState = oh.getUnknown(instant) ? 'unknown' : oh.getState(instant) ? 'open' : 'closed';
  const theirNextDate = oh.getNextChange(instant, new Date(instant.getTime() + horizon));
  const theirNext = theirNextDate ? String(theirNextDate.getTime() / 1000) : '-';
  const ourNextComparable = ourNext !== '-' && Number(ourNext) * 1000 - instant.getTime() < horizon ? ourNext : '-';
  if (theirState === ourState && theirNext === ourNextComparable) {
    passed += 1;
    continue;
  }
  failed += 1;
  if (failed <= 20) {
    console.error(
      `FAIL ${JSON.stringify(text)} at ${instant.toISOString()}: ngodesk ${ourState} next ${ourNextComparable}, ` +
        `opening_hours ${theirState} next ${theirNext}`,
    );
  }
}
console.log(`hours differential: ${passed} passed, ${failed} failed, ${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
