// Summarises a .cpuprofile (from BENCH_PROFILE=1): self time by package / area and the hottest functions.
// Usage: node bench/profile-summary.mjs bench/results/profiles/<label>.cpuprofile [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));

// Self time per node from the sample stream (timeDeltas are µs between consecutive samples).
const selfUs = new Map();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

function area(url, name) {
  if (!url) return name === '(garbage collector)' ? '(gc)' : name === '(idle)' ? '(idle)' : name === '(program)' ? '(program)' : '(native/runtime)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const app = /\/(apps|libs)\/([^/]+)\/dist\/(.*?)(\.js)?$/.exec(url);
  if (app) return `${app[1]}/${app[2]}: ${app[3].split('/')[0]}`;
  if (url.startsWith('node:')) return url;
  return url;
}

const byArea = new Map();
const byFunction = new Map();
for (const [id, us] of selfUs) {
  const { callFrame } = nodes.get(id);
  const a = area(callFrame.url, callFrame.functionName);
  byArea.set(a, (byArea.get(a) ?? 0) + us);
  const key = `${callFrame.functionName || '(anonymous)'}  ${callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '')}:${callFrame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}

const pct = (us) => `${((us / totalUs) * 100).toFixed(1).padStart(5)}%`;
const busyUs = totalUs - (byArea.get('(idle)') ?? 0);
console.log(
  `${file}: ${(totalUs / 1e6).toFixed(1)} s sampled, ${(busyUs / 1e6).toFixed(1)} s busy (${((busyUs / totalUs) * 100).toFixed(0)}% of the main thread)\n`,
);
console.log('self time by area:');
for (const [a, us] of [...byArea].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(us)}  ${a}`);
console.log('\nhottest functions (self time):');
for (const [f, us] of [...byFunction].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(us)}  ${f}`);
