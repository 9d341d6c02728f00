// The studio page: a CodeMirror editor on the left, casebook's own diagnostics marked at their
// lines as you type, the HTML report beside it, downloads made by the same engine as the CLI
// (casebook's core compiled to WebAssembly, in two Web Workers: the page never waits on the engine,
// and a PDF being made never holds up the preview; the PDF engine, typst and its fonts, is
// loaded only when a PDF is wanted or the page is idle after the first preview). The work is
// kept in the browser's storage; a service worker (sw.js) keeps the studio's own files, so that
// it opens without a network.
// The page's words come from the locale files' [studio] sections (labels.json, written by
// web/build-studio through the engine itself).
import { EditorView, basicSetup } from "codemirror";
import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { Engine, compile } from "./engines.js";
import { caseHelp, placeOf } from "./complete.js";
import { fixActions, fixButton } from "./fixes.js";
import { Cases, caseBar } from "./cases.js";

// A pause this long after a keystroke, and the engine checks and renders the case again.
const DEBOUNCE_MS = 50;
const STORE = "casebook-studio";

const saved = (() => {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? "{}");
  } catch {
    return {};
  }
})();
// The student's cases (an earlier studio's one text becomes the first).
const cases = new Cases(saved);
const state = {
  fileName: cases.active?.name ?? "case.yaml",
  edition: saved.edition === "student" ? "student" : "teacher",
  ui: saved.ui ?? (navigator.language?.startsWith("nl") || !navigator.language ? "nl" : "en"),
};
if (state.ui !== "nl" && state.ui !== "en") state.ui = "nl";

let LABELS = {};
let view;
// The case in the editor: what is typed goes to it.
let shownCase;
let lastDiagnostics = [];
let previewed = false;
// The light engine for the checks, previews and the quick downloads; the PDF engine, made by
// pdfEngine() when first needed.
let checks;
let documents;
// Once the first report is shown, the PDF engine is loaded after this long without a new
// preview (the student reads, the network and the cores are free), if no PDF was asked for.
const PDF_IDLE_MS = 2000;
// The service worker starts this long after the first report shows.
const SERVICE_WORKER_IDLE_MS = 1000;
let idle;
// The starter cases, by language, made by the engine when first needed (starterOf).
const starters = {};
const starting = {};
function starterOf(language) {
  // Dated the day it is made, as `casebook new` does.
  const today = new Date().toISOString().slice(0, 10);
  starting[language] ??= checks.call("starter", [language, today]).then((text) => (starters[language] = text));
  return starting[language];
}
// What the editor knows of the case format, by language (editor.json, from the engine's schema).
let HELP = {};
const help = () => HELP[state.ui];
let bar;

const $ = (id) => document.getElementById(id);
const t = (key, values = {}) =>
  (LABELS[state.ui]?.[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);

function persist() {
  try {
    localStorage.setItem(STORE, JSON.stringify({ edition: state.edition, ui: state.ui }));
  } catch {
    // Storage full or switched off: the work stays in the editor; downloading keeps it.
  }
}

function applyLanguage() {
  document.documentElement.lang = state.ui;
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
  for (const node of document.querySelectorAll("[data-label]")) node.setAttribute("aria-label", t(node.dataset.label));
  for (const node of document.querySelectorAll("[data-title]")) node.title = t(node.dataset.title);
  for (const node of document.querySelectorAll("optgroup[data-group]")) node.label = t(node.dataset.group);
  $("ui-language").value = state.ui;
  view?.contentDOM.setAttribute("aria-label", t("editor"));
  if (offered) offerUpdate(offered);
}

function say(text) {
  $("status").textContent = text;
}

function summary(diagnostics) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const counts = errors || warnings ? t("counts", { errors, warnings }) : t("clean");
  return errors && previewed ? `${counts} ${t("stale")}` : counts;
}

// The status line says "busy" until a download is made; the counts come back with the next check.
let making = false;

