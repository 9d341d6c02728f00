// Drives the studio (web/dist, built by web/build-studio) in headless Chromium as a student would:
// serves the folder on 127.0.0.1; opens a broken case through the file picker and expects
// casebook's diagnostic at its line (in the list and in the editor); pastes the fixed case and
// expects the report's phrases in the preview; types and times the preview; downloads the PDF of
// both editions; reloads and expects the text kept; switches the labels to English; walks the
// page with Tab; runs axe; fails on any request that leaves 127.0.0.1. Prints the timings as one
// JSON line (the studio benchmark); STUDIO_SCREENSHOTS=folder also saves screenshots.
// Usage: node studio.mjs DIST BROKEN.yaml LINE CODE FIXED.yaml PDF_OUT_STEM PHRASE...
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const [dist, brokenFile, line, code, fixedFile, pdfStem, ...phrases] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".json": "application/json" };
const screenshots = process.env.STUDIO_SCREENSHOTS;

let transferred = 0;
const served = new Set();
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
  const file = join(dist, path.endsWith("/") ? `${path}index.html` : path);
  try {
    const body = readFileSync(file);
    transferred += gzipSync(body, { level: 9 }).length;
    served.add(path);
    response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({
  acceptDownloads: true, viewport: { width: 1280, height: 900 }, locale: "nl-NL",
});
const outside = [];
await context.route("**/*", (route) => {
  const url = route.request().url();
  if (url.startsWith(`${origin}/`) || url.startsWith("blob:") || url.startsWith("data:")) {
    return route.continue();
  }
  outside.push(url);
  return route.abort();
});

const failures = [];
const expect = (ok, what) => { if (!ok) failures.push(what); };
const page = await context.newPage();
page.on("pageerror", (err) => failures.push(`page error: ${err.message}`));
page.on("dialog", (dialog) => dialog.accept());
const shoot = async (name) => {
  if (screenshots) await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
};
const previewHas = (phrase, timeout = 20000) => page.waitForFunction(
  (p) => document.getElementById("preview").contentDocument?.body?.textContent.includes(p),
  phrase, { timeout, polling: "raf" });

const started = Date.now();
await page.goto(`${origin}/`);
await page.waitForSelector(".cm-content");

// Replaces the editor's text the way a paste does.
async function paste(text) {
  await page.click(".cm-content");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

await paste(readFileSync(fixedFile, "utf8"));
await previewHas(phrases[0], 60000);
const firstPreview = Date.now() - started;
const firstTransfer = transferred;
await shoot("studio-1280");

// A broken case through the file picker: the diagnostic in the list, with a button that takes
// the cursor to its line, where the editor marks it.
await page.setInputFiles("#open-file", brokenFile);
const wanted = `regel ${line} ✖ [${code}]`;
try {
  await page.waitForFunction((w) => document.getElementById("problems").textContent.includes(w), wanted, { timeout: 20000 });
  await page.click(`#problems li.error button.jump >> text="regel ${line}"`);
  const marked = await page.evaluate(() => ({
    line: document.querySelector(".cm-activeLineGutter")?.textContent,
    error: Boolean(document.querySelector(".cm-activeLine .cm-lintRange-error")),
  }));
  expect(marked.line === line && marked.error,
    `the editor does not mark line ${line} (cursor at ${marked.line}, error mark: ${marked.error})`);
} catch {
  expect(false, `no diagnostic "${wanted}"; the list says: ${await page.textContent("#problems")}`);
}
expect(await page.textContent("#file-name") === brokenFile.split("/").pop(), "the opened file's name is not shown");
expect(await page.locator(".cm-lint-marker-error").count() > 0, "no error marker in the editor's gutter");
await shoot("studio-broken-1280");

await paste(readFileSync(fixedFile, "utf8"));
await page.waitForFunction(() => !document.querySelector("#problems li.error"), null, { timeout: 20000 })
  .catch(() => failures.push("the fixed case still shows an error"));
for (const phrase of phrases) {
  await previewHas(phrase).catch(() => failures.push(`the preview lacks "${phrase}"`));
}

// Keystroke to preview: one letter typed at the end of the organisation's name, until the
// preview shows it.
const latencies = [];
await page.keyboard.press("ControlOrMeta+Home");
await page.locator(".cm-line", { hasText: phrases[0] }).first().click();
await page.keyboard.press("End");
for (let i = 1; i <= 7; i++) {
  const typed = Date.now();
  await page.keyboard.type("x");
  await previewHas(`${phrases[0]}${"x".repeat(i)}`);
  latencies.push(Date.now() - typed);
}
for (let i = 0; i < 7; i++) await page.keyboard.press("Backspace");
await page.waitForFunction((typed) => {
  const text = document.getElementById("preview").contentDocument?.body?.textContent;
  return text !== undefined && !text.includes(typed);
}, `${phrases[0]}x`);

// The PDF of each edition, as the student downloads it.
const pdfTimes = {};
for (const edition of ["teacher", "student"]) {
  await page.selectOption("#edition", edition);
  const pdfStarted = Date.now();
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-download=pdf]")]);
  await download.saveAs(`${pdfStem}.${edition}.pdf`);
  pdfTimes[edition] = Date.now() - pdfStarted;
}
await page.selectOption("#edition", "teacher");

// The engine's own share (WebAssembly), from the page's performance entries.
const engine = await page.evaluate(() => {
  const ms = (name) => performance.getEntriesByName(name).map((e) => Math.round(e.duration));
  return {
    ready_ms: Math.round(performance.getEntriesByName("casebook-engine-ready")[0]?.startTime ?? -1),
    preview_ms: ms("casebook-preview"), pdf_ms: ms("casebook-pdf"),
  };
});
const middle = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

await page.reload();
await page.waitForSelector(".cm-content");
const kept = await page.evaluate(() => document.querySelector(".cm-content").innerText);
expect(kept.includes(phrases[0]), "after a reload the case's text is gone");

await page.selectOption("#ui-language", "en");
expect((await page.textContent("label[for=open-file]")).trim() === "Open a case…", "the labels do not switch to English");
expect(await page.getAttribute("html", "lang") === "en", "the page's language does not switch to English");
await page.selectOption("#ui-language", "nl");

// Keyboard only: Tab reaches the editor and leaves it again, on to the PDF download.
await page.evaluate(() => document.activeElement?.blur());
const focused = [];
for (let i = 0; i < 20; i++) {
  await page.keyboard.press("Tab");
  focused.push(await page.evaluate(() => {
    const e = document.activeElement;
    return e?.dataset?.download || e?.id || e?.className || e?.tagName;
  }));
}
expect(focused.some((f) => f.startsWith("cm-content")), `Tab never reaches the editor: ${focused.join(", ")}`);
expect(focused.includes("pdf"), `Tab never reaches the PDF download: ${focused.join(", ")}`);

await page.addScriptTag({ content: axeSource });
const result = await page.evaluate(async () =>
  window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }));
for (const v of result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
  failures.push(`axe: ${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")})`);
}

if (screenshots) {
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot("studio-390");
}
for (const url of outside) failures.push(`request outside 127.0.0.1: ${url}`);
for (const file of ["/index.html", "/studio.js", "/casebook_web_bg.wasm", "/labels.json"]) {
  expect(served.has(file) || (file === "/index.html" && served.has("/")), `${file} was never asked for`);
}

await browser.close();
server.close();
latencies.sort((a, b) => a - b);
console.log(JSON.stringify({
  transfer_gzip_bytes: firstTransfer, first_preview_ms: firstPreview,
  keystroke_to_preview_ms: { median: latencies[3], max: latencies[6] },
  pdf_download_ms: pdfTimes, engine_ready_ms: engine.ready_ms,
  engine_preview_ms_median: middle(engine.preview_ms), engine_pdf_ms: engine.pdf_ms,
}));
for (const f of failures) console.log(`studio: ${f}`);
process.exit(failures.length ? 1 : 0);
