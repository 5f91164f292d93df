/**
 * Child process of bench/lib/generation.mjs: times the pure generators over random configs.
 * argv: <bundle.mjs> <configs> <warm-up configs>. Prints one JSON line.
 */
const [bundlePath, countArg, warmArg] = process.argv.slice(2);
const { generateSnippets, lintConfig, simulateLoad, configArbitrary, fc } = await import(
  bundlePath
);
const count = Number(countArg);
const warm = Number(warmArg);

const configs = fc.sample(configArbitrary(), { numRuns: count + warm, seed: 20261124 });
const total = [];
const snippets = [];
const lint = [];
const simulate = [];
let sink = 0;
for (let i = 0; i < configs.length; i++) {
  const config = configs[i];
  const t0 = performance.now();
  const s = generateSnippets(config);
  const t1 = performance.now();
  const l = lintConfig(config);
  const t2 = performance.now();
  const r = simulateLoad(config);
  const t3 = performance.now();
  sink += s.length + l.length + (r ? 1 : 0);
  if (i < warm) continue;
  snippets.push(t1 - t0);
  lint.push(t2 - t1);
  simulate.push(t3 - t2);
  total.push(t3 - t0);
}
const models = {};
for (const c of configs.slice(warm)) models[c.model] = (models[c.model] ?? 0) + 1;
process.stdout.write(
  `${JSON.stringify({ count, warm, sink, models, total, snippets, lint, simulate })}\n`,
);
