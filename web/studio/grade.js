// The grading page (nakijken.html): a class graded in the browser, as `casebook grade` does it.
// The engine runs in a pool of Web Workers (grader.js): one coordinator reads and names the
// submissions, marks each and writes the overview and the zip (the core's own functions, so the
// files are the command line's); the others, as many as the cores and a memory budget allow,
// render the feedback: over the light engine, or over the PDF engine (grader-pdf.js) when the
// teacher asks for feedback PDFs. The page only reads the chosen files, hands out the work and
// shows the progress: it never waits on the engine. Nothing leaves the tab, and nothing is stored
// unless the teacher asks to keep the last class's results (keep.js), removable with one button.
import { Engine, compile } from "./engines.js";
import { forget, keep, load } from "./keep.js";
import { entries, file } from "./unzip.js";

// The tab's memory for the pool, and what one renderer adds to it at its peak: measured with
// grading-bench.mjs on the class of 300 (the tab's renderer processes, proportional set size:
// about 205 MB with the page and the coordinator; 418 MB with two light renderers, 771 MB with two
// PDF renderers, whose typst and fonts make one far larger).
const MEMORY_BUDGET_MB = 900;
const WORKER_MB = { light: 110, pdf: 285 };

let LABELS = {};
let ui = navigator.language?.startsWith("nl") || !navigator.language ? "nl" : "en";
const $ = (id) => document.getElementById(id);
const t = (key, values = {}) =>
  (LABELS[ui]?.[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);

// The files chosen: the model answer, the submissions (name as the CLI's folder gives it, file),
// the folder they are in (its name; none for files chosen one by one) and the rubric.
const chosen = { model: null, submissions: [], rubric: null, folder: "" };
let run = null;
// Whatever was shown last, to say again in another language.
let lastSaid = null;

function applyLanguage() {
  document.documentElement.lang = ui;
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
  for (const node of document.querySelectorAll("[data-label]")) node.setAttribute("aria-label", t(node.dataset.label));
  for (const node of document.querySelectorAll("[data-title]")) node.title = t(node.dataset.title);
  $("ui-language").value = ui;
  showChosen();
  if (lastSaid) say(...lastSaid);
}

function say(key, values = {}) {
  lastSaid = [key, values];
  $("progress").textContent = t(key, values);
}

function showChosen() {
  $("chosen").textContent = chosen.submissions.length ? t("grade_chosen", { count: chosen.submissions.length }) : "";
}

// The pool's two kinds of worker: the light engine, and the PDF engine (the same calls, with
// PDFs; its own bundle of grader.js), loaded only when feedback PDFs are asked for.
const KINDS = {
  light: { wasm: "casebook_web_bg.wasm", script: "grader.js" },
  pdf: { wasm: "casebook_pdf_bg.wasm", script: "grader-pdf.js" },
};

// As many renderers as the cores, within the memory budget (the coordinator counts too).
function poolSize(pdf) {
  const cores = Math.max(1, navigator.hardwareConcurrency || 2);
  const fit = Math.floor(MEMORY_BUDGET_MB / WORKER_MB[pdf ? "pdf" : "light"]) - 1;
  return Math.max(1, Math.min(cores, fit));
}

const bytesOf = async (file) => new Uint8Array(await file.arrayBuffer());

async function openClass(worker, settings) {
  const answer = JSON.parse(await worker.call("grade_open", [
    settings.modelName, settings.model.slice(), settings.rubricName, settings.rubric,
    settings.reveal, settings.formats, settings.separator, settings.lms, settings.assignment,
    settings.rosterName, settings.roster.slice(),
  ]));
  return answer.diagnostics;
}

// With PDFs, a renderer makes the model answer's feedback once and drops it before the class's
// first submission: typst has then read its fonts and the engine's busiest code is compiled
// further (the first submissions took twice as long as later ones without it).
function warmUp(renderer, settings) {
  const args = [settings.modelName, "", "warm-up", settings.modelName, settings.model.slice()];
  return renderer.call("grade_render", args, { label: "warm-up" }).catch(() => null);
}

function showProblems(diagnostics) {
  const items = diagnostics.map((d) => {
    const item = document.createElement("li");
    item.textContent = [d.file, d.message, d.hint].filter(Boolean).join(" — ");
    return item;
  });
  $("problems").replaceChildren(...items);
}

async function start() {
  if (!chosen.model) return say("grade_need_model");
  if (!chosen.submissions.length) return say("grade_need_submissions");
  $("start").disabled = true;
  $("cancel").disabled = false;
  const pdf = $("pdf").checked;
  const settings = {
    modelName: chosen.model.name,
    model: await bytesOf(chosen.model),
    rubricName: chosen.rubric?.name ?? "",
    rubric: chosen.rubric ? await chosen.rubric.text() : "",
    reveal: $("reveal").checked,
    formats: pdf ? "md,html,pdf" : "md,html",
    separator: $("separator").value,
    lms: $("lms").value,
    assignment: $("assignment").value,
    // The platform's class list (`--roster`), for the ids its import needs.
    rosterName: $("roster").files[0]?.name ?? "",
    roster: $("roster").files[0] ? await bytesOf($("roster").files[0]) : new Uint8Array(),
  };
  const size = poolSize(pdf);
  const kind = pdf ? "pdf" : "light";
  say("grade_loading", { workers: size });
  showProblems([]);
  $("downloads").replaceChildren();
  $("overview").srcdoc = "";
  shown = null;
  run = { cancelled: false, started: performance.now() };
  try {
    Object.assign(run, await pool(size, kind), { kind });
    const { coordinator, renderers } = run;
    // The class list is the coordinator's alone: the renderers only grade and render. They open
    // the class while the coordinator reads it.
    const rendering = { ...settings, rosterName: "", roster: new Uint8Array() };
    const ready = Promise.all(renderers.map((r) => openClass(r, rendering).then(() => kind === "pdf" && warmUp(r, settings))));
    ready.catch(() => {});
    const problems = await openClass(coordinator, settings);
    if (problems.length) return showProblems(problems), say("grade_problems");
    // The submissions, one after another in one buffer: one message however many files.
    const files = await Promise.all(chosen.submissions.map(([, file]) => bytesOf(file)));
    const all = new Uint8Array(files.reduce((n, f) => n + f.length, 0));
    files.reduce((at, f) => (all.set(f, at), at + f.length), 0);
    const names = chosen.submissions.map(([name]) => name);
    const sizes = new Uint32Array(files.map((f) => f.length));
    const read = JSON.parse(await coordinator.call("grade_read", [chosen.folder, names, sizes, all], { transfer: [all.buffer] }));
    if (read.diagnostics.length) return showProblems(read.diagnostics), say("grade_problems");
    await ready;
    const sources = await coordinator.call("grade_sources", []);
    await gradeAll(read.submissions, sources, settings, rendering);
  } catch (err) {
    say("grade_failed", { reason: String(err.message ?? err) });
    // A worker that failed is not used again.
    for (const worker of [workers.coordinator, ...workers.light, ...workers.pdf]) worker?.stop();
    Object.assign(workers, { coordinator: null, light: [], pdf: [] });
  } finally {
    $("start").disabled = false;
    $("cancel").disabled = true;
    // Runs finished, for whoever waits on the page (the test).
    document.body.dataset.runs = Number(document.body.dataset.runs ?? 0) + 1;
  }
}

// Each engine compiled once, and the pool's workers, kept from one run to the next (a class is
// opened in them anew): stopping a worker with its engine's memory would freeze the page. The
// coordinator renders nothing: the light engine serves it for either kind of run.
const compiled = { light: null, pdf: null };
const workers = { coordinator: null, light: [], pdf: [] };

function engineOf(kind) {
  return (compiled[kind] ??= compile(KINDS[kind].wasm, { streaming: kind === "light" }));
}

async function pool(size, kind) {
  workers.coordinator ??= new Engine(await engineOf("light"), KINDS.light.script);
  const module = await engineOf(kind);
  const renderers = workers[kind];
  while (renderers.length < size) renderers.push(new Engine(module, KINDS[kind].script));
  return { coordinator: workers.coordinator, renderers: renderers.slice(0, size) };
}

// Each renderer takes the next submission until none is left or the teacher stops; a
// submission the engine cannot finish is marked without feedback and its worker replaced.
async function gradeAll(submissions, sources, settings, rendering) {
  const { coordinator } = run;
  const total = submissions.length;
  let next = 0;
  let done = 0;
  const bar = $("bar");
  bar.hidden = false;
  bar.max = total;
  bar.value = 0;
  // Where each submission's bytes start in `sources`.
  const starts = submissions.reduce((list, s) => [...list, list.at(-1) + s[4]], [0]);
  const source = (index) => sources.slice(starts[index], starts[index + 1]);
  // The class's zip as the coordinator hands it out, a piece with each mark: kept as Blobs, out
  // of the workers' memory.
  const zipped = [];
  const work = async (slot) => {
    while (!run.cancelled && next < total) {
      const index = next++;
      const [file, student, slug, path] = submissions[index];
      // Graded once, by the renderer; its file again only for the coordinator when the renderer
      // could not finish it.
      let packed;
      let again = new Uint8Array();
      try {
        const bytes = source(index);
        packed = await run.renderers[slot].call("grade_render", [file, student, slug, path, bytes], { transfer: [bytes.buffer] });
      } catch {
        // The engine could not finish this one: marked without feedback, its worker replaced.
        run.renderers[slot].stop();
        run.renderers[slot] = new Engine(await engineOf(run.kind), KINDS[run.kind].script);
        workers[run.kind][slot] = run.renderers[slot];
        await openClass(run.renderers[slot], rendering);
        packed = new Uint8Array();
        again = source(index);
      }
      // Marked while the renderer goes on with the next one. The coordinator answers in the
      // order it is asked, so the zip's pieces arrive in order.
      const marking = coordinator.call("grade_mark", [index, packed, path, again], { transfer: [packed.buffer, again.buffer] })
        .then((reply) => {
          const [progress, zip] = unpack(reply);
          const marked = JSON.parse(new TextDecoder().decode(progress));
          if (zip.length) zipped.push(new Blob([zip]));
          done += 1;
          bar.value = done;
          const elapsed = (performance.now() - run.started) / 1000;
          const left = Math.round((elapsed / done) * (total - done));
          say("grade_progress", { done, total, student: marked.student, seconds: left });
        });
      // Its failure stops the run below, not as an unhandled rejection now.
      marking.catch(() => {});
      marks.push(marking);
    }
  };
  const marks = [];
  await Promise.all(run.renderers.map((_, slot) => work(slot)));
  await Promise.all(marks);
  const zip = new Blob([...zipped, await coordinator.call("grade_finish", [])], { type: "application/zip" });
  const seconds = ((performance.now() - run.started) / 1000).toFixed(1);
  const partial = done < total;
  if (partial) say("grade_partial", { done, total });
  else say("grade_done", { total, seconds });
  const csv = await coordinator.call("grade_page", ["grades.csv"]);
  const html = await coordinator.call("grade_page", ["index.html"]);
  // The platform's import and feedback zip, as `--lms` writes them beside the overview.
  const platform = settings.lms
    ? await Promise.all([`grades-${settings.lms}.csv`, `feedback-${settings.lms}.zip`]
      .map(async (name) => [name, await coordinator.call("grade_page", [name])]))
    : [];
  const results = {
    when: new Date().toISOString(),
    total: done,
    overview: new TextDecoder().decode(html),
    // Each download: its bytes, its name, its label and the label's values.
    files: [
      [zip, partial ? "grades-partial.zip" : "grades.zip", partial ? "grade_download_partial" : "grade_download", {}],
      [new Blob([csv]), "grades.csv", "grade_download_csv", {}],
      ...platform.map(([name, bytes]) => [new Blob([bytes]), name, "grade_download_file", { file: name }]),
    ],
  };
  show(results);
  if ($("keep").checked) {
    await keep(results);
    $("forget").hidden = false;
  }
}

// A header (4 bytes of its length, then the header) and the bytes after it.
function unpack(packed) {
  const length = new DataView(packed.buffer, packed.byteOffset).getUint32(0, true);
  return [packed.subarray(4, 4 + length), packed.subarray(4 + length)];
}

// The class's results shown: its zip and the zip's files, for the overview's links.
let shown = null;

// The overview's links to a student's feedback (`feedback/<slug>.html`) lead nowhere in its
// frame: followed there, they ask the page, which opens that file of the class's zip in a tab.
const FOLLOW = `<script>document.addEventListener("click", (event) => {
  const link = event.target.closest?.('a[href^="feedback/"]');
  if (!link) return;
  event.preventDefault();
  parent.postMessage({ feedback: link.getAttribute("href") }, "*");
});</script>`;
const TYPES = { html: "text/html;charset=utf-8", pdf: "application/pdf", md: "text/plain;charset=utf-8" };

async function openFeedback(event) {
  if (event.source !== $("overview").contentWindow || !shown) return;
  const name = String(event.data?.feedback ?? "");
  const entry = (await shown.files).get(name);
  if (!entry) return;
  const type = TYPES[name.split(".").pop()] ?? TYPES.md;
  window.open(URL.createObjectURL(await file(shown.zip, entry, type)), "_blank");
}

// A class's results on the page: the overview and the downloads.
function show(results) {
  const zip = results.files[0][0];
  shown = { zip, files: entries(zip).catch(() => new Map()) };
  $("overview").srcdoc = results.overview.replace("</body>", `${FOLLOW}</body>`);
  $("downloads").replaceChildren();
  for (const [bytes, name, label, values] of results.files) offer(bytes, name, label, values);
}

// A download link; the zip comes from its worker as a Blob already (a copy of a class's PDFs here
// would hold up the page).
function offer(bytes, name, label, values = {}) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(bytes instanceof Blob ? bytes : new Blob([bytes]));
  link.download = name;
  link.className = "button";
  link.textContent = t(label, values);
  $("downloads").append(link, " ");
}

