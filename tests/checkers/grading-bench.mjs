// The grading page's benchmark (README), not a test: grades the benchmark's class in headless
// Chromium through nakijken.html and prints, as one JSON line, the wall time from the click to
// the overview, the page's longest task and the browser's memory before and at its peak (the
// proportional set sizes of its processes summed, sampled every 250 ms from /proc).
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
// it; proportional set sizes), in MB: other browsers on the machine are left out.
const rss = () => {
  const parent = new Map();
  const size = new Map();
  let root = null;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      parent.set(pid, status.match(/^PPid:\s+(\d+)/m)?.[1]);
      // Proportional: a page shared by several processes counts once in all.
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      size.set(pid, Number(rollup.match(/^Pss:\s+(\d+)/m)?.[1] ?? 0));
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(`casebook-bench-${process.pid}`)
        && !readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=")) root = pid;
    } catch {
      // A process that has gone.
    }
  }
  const ours = (pid) => pid && (pid === root || ours(parent.get(pid)));
  let kb = 0;
  for (const [pid, rss] of size) if (ours(pid)) kb += rss;
  return Math.round(kb / 1024);
};
let peak = rss();
const before = peak;
const sampler = setInterval(() => (peak = Math.max(peak, rss())), 250);
const started = Date.now();
await page.click("#start");
await page.waitForFunction(() => Number(document.body.dataset.runs ?? 0) >= 1, null, { timeout: 1200000 });
const seconds = (Date.now() - started) / 1000;
clearInterval(sampler);
console.log(JSON.stringify({
  said: await page.textContent("#progress"), seconds,
  longest_task_ms: Math.round(await page.evaluate(() => window.longest)),
  memory_mb: { before, peak },
  cores: await page.evaluate(() => navigator.hardwareConcurrency),
}));
await browser.close();
server.close();
