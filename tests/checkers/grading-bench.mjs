// The grading page's benchmark (README), not a test: grades the benchmark's class in headless
// Chromium through nakijken.html and prints, as one JSON line, the wall time from the click to
// the overview, the page's longest task and the memory before and at its peak, the whole
// browser's and the tab's own (proportional set sizes from /proc, sampled once a second; see
// `memory` below), with a timeline of both, and the CPU time this script itself took from the
// machine meanwhile. A sample reads every process's memory map (about 60 ms of CPU with the
// browser at its peak): sampled four times a second, the script took 7.8 s of CPU in a 32 s run
// of the page on two cores, time the page did not have and the command line, timed alone, did.
// Make the class with `CASEBOOK_BENCH_CLASS=FOLDER cargo bench --bench build` (FOLDER/class/
// and FOLDER/model.yaml); time the CLI on the same with `casebook grade FOLDER/class --key
// FOLDER/model.yaml --format md,html`.
// Usage: node grading-bench.mjs DIST FOLDER [pdf]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openGrading, serve } from "./static.mjs";

const [dist, folder, pdf] = process.argv.slice(2);
const { origin, server } = await serve(dist);
const browser = await launch({ extra: [`--class=casebook-bench-${process.pid}`] });
const page = await (await browser.newContext({ locale: "nl-NL" })).newPage();
await openGrading(page, origin);
await page.setInputFiles("#model", join(folder, "model.yaml"));
const classFolder = join(folder, "class");
await page.setInputFiles("#submissions", readdirSync(classFolder).sort().map((f) => join(classFolder, f)));
if (pdf) await page.check("#pdf");

// The memory of this browser's processes (the one started with this script's mark and all below
// it; proportional set sizes), in MB: other browsers on the machine are left out. `tab` is the
// tab's own: its renderer processes (the page with its workers, and the overview's sandboxed
// frame, which Chromium may put in a process of its own; the only page of this browser);
// `kinds` the processes by their --type (the browser's own process, where the Blobs live, as
// `browser`).
const memory = () => {
  const parent = new Map();
  const size = new Map();
  const kind = new Map();
  let root = null;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      parent.set(pid, status.match(/^PPid:\s+(\d+)/m)?.[1]);
      // Proportional: a page shared by several processes counts once in all.
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      size.set(pid, Number(rollup.match(/^Pss:\s+(\d+)/m)?.[1] ?? 0));
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      kind.set(pid, cmdline.match(/--type=([\w-]+)/)?.[1] ?? "browser");
      if (cmdline.includes(`casebook-bench-${process.pid}`) && !cmdline.includes("--type=")) root = pid;
    } catch {
      // A process that has gone.
    }
  }
  const ours = (pid) => pid && (pid === root || ours(parent.get(pid)));
  const mb = (kb) => Math.round(kb / 1024);
  let total = 0;
  let tab = 0;
  const kinds = {};
  for (const [pid, kb] of size) {
    if (!ours(pid)) continue;
    total += kb;
    kinds[kind.get(pid)] = (kinds[kind.get(pid)] ?? 0) + kb;
    if (kind.get(pid) === "renderer") tab += kb;
  }
  return { total: mb(total), tab: mb(tab), kinds: Object.fromEntries(Object.entries(kinds).map(([k, kb]) => [k, mb(kb)])) };
};
const before = memory();
const peak = { total: before.total, tab: before.tab, at_total_peak: before.kinds };
// Every sample, for where the memory goes during the run.
const timeline = [];
const sampler = setInterval(() => {
  const now = memory();
  if (now.total > peak.total) Object.assign(peak, { total: now.total, at_total_peak: now.kinds });
  peak.tab = Math.max(peak.tab, now.tab);
  timeline.push([now.total, now.tab]);
}, 1000);
const started = Date.now();
const cpu = process.cpuUsage();
await page.click("#start");
// Asked twice a second, not at every frame the page draws.
await page.waitForFunction(() => Number(document.body.dataset.runs ?? 0) >= 1, null, { timeout: 1200000, polling: 500 });
const seconds = (Date.now() - started) / 1000;
clearInterval(sampler);
const { user, system } = process.cpuUsage(cpu);
console.log(JSON.stringify({
  said: await page.textContent("#progress"), seconds,
  longest_task_ms: Math.round(await page.evaluate(() => window.longest)),
  // The engine's own time per call (summed over the pool's workers), for where the time goes.
  engine_ms: await page.evaluate(() => {
    const sums = {};
    for (const entry of performance.getEntriesByType("measure")) {
      const name = entry.name.replace(/^casebook-/, "");
      sums[name] = Math.round((sums[name] ?? 0) + entry.duration);
    }
    return sums;
  }),
  memory_mb: { before, peak, timeline_total_tab_per_s: timeline },
  cores: await page.evaluate(() => navigator.hardwareConcurrency),
  bench_cpu_s: Math.round((user + system) / 1e5) / 10,
}));
await browser.close();
server.close();