function showProblems(diagnostics) {
  const list = $("problems");
  list.replaceChildren();
  for (const d of diagnostics) {
    const item = document.createElement("li");
    item.className = d.severity;
    const text = `${d.severity === "error" ? "✖" : "⚠"} [${d.code}] ${d.message}`;
    if (d.line > 0) {
      // A button, so that the keyboard and a screen reader can jump to the line as well.
      const jump = document.createElement("button");
      jump.type = "button";
      jump.className = "jump";
      jump.textContent = `${t("line")} ${d.line}`;
      jump.addEventListener("click", () => goTo(d.line, d.column));
      item.append(jump, " ", text);
    } else {
      item.append(text);
    }
    const fix = fixButton(d, view, t("fix"), t("fix_line", { line: d.fix?.line, text: d.fix?.text.trim() }));
    if (fix) item.append(fix);
    if (d.hint) {
      const hint = document.createElement("div");
      hint.className = "hint";
      hint.textContent = `${t("hint")}: ${d.hint}`;
      item.append(hint);
    }
    list.append(item);
  }
  if (!making) say(summary(diagnostics));
}

function goTo(lineNumber, column) {
  const line = view.state.doc.line(Math.min(Math.max(lineNumber, 1), view.state.doc.lines));
  const at = Math.min(line.from + Math.max(column - 1, 0), line.to);
  view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
  view.focus();
}

// The styles of the report now in the preview frame.
let previewHead = null;
const stylesOf = (doc) => [...doc.head.querySelectorAll("style, link")].map((e) => e.outerHTML).join("");

function showPreview(html) {
  const frame = $("preview");
  const shown = frame.contentDocument;
  const next = new DOMParser().parseFromString(html, "text/html");
  if (previewHead !== null && shown?.body && stylesOf(next) === previewHead) {
    // Same styles: only the body changes, in place; the reader keeps their place and the
    // frame does not load a page again on every keystroke.
    shown.documentElement.lang = next.documentElement.lang;
    shown.title = next.title;
    shown.body.replaceWith(shown.importNode(next.body, true));
    performance.mark("casebook-preview-shown");
    settled();
    return;
  }
  previewHead = null;
  const scroll = frame.contentWindow?.scrollY ?? 0;
  frame.addEventListener("load", () => {
    frame.contentWindow?.scrollTo(0, scroll);
    previewHead = stylesOf(next);
    performance.mark("casebook-preview-shown");
    settled();
  }, { once: true });
  frame.srcdoc = html;
}

// The first check's outcome is on the page (the report, or the errors that keep it away).
let settled;
const firstSettled = new Promise((done) => (settled = done));

// Checks the case and, when it has no errors, shows its report. A result is shown only while
// the editor still holds the text it was made for: the check that follows shows the newer one.
// Returns the diagnostics. `asked`: the engine's answer for this text, already asked for.
async function runCheck(text, asked) {
  const edition = state.edition;
  const result = JSON.parse(await (asked ?? checks.call("preview", [state.fileName, text, edition])));
  if (text !== view.state.doc.toString() || edition !== state.edition) return result.diagnostics;
  lastDiagnostics = result.diagnostics;
  if (result.html === null) settled();
  if (result.html !== null) {
    showPreview(result.html);
    previewed = true;
    if (!documents) whenIdle();
  }
  showProblems(result.diagnostics);
  view.dispatch(setDiagnostics(view.state, marks(view.state.doc, result.diagnostics)));
  return result.diagnostics;
}

// The diagnostics as the editor marks them at their lines.
function marks(doc, diagnostics) {
  return diagnostics.filter((d) => d.line > 0).map((d) => {
    const line = doc.line(Math.min(d.line, doc.lines));
    const from = Math.min(line.from + Math.max(d.column - 1, 0), line.to);
    return {
      from,
      to: from < line.to ? line.to : from,
      severity: d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "info",
      source: d.code,
      message: d.hint ? `${d.message}\n${t("hint")}: ${d.hint}` : d.message,
      actions: fixActions(d, t("fix")),
    };
  });
}

// One check at a time: changes made while one runs are checked together when it is done.
// `first`: the first check, asked for while the page was being built.
let checking = false;
let again = false;
async function refresh(first) {
  if (checking) {
    again = true;
    return;
  }
  checking = true;
  try {
    let asked = first instanceof Promise ? first : undefined;
    do {
      again = false;
      await runCheck(view.state.doc.toString(), asked);
      asked = undefined;
    } while (again);
  } catch (err) {
    say(t("failed", { reason: String(err.message ?? err) }));
  } finally {
    checking = false;
  }
}

