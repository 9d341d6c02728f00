// Runs axe-core over generated HTML pages in headless Chromium, in light and dark mode, and
// fails on any serious or critical violation, on any request that leaves the page's own file, and
// on a page that scrolls sideways at 320 CSS pixels (WCAG 1.4.10 Reflow; a wide table may scroll
// inside its own region), on a text below 11 px at 390 px (a phone) and on a table that needs its
// sideways scroll at 1280 px.
// Usage: node axe.mjs [--screenshots DIR] page.html...
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
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
// One page after another took most of CI's checkers time (62 runs of axe, 2–4 s each); pages are
// independent, so as many are checked at once as the machine has cores. Each line of the report
// names its page.
const queue = args.flatMap((file) => ["light", "dark"].map((scheme) => [file, scheme]));
const check = async () => {
  for (let next = queue.shift(); next; next = queue.shift()) await checkPage(...next);
};
await Promise.all(Array.from({ length: Math.min(4, availableParallelism()) }, check));
await browser.close();
console.log(`axe: ${args.length} page(s), ${failures} problem(s)`);
process.exit(failures ? 1 : 0);

async function checkPage(file, scheme) {
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
    await page.setViewportSize({ width: 390, height: 900 });
    // On a phone every text, the figures' included, is at least 11 px.
    const tiny = await page.evaluate(() => {
      const found = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!node.textContent.trim() || !element || element.closest(".skip")) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        // An SVG's text is scaled with its drawing: measure what the reader sees.
        const svg = element.closest("svg");
        const scale = svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width
          ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
        if (size * scale < 11) found.push(`${node.textContent.trim().slice(0, 30)} (${(size * scale).toFixed(1)} px)`);
      }
      return found;
    });
    for (const text of tiny.slice(0, 5)) {
      failures++;
      console.log(`${file}: at 390 px a text renders below 11 px: ${text}`);
    }
    // On a wide screen no table needs its sideways scroll.
    await page.setViewportSize({ width: 1280, height: 900 });
    const scrolling = await page.evaluate(() =>
      [...document.querySelectorAll(".scroll")]
        .filter((region) => region.scrollWidth > region.clientWidth + 1)
        .map((region) => region.getAttribute("aria-label") ?? region.className));
    for (const table of scrolling) {
      failures++;
      console.log(`${file}: at 1280 px the table “${table}” scrolls sideways`);
    }
    await page.setViewportSize({ width: 1100, height: 900 });
  }
  if (shots) {
    await page.screenshot({ path: `${shots}/${basename(file, ".html")}.${scheme}.png`, fullPage: true });
  }
  await page.close();
}
