// Runs panels' JavaScript twins for tests/panel_checks.py: reads one JSON array of cases on stdin,
// each {module, function, values, params}, and writes one JSON array of outcomes (or {error}) on stdout.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const panels = resolve(process.argv[2]);
const cases = JSON.parse(readFileSync(0, "utf-8"));
const modules = new Map();
const results = [];
for (const c of cases) {
  if (!modules.has(c.module)) modules.set(c.module, await import(pathToFileURL(`${panels}/${c.module}.js`).href));
  try {
    const outcome = modules.get(c.module)[c.function](c.values, c.params);
    results.push({ readout: outcome.readout, takeaway: outcome.takeaway ?? "", key: outcome.key ?? null,
                   datasets: outcome.datasets });
  } catch (failure) {
    results.push({ error: String(failure.message ?? failure) });
  }
}
process.stdout.write(JSON.stringify(results));
