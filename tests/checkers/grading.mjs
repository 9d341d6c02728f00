// Drives the studio's grading page (web/dist/nakijken.html) in headless Chromium as a teacher
// would: serves the folder on 127.0.0.1; picks the model answer and a broken zip (expects the
// problem listed); picks a class of sixty and stops it halfway (expects the partial result
// offered and labelled partial, saved as RESULTS/partial.zip); then grades each platform's zip
// (named after its platform, whose import files it asks for too) and saves the page's zip as
// RESULTS/<zip's name>.zip, for the caller to compare with the CLI; last a folder, picked as a
// folder (saved as RESULTS/folder.zip); a small folder with feedback PDFs (the pool then over the
// PDF engine; saved as RESULTS/pdf.zip; a student's link in its overview opens their feedback in
// a tab); the small folder again, kept on this computer (expects the results offered after a
// reload, saved as RESULTS/kept.zip, the overview's links working, and gone after the button); and
// a PDF without a case as the model answer (expects
// the problem listed, reported as no_case_model).
// Runs axe at 390 and 1280 px; fails on any request that leaves 127.0.0.1; records the page's
// longest task; checks nothing is stored unless asked. Prints one JSON line: {broken, partial, no_case_model, longest_task_ms, seconds}.
// Usage: node grading.mjs DIST MODEL.yaml RESULTS BROKEN.zip LARGE.zip FOLDER SMALL NO-CASE.pdf CLASS.zip...
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { launch, openGrading, serve } from "./static.mjs";