// The PDF engine, loaded (and kept by the service worker) on first use.
function pdfEngine() {
  clearTimeout(idle);
  // Fetched and compiled in its worker (megabytes of WebAssembly), not on the page.
  documents ??= new Engine(Promise.resolve(new URL("casebook_pdf_bg.wasm", document.baseURI).href), "engine-pdf.js");
  return documents;
}

// After a pause with no new preview, in the browser's idle time, the PDF engine loads and warms
// up with the case being edited.
function whenIdle() {
  clearTimeout(idle);
  idle = afterIdle(PDF_IDLE_MS, () => {
    if (!documents) warmUp(view.state.doc.toString());
  });
}

// Runs `run` in the browser's idle time once `ms` have passed; returns the timer.
function afterIdle(ms, run) {
  const later = window.requestIdleCallback ?? ((go) => setTimeout(go, 0));
  return setTimeout(() => later(run), ms);
}

// Once loaded, the PDF engine makes that case's PDF of both editions in the background and
// drops them: typst has then read its fonts and filled its caches, so the student's first PDF
// takes as long as any later one. A download asked for while this runs,
// for the same text and edition, takes the PDF made here; the other edition's is left out when
// a download waits, so that it does not wait longer.
let warming = null;
function warmUp(text) {
  const [first, second] = [state.edition, state.edition === "student" ? "teacher" : "student"];
  const fileName = state.fileName;
  const make = (edition) => pdfEngine().call("render", [fileName, text, edition, "pdf"], { label: "warm-up" }).catch(() => null);
  const made = make(first);
  const alsoMade = made.then(() => (making ? null : make(second)));
  warming = new Map([[`${first}\n${fileName}\n${text}`, made], [`${second}\n${fileName}\n${text}`, alsoMade]]);
  alsoMade.then(() => {
    warming = null;
    performance.mark("casebook-warm");
  });
}

// After a short pause in typing the case is checked and previewed again.
let pending;
const whileTyping = EditorView.updateListener.of((update) => {
  if (!update.docChanged) return;
  // Every change is stored at once: a reload or a closed tab loses nothing.
  if (!cases.update(update.state.doc.toString(), shownCase)) bar.say(t("not_kept"));
  clearTimeout(pending);
  pending = setTimeout(refresh, DEBOUNCE_MS);
});

// The cursor's place in the case, above the editor.
const showPlace = EditorView.updateListener.of((update) => {
  if (update.docChanged || update.selectionSet || update.focusChanged) renderPlace(update.state);
});
function renderPlace(editorState) {
  const steps = placeOf(editorState, help);
  $("place").textContent = steps.length ? steps.join(" › ") : t("place_top");
}

// Puts a case in the editor (its own text: the case keeps its time of last change).
function show(shown) {
  if (!shown) return;
  shownCase = shown;
  state.fileName = shown.name;
  $("file-name").textContent = shown.name;
  if (view.state.doc.toString() !== shown.text) {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: shown.text } });
  }
  refresh();
}

// The hand-out starter is the teacher's: its download is offered in the teacher edition.
function showStarterDownload() {
  document.querySelector("[data-download=starter]").hidden = state.edition !== "teacher";
}

// A new case beside the others; none is replaced.
// `message` names the file the case comes from (`from`).
function addCase(name, text, message = "added", from = name) {
  show(cases.add(name, text));
  bar.render();
  bar.say(t(message, { name: from }));
}

async function openFile(file) {
  if (!file) return;
  const text = await file.text();
  if (text.includes("\u0000")) {
    say(t("not_text", { file: file.name }));
    return;
  }
  // A teacher's hand-out starter starts the student's own case.
  const handout = /\.student\.ya?ml$/i.test(file.name);
  if (handout) addCase(file.name.replace(/\.student(\.ya?ml)$/i, "$1"), text, "from_handout", file.name);
  else addCase(file.name, text);
}

