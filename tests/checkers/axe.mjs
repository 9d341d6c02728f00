// Runs axe-core over generated HTML pages in headless Chromium, in light and dark mode, and
// fails on any serious or critical violation, on any request that leaves the page's own file, and
// on a page that scrolls sideways at 320 CSS pixels (WCAG 1.4.10 Reflow; a wide table may scroll
// inside its own region).
// Usage: node axe.mjs [--screenshots DIR] page.html...
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const args = process.argv.slice(2);
let shots = null;
if (args[0] === "--screenshots") {
  shots = args[1];
  args.splice(0, 2);
  mkdirSync(shots, { recursive: true });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  // Without these, Chromium phones home at start-up; the machine's closed network refuses it.
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

let failures = 0;
for (const file of args) {
  for (const scheme of ["light", "dark"]) {
    const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1100, height: 900 } });
    const url = pathToFileURL(resolve(file)).href;
    const outside = [];
    await page.route("**/*", (route) => {
      const target = route.request().url();
      if (target.split("#")[0] === url) return route.continue();
      outside.push(target);
      return route.abort();
    });
    await page.goto(url);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // Checked against WCAG 2.1 AA and best practices; `region` stays on.
      window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }),
    );
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    for (const v of bad) {
      failures++;
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ");
      console.log(`${file} [${scheme}]: ${v.impact} ${v.id}: ${v.help} (${where})`);
    }
    for (const target of outside) {
      failures++;
      console.log(`${file} [${scheme}]: request outside the page: ${target}`);
    }
    if (scheme === "light") {
      await page.setViewportSize({ width: 320, height: 900 });
      const [content, viewport] = await page.evaluate(() =>
        [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (content > viewport) {
        failures++;
        console.log(`${file}: at 320 px the page is ${content} px wide and scrolls sideways`);
      }
      await page.setViewportSize({ width: 1100, height: 900 });
    }
    if (shots) {
      await page.screenshot({ path: `${shots}/${basename(file, ".html")}.${scheme}.png`, fullPage: true });
    }
    await page.close();
  }
}
await browser.close();
console.log(`axe: ${args.length} page(s), ${failures} problem(s)`);
process.exit(failures ? 1 : 0);
