// Drives the studio (web/dist, built by web/build-studio) in headless Chromium as a student would:
// serves the folder on 127.0.0.1, types a broken case and expects casebook's diagnostic at its
// line, fixes it and expects the report's phrases in the preview, downloads the PDF, reloads and
// expects the text kept, runs axe; fails on any request that leaves 127.0.0.1. Prints the
// timings as one JSON line (the studio benchmark).
// Usage: node studio.mjs DIST BROKEN.yaml LINE CODE FIXED.yaml PDF_OUT PHRASE...
import { createServer } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const [dist, brokenFile, line, code, fixedFile, pdfOut, ...phrases] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".json": "application/json" };

let transferred = 0;
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
  const file = join(dist, path.endsWith("/") ? `${path}index.html` : path);
  try {
    const body = readFileSync(file);
    transferred += gzipSync(body, { level: 9 }).length;
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
const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
const outside = [];
await context.route("**/*", (route) => {
  const url = route.request().url();
  if (url.startsWith(origin) || url.startsWith("blob:") || url.startsWith("data:") || url === "about:srcdoc") {
    return route.continue();
  }
  outside.push(url);
  return route.abort();
});

const failures = [];
const expect = (ok, what) => { if (!ok) failures.push(what); };
const page = await context.newPage();
page.on("pageerror", (err) => failures.push(`page error: ${err.message}`));

const started = Date.now();
await page.goto(origin + "/");
await page.selectOption("#ui-language", "nl");
await page.waitForSelector(".cm-content");

// Replaces the editor's text the way a paste does.
async function paste(text) {
  await page.click(".cm-content");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}
const previewText = () => page.evaluate(() => document.getElementById("preview").srcdoc);

await paste(readFileSync(fixedFile, "utf8"));
await page.waitForFunction((phrase) => document.getElementById("preview").srcdoc.includes(phrase), phrases[0], { timeout: 60000 });
const firstPreview = Date.now() - started;
const firstTransfer = transferred;

await paste(readFileSync(brokenFile, "utf8"));
const wanted = `regel ${line}: ✖ [${code}]`;
try {
  await page.waitForFunction((w) => document.getElementById("problems").textContent.includes(w), wanted, { timeout: 20000 });
} catch {
  expect(false, `no diagnostic "${wanted}"; the list says: ${await page.textContent("#problems")}`);
}
expect(await page.locator(".cm-lint-marker-error").count() > 0, "no error marker in the editor's gutter");

await paste(readFileSync(fixedFile, "utf8"));
await page.waitForFunction(() => document.getElementById("status").textContent.includes("0 fout"), null, { timeout: 20000 })
  .catch(() => {});
const html = await previewText();
for (const phrase of phrases) expect(html.includes(phrase), `the preview lacks "${phrase}"`);

// Keystroke to preview: one letter typed at the end of the organisation's name.
const latencies = [];
for (let i = 0; i < 5; i++) {
  const before = await previewText();
  await page.click(".cm-content");
  await page.keyboard.press("ControlOrMeta+End");
  const typed = Date.now();
  await page.keyboard.type("x");
  await page.waitForFunction((b) => document.getElementById("preview").srcdoc !== b, before, { timeout: 20000 });
  latencies.push(Date.now() - typed);
}
await page.keyboard.press("Backspace");
for (let i = 0; i < 4; i++) await page.keyboard.press("Backspace");
await page.waitForTimeout(600);

const pdfStarted = Date.now();
const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-download=pdf]")]);
await download.saveAs(pdfOut);
const pdfTime = Date.now() - pdfStarted;

await page.reload();
await page.waitForSelector(".cm-content");
const kept = await page.evaluate(() => document.querySelector(".cm-content").innerText);
expect(kept.includes(phrases[0]), "after a reload the case's text is gone");

await page.addScriptTag({ content: axeSource });
const result = await page.evaluate(async () =>
  window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }));
for (const v of result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
  failures.push(`axe: ${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")})`);
}
for (const url of outside) failures.push(`request outside 127.0.0.1: ${url}`);

await browser.close();
server.close();
latencies.sort((a, b) => a - b);
console.log(JSON.stringify({
  transfer_gzip_bytes: firstTransfer, first_preview_ms: firstPreview,
  keystroke_to_preview_ms_median: latencies[2], pdf_download_ms: pdfTime,
}));
for (const f of failures) console.log(`studio: ${f}`);
process.exit(failures.length ? 1 : 0);