// A folder's files by their path below the folder chosen, as the CLI names them below its
// SUBMISSIONS folder; loose files by their name.
function choose(files, fromFolder) {
  const list = [...files].map((file) => {
    const path = fromFolder ? file.webkitRelativePath.split("/").slice(1).join("/") : file.name;
    return [path || file.name, file];
  });
  chosen.folder = fromFolder ? (files[0]?.webkitRelativePath.split("/")[0] ?? "") : "";
  const toml = list.find(([name]) => name.toLowerCase().endsWith(".toml"));
  if (toml) chosen.rubric = toml[1];
  chosen.submissions = list.filter(([name]) => /\.(zip|ya?ml|pdf)$/i.test(name));
  showChosen();
}

function wire() {
  $("ui-language").addEventListener("change", (event) => {
    ui = event.target.value;
    applyLanguage();
  });
  $("model").addEventListener("change", (event) => (chosen.model = event.target.files[0] ?? null));
  $("rubric").addEventListener("change", (event) => (chosen.rubric = event.target.files[0] ?? null));
  $("submissions").addEventListener("change", (event) => choose(event.target.files, false));
  $("folder").addEventListener("change", (event) => choose(event.target.files, true));
  $("choose").addEventListener("submit", (event) => {
    event.preventDefault();
    start();
  });
  $("forget").addEventListener("click", async () => {
    await forget();
    $("forget").hidden = true;
    $("keep").checked = false;
    say("grade_forgotten");
  });
  $("cancel").addEventListener("click", () => {
    if (!run) return;
    // The submissions being rendered are finished; no other is started.
    run.cancelled = true;
  });
  window.addEventListener("message", (event) => openFeedback(event).catch(() => {}));
  document.addEventListener("dragover", (event) => event.preventDefault());
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    choose(event.dataTransfer.files, false);
  });
}

async function main() {
  const response = await fetch("labels.json");
  LABELS = await response.json();
  applyLanguage();
  wire();
  // The last class's results, if the teacher asked to keep them on this computer.
  const stored = await load();
  if (stored) {
    $("keep").checked = true;
    $("forget").hidden = false;
    show(stored);
    say("grade_kept", { when: new Date(stored.when).toLocaleString(ui), total: stored.total });
  }
  // The coordinator and its engine ready before the teacher has chosen the files.
  await pool(1, "light");
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(() => {});
}

main().catch((err) => say("grade_failed", { reason: String(err.message ?? err) }));