// A PDF takes a moment: meanwhile the downloads say they are busy (aria-busy, the status line),
// and a click meanwhile is ignored.
async function download(kind) {
  if (making) return;
  const downloads = document.querySelector(".downloads");
  making = true;
  downloads.setAttribute("aria-busy", "true");
  if (kind === "pdf") say(t("busy"));
  try {
    await makeDownload(kind);
  } catch (err) {
    say(readable(err));
  } finally {
    making = false;
    downloads.removeAttribute("aria-busy");
  }
}

// The engine fails with its diagnostics as JSON: the student reads their messages.
function readable(err) {
  const text = String(err.message ?? err);
  try {
    const diagnostics = JSON.parse(text);
    if (Array.isArray(diagnostics)) return diagnostics.map((d) => `[${d.code}] ${d.message}`).join(" ");
  } catch {
    // Not the engine's diagnostics: the text itself.
  }
  return text;
}

async function makeDownload(kind) {
  const text = view.state.doc.toString();
  const stem = state.fileName.replace(/\.(ya?ml)$/i, "");
  const suffix = state.edition === "student" ? ".student" : "";
  let blob;
  let name;
  if (kind === "yaml") {
    blob = new Blob([text], { type: "text/yaml" });
    name = state.fileName;
  } else if (kind === "starter") {
    // The hand-out starter of the case, as `casebook build --handout` writes it beside the teacher's report.
    blob = new Blob([await checks.call("handout", [state.fileName, text])], { type: "text/yaml" });
    name = `${stem}.student.yaml`;
  } else {
    const diagnostics = await runCheck(text);
    if (diagnostics.some((d) => d.severity === "error")) {
      say(t("fix_first"));
      return;
    }
    const args = [state.fileName, text, state.edition, kind];
    const bytes = (kind === "pdf" ? await warming?.get(`${state.edition}\n${state.fileName}\n${text}`) : null)
      ?? await (kind === "pdf" ? pdfEngine() : checks).call("render", args, { label: kind });
    const types = {
      md: "text/markdown",
      html: "text/html",
      pdf: "application/pdf",
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };
    blob = new Blob([bytes], { type: types[kind] });
    name = `${stem}${suffix}.${kind}`;
  }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  say(t("done", { file: name }));
}

async function fetchJson(name) {
  const response = await fetch(name);
  if (!response.ok) throw new Error(`${name}: ${response.status}`);
  return response.json();
}

// The bundled example cases, once loaded (after the first preview).
let examples = [];
function listExamples(loaded) {
  examples = loaded;
  const group = $("examples");
  for (const example of examples) {
    const option = document.createElement("option");
    option.value = `example:${example.file}`;
    option.textContent = example.title;
    group.append(option);
  }
}

function wire() {
  $("open-file").addEventListener("change", async (event) => {
    await openFile(event.target.files[0]);
    event.target.value = "";
  });
  document.addEventListener("dragover", (event) => event.preventDefault());
  document.addEventListener("drop", async (event) => {
    event.preventDefault();
    await openFile(event.dataTransfer?.files?.[0]);
  });
  $("start-with").addEventListener("change", async (event) => {
    const [kind, value] = event.target.value.split(":");
    event.target.value = "";
    if (kind === "starter") addCase("case.yaml", await starterOf(value));
    const example = examples.find((e) => e.file === value);
    if (kind === "example" && example) addCase(example.file, example.text);
  });
  $("edition").addEventListener("change", (event) => {
    state.edition = event.target.value;
    persist();
    showStarterDownload();
    refresh();
  });
  $("ui-language").addEventListener("change", (event) => {
    state.ui = event.target.value;
    persist();
    applyLanguage();
    showProblems(lastDiagnostics);
    bar.render();
    renderPlace(view.state);
  });
  for (const button of document.querySelectorAll("[data-download]")) {
    button.addEventListener("click", () => download(button.dataset.download));
  }
}

// On a narrow screen the editor and the preview are two tabs (the tabs are hidden on a wide one,
// where both show): a click or the arrow keys switch them.
function wireTabs() {
  const tabs = [...document.querySelectorAll("[role=tab]")];
  const select = (tab) => {
    for (const other of tabs) {
      other.setAttribute("aria-selected", String(other === tab));
      other.tabIndex = other === tab ? 0 : -1;
    }
    document.querySelector("main").dataset.view = tab.dataset.view;
  };
  for (const tab of tabs) {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
      select(next);
      next.focus();
    });
  }
}

