// Writes the studio's data files through the engine itself (run by web/build-studio):
// labels.json (the [studio] texts of both locale files), editor.json (the case's schema and the
// names of its parts in both languages: completion, hover, the cursor's place), index.html and
// nakijken.html with the Dutch labels already in place (the page reads before its script has
// run), and examples.json (the bundled
// example set's cases, by title); last sw.js, the service worker, with the list of the folder's
// files and a hash of their contents (a new build, a new cache).
// Usage: node prepare.mjs PKG_DIR CASES_DIR OUT_DIR
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [pkg, cases, out] = process.argv.slice(2);
const here = new URL(".", import.meta.url).pathname;
const engine = await import(join(process.cwd(), pkg, "casebook_web.js"));
engine.initSync({ module: readFileSync(join(pkg, "casebook_web_bg.wasm")) });

const labels = { nl: JSON.parse(engine.labels("nl")), en: JSON.parse(engine.labels("en")) };
writeFileSync(join(out, "labels.json"), JSON.stringify(labels));
// What the editor knows of the case format: the schema and the names of the case's parts.
writeFileSync(join(out, "editor.json"), JSON.stringify({ nl: JSON.parse(engine.editor_help("nl")), en: JSON.parse(engine.editor_help("en")) }));

const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
const dutch = (key) => escape(labels.nl[key] ?? key);
for (const name of ["index.html", "nakijken.html"]) {
  const page = readFileSync(join(out, name), "utf8")
    .replace(/(<(\w+)\b[^>]*\sdata-text="(\w+)"[^>]*>)(<\/\2>)/g,
    (_, open, _tag, key, close) => `${open}${dutch(key)}${close}`)
    .replace(/\sdata-label="(\w+)"/g, (whole, key) => `${whole} aria-label="${dutch(key)}"`)
    .replace(/\sdata-title="(\w+)"/g, (whole, key) => `${whole} title="${dutch(key)}"`)
    .replace(/\sdata-group="(\w+)"/g, (whole, key) => `${whole} label="${dutch(key)}"`);
  writeFileSync(join(out, name), page);
}

const examples = readdirSync(cases).filter((f) => f.endsWith(".yaml")).sort().map((file) => {
  const text = readFileSync(join(cases, file), "utf8");
  const title = (text.match(/^\s+title:\s*(.+)$/m) ?? [, file])[1].replace(/^["']|["']$/g, "");
  return { file, title, text };
});
writeFileSync(join(out, "examples.json"), JSON.stringify(examples));

const files = readdirSync(out).filter((f) => f !== "sw.js").sort();
const hash = createHash("sha256");
for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(out, file)));
const worker = readFileSync(join(here, "sw.js"), "utf8")
  .replace("__VERSION__", hash.digest("hex").slice(0, 16))
  .replace("__FILES__", JSON.stringify(files));
writeFileSync(join(out, "sw.js"), worker);
