// The studio's folder served as plain static files on 127.0.0.1, and headless Chromium started as
// the checkers start it (no phoning home; `closed`: no host but 127.0.0.1 resolves, so nothing
// can leave the machine). Shared by grading.mjs and grading-bench.mjs.
import { createServer } from "node:http";
import { readFileSync, readdirSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".json": "application/json" };

// Serves the files of `dist`; resolves to the server's origin and the server.
export async function serve(dist) {
  const files = new Map(readdirSync(dist).map((name) => [`/${name}`, readFileSync(join(dist, name))]));
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
    const body = files.get(path);
    response.writeHead(body ? 200 : 404, { "content-type": types[extname(path)] ?? "application/octet-stream" });
    response.end(body);
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return { origin: `http://127.0.0.1:${server.address().port}`, server };
}

export function launch({ closed = false, extra = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ...(closed ? ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"] : []), ...extra],
  });
}

// Opens the grading page once its labels are in, and keeps its longest task since in
// window.longest.
export async function openGrading(page, origin) {
  await page.goto(`${origin}/nakijken.html`);
  await page.waitForFunction(() => document.getElementById("start").textContent.length > 0);
  await page.evaluate(() => {
    window.longest = 0;
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) window.longest = Math.max(window.longest, task.duration);
    }).observe({ type: "longtask" });
  });
}