async function main() {
  wireTabs();
  // The light engine loads at once, while the labels do. On a first visit, once the service
  // worker (started after the first preview) serves the page, the engine is asked for again
  // through it, which keeps it: the browser's HTTP cache answers (the server confirms it is
  // current), so it crosses the network once.
  checks = new Engine(compile("casebook_web_bg.wasm"));
  LABELS = await fetchJson("labels.json");
  applyLanguage();
  say(t("loading"));
  $("edition").value = state.edition;
  $("file-name").textContent = state.fileName;
  // Only what the first preview needs comes before it: the student's case, or the starter in the
  // page's language. The examples, the other starter and the editor's help follow it (on a slow
  // network they would hold up the engine's download).
  if (!cases.active) cases.add("case.yaml", await starterOf(state.ui));
  performance.mark("casebook-engine-ready");
  state.fileName = cases.active.name;
  $("file-name").textContent = state.fileName;
  // The engine checks the case while the page builds the editor.
  const first = checks.call("preview", [state.fileName, cases.active.text, state.edition]);
  showStarterDownload();
  shownCase = cases.active;
  view = new EditorView({
    doc: cases.active.text,
    extensions: [
      basicSetup, yaml(), lintGutter(), whileTyping, showPlace, caseHelp(help), EditorView.lineWrapping,
      // tabindex: the scrolling editor is then reachable by keyboard for axe as well.
      EditorView.contentAttributes.of({ "aria-label": t("editor"), tabindex: "0" }),
    ],
    parent: $("editor"),
  });
  bar = caseBar(cases, {
    t, show, language: () => state.ui, empty: () => cases.add("case.yaml", starters[state.ui] ?? ""),
  });
  bar.render();
  renderPlace(view.state);
  wire();
  await refresh(first);
  await firstSettled;
  // The service worker starts once the first report shows and the page is idle, as the PDF
  // engine does: its copying would compete with the engine's download on a slow network.
  afterIdle(SERVICE_WORKER_IDLE_MS, () => keepOffline()
    .then((fresh) => fresh && navigator.serviceWorker.controller && fetch("casebook_web_bg.wasm", { cache: "no-cache" }))
    .catch(() => {}));
  const [examples, editorHelp] = await Promise.all([fetchJson("examples.json"), fetchJson("editor.json"),
    starterOf("nl"), starterOf("en")]);
  HELP = editorHelp;
  renderPlace(view.state);
  listExamples(examples);
}

// The service worker keeps the studio's files (browsers allow one on https and on localhost
// only; elsewhere the studio works online only). On a first visit the page waits a moment for
// it (the engine meanwhile loads) and says true, so that the engine can be kept. When a newer
// studio has been put on the server, the page that is open keeps working and offers to load the
// new one.
async function keepOffline() {
  if (!("serviceWorker" in navigator)) return;
  const before = navigator.serviceWorker.controller;
  const controlled = new Promise((done) => {
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      // The new build has taken over at the student's request: the page loads it.
      if (before) window.location.reload();
      done();
    });
  });
  let registration;
  try {
    registration = await navigator.serviceWorker.register("sw.js");
  } catch {
    return;
  }
  // A browser that refuses service workers without an error (a policy, an automation tool).
  if (!registration) return;
  if (before) {
    if (registration.waiting) offerUpdate(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      worker?.addEventListener("statechange", () => {
        if (worker.state === "installed") offerUpdate(worker);
      });
    });
  } else {
    // Until it serves the page, fails to install (a file missing on the server), or 5 s pass.
    const failed = new Promise((done) => registration.installing?.addEventListener("statechange",
      (event) => event.target.state === "redundant" && done()));
    await Promise.race([controlled, failed, new Promise((done) => setTimeout(done, 5000))]);
    return true;
  }
}

// The new build on offer, if any (the offer follows the page's language).
let offered = null;
function offerUpdate(worker) {
  offered = worker;
  const now = document.createElement("button");
  now.type = "button";
  now.textContent = t("update_now");
  now.addEventListener("click", () => worker.postMessage("take-over"));
  $("update").replaceChildren(t("updated"), " ", now);
}

main().catch((err) => say(t("failed", { reason: String(err.message ?? err) })));