const [dist, model, results, broken, large, folder, small, noCase, ...classes] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const { origin, server } = await serve(dist);
const browser = await launch({ closed: true });
const context = await browser.newContext({
  acceptDownloads: true, viewport: { width: 1280, height: 900 }, locale: "nl-NL",
});
const outside = [];
context.on("request", (request) => {
  const url = request.url();
  if (!url.startsWith(`${origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:")
    && url !== "about:srcdoc") outside.push(url);
});
const failures = [];
const expect = (ok, what) => { if (!ok) failures.push(what); };
const page = await context.newPage();
page.on("pageerror", (err) => failures.push(`page error: ${err.message}`));
const labels = JSON.parse(readFileSync(join(dist, "labels.json"), "utf8")).nl;
const said = () => page.textContent("#progress");
// Each run, once over, counts in the body's data-runs.
let runs = 0;
const startWith = async (submissions) => {
  await page.setInputFiles("#submissions", submissions);
  await page.click("#start");
  runs += 1;
};
const idle = () => page.waitForFunction((n) => Number(document.body.dataset.runs ?? 0) >= n,
  runs, { timeout: 600000 });
// A folder picked as a folder, graded.
const gradeFolder = async (path) => {
  await page.setInputFiles("#folder", path);
  await page.click("#start");
  runs += 1;
  await idle();
};
const download = async (selector, path) => {
  const coming = page.waitForEvent("download");
  await page.click(selector);
  await (await coming).saveAs(path);
};

await openGrading(page, origin);
expect((await page.textContent(".private")).includes(labels.grade_private), "the page does not say nothing is uploaded");
await page.setInputFiles("#model", model);

// A broken zip: the problem listed, nothing graded.
await startWith(broken);
await page.waitForFunction(() => document.getElementById("problems").children.length > 0, null, { timeout: 120000 });
await idle();
const brokenSaid = await page.textContent("#problems li");
expect((await said()) === labels.grade_problems, `after a broken zip the page says ${await said()}`);

// Stopped halfway: the partial result, labelled partial.
await startWith(large);
await page.waitForFunction(() => /^([5-9]|\d\d+) van/.test(document.getElementById("progress").textContent),
  null, { timeout: 300000 });
await page.click("#cancel");
await idle();
const partialSaid = await said();
expect(partialSaid.includes("gedeeltelijk"), `stopped halfway the page says ${partialSaid}`);
const partialLink = await page.textContent("#downloads a");
expect(partialLink === labels.grade_download_partial, `stopped halfway the download reads ${partialLink}`);
await download("#downloads a", join(results, "partial.zip"));

// Each platform's zip, graded whole.
const started = Date.now();
for (const zip of classes) {
  // The platform's own files too, as `--lms` writes them.
  await page.selectOption("#lms", basename(zip, ".zip"));
  // The platform's class list beside its zip, when there is one (as --roster).
  const roster = zip.replace(/\.zip$/, "-roster.csv");
  await page.setInputFiles("#roster", existsSync(roster) ? roster : []);
  await startWith(zip);
  await idle();
  const done = await said();
  expect(done.includes("nagekeken in"), `${basename(zip)}: the page says ${done}`);
  await download("#downloads a", join(results, basename(zip)));
}
const seconds = (Date.now() - started) / 1000;
await page.selectOption("#lms", "");
await page.setInputFiles("#roster", []);
await gradeFolder(folder);
expect((await said()).includes("nagekeken in"), `the folder: the page says ${await said()}`);
await download("#downloads a", join(results, "folder.zip"));

// Feedback PDFs: the pool's workers over the PDF engine.
await page.check("#pdf");
await gradeFolder(small);
expect((await said()).includes("nagekeken in"), `with PDFs: the page says ${await said()}`);
await download("#downloads a", join(results, "pdf.zip"));
await page.uncheck("#pdf");

// The overview runs sandboxed, apart from the page: looked at as a frame of its own.
await page.frameLocator("#overview").locator("table").first().waitFor({ timeout: 20000 })
  .catch(() => failures.push("the overview is not shown on the page"));
// A student's link in the overview opens that student's feedback from the results, in a tab.
const followed = async (when) => {
  const link = page.frameLocator("#overview").locator('td a[href^="feedback/"][href$=".html"]').first();
  const student = (await link.textContent({ timeout: 20000 }).catch(() => "")).trim();
  const opened = context.waitForEvent("page", { timeout: 20000 }).catch(() => null);
  await link.click({ timeout: 20000 }).catch(() => {});
  const tab = await opened;
  if (!tab) return failures.push(`${when}: a student's link in the overview opens nothing`);
  await tab.waitForLoadState();
  const text = await tab.textContent("body").catch(() => "");
  expect(student && text.includes(student) && tab.url().startsWith("blob:"),
    `${when}: ${student}'s link in the overview opens ${tab.url()} (${text.slice(0, 80)})`);
  await tab.close();
};
await followed("after grading");
const longest = Math.round(await page.evaluate(() => window.longest));
expect(longest <= 200, `the page froze for ${longest} ms while grading (target: no task over 200 ms)`);

// Nothing of the class kept in the browser unless asked: no local storage, no database.
const storage = () => page.evaluate(async () => ({
  local: localStorage.length, session: sessionStorage.length,
  databases: (await indexedDB.databases()).map((db) => db.name),
}));
const stored = await storage();
expect(stored.local + stored.session + stored.databases.length === 0, `the page stored the class: ${JSON.stringify(stored)}`);

// Kept on this computer when the teacher asks: there after a reload, gone after the button.
await page.check("#keep");
await gradeFolder(small);
const keptNow = await storage();
expect(keptNow.databases.length === 1 && keptNow.local + keptNow.session === 0,
  `asked to keep the results, the page stored ${JSON.stringify(keptNow)}`);
await openGrading(page, origin);
runs = 0;
await page.waitForFunction(() => document.querySelector("#downloads a"), null, { timeout: 20000 })
  .catch(() => failures.push("the kept results are not offered after a reload"));
const keptSaid = await said();
expect(keptSaid.startsWith(labels.grade_kept.split("{")[0]), `with kept results the page says ${keptSaid}`);
expect(await page.isChecked("#keep"), "with kept results the choice to keep them is not ticked");
await download("#downloads a", join(results, "kept.zip"));
await followed("with the kept results after a reload");
await page.click("#forget");
await page.waitForFunction((text) => document.getElementById("progress").textContent === text,
  labels.grade_forgotten, { timeout: 20000 })
  .catch(async () => failures.push(`after removing the kept results the page says ${await said()}`));
const forgotten = await storage();
expect(forgotten.databases.length === 0, `after the button the browser still holds ${JSON.stringify(forgotten)}`);
expect(await page.isHidden("#forget"), "after removing the kept results the button is still shown");
await openGrading(page, origin);
expect(!(await page.$("#downloads a")), "after removing the kept results a reload offers them again");

await page.addScriptTag({ content: axeSource });
for (const width of [1280, 390]) {
  await page.setViewportSize({ width, height: 844 });
  const result = await page.evaluate(async () =>
    window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }));
  for (const v of result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
    failures.push(`axe at ${width} px: ${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")})`);
  }
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide <= width, `at ${width} px the page scrolls sideways (${wide} px wide)`);
  if (process.env.STUDIO_SCREENSHOTS) {
    await page.screenshot({ path: join(process.env.STUDIO_SCREENSHOTS, `grading-${width}.png`), fullPage: true });
  }
}
// A PDF without a case as the model answer: nothing to grade against, and the page says why.
await page.setInputFiles("#model", noCase);
await startWith(classes[0]);
await idle();
const noCaseModel = await page.textContent("#problems");
expect((await said()) === labels.grade_problems, `with a PDF without a case as the model the page says ${await said()}`);
expect(!(await page.$("#downloads a")), "with a PDF without a case as the model the page offers a download");

for (const url of outside) failures.push(`request outside 127.0.0.1: ${url}`);
await browser.close();
server.close();
console.log(JSON.stringify({ broken: brokenSaid, partial: partialSaid, no_case_model: noCaseModel,
  longest_task_ms: longest, seconds }));
for (const f of failures) console.log(`grading: ${f}`);
process.exit(failures.length ? 1 : 0);
