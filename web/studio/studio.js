// The studio page: a CodeMirror editor on the left, casebook's own diagnostics marked at their
// lines as you type, the HTML report beside it, downloads made by the same engine as the CLI
// (casebook's core compiled to WebAssembly). The work is kept in the browser's storage.
// The page's words come from the locale files' [studio] sections (labels.json, written by
// web/build-studio through the engine itself).
import { EditorView, basicSetup } from "codemirror";
import { yaml } from "@codemirror/lang-yaml";
import { linter, lintGutter, forceLinting } from "@codemirror/lint";
import init, { preview, render, starter } from "casebook-web";

// A pause this long after a keystroke, and the engine checks and renders the case again.
const DEBOUNCE_MS = 60;
const STORE = "casebook-studio";

const saved = (() => {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? "{}");
  } catch {
    return {};
  }
})();
const state = {
  text: typeof saved.text === "string" ? saved.text : null,
  fileName: saved.fileName ?? "case.yaml",
  edition: saved.edition === "student" ? "student" : "teacher",
  ui: saved.ui ?? (navigator.language?.startsWith("nl") || !navigator.language ? "nl" : "en"),
};
if (state.ui !== "nl" && state.ui !== "en") state.ui = "nl";

let LABELS = {};
let view;
let lastDiagnostics = [];
let previewed = false;

const $ = (id) => document.getElementById(id);
const t = (key, values = {}) =>
  (LABELS[state.ui]?.[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);

function persist() {
  try {
    localStorage.setItem(STORE, JSON.stringify({
      text: state.text, fileName: state.fileName, edition: state.edition, ui: state.ui,
    }));
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
    if (d.hint) {
      const hint = document.createElement("div");
      hint.className = "hint";
      hint.textContent = `${t("hint")}: ${d.hint}`;
      item.append(hint);
    }
    list.append(item);
  }
  say(summary(diagnostics));
}

function goTo(lineNumber, column) {
  const line = view.state.doc.line(Math.min(Math.max(lineNumber, 1), view.state.doc.lines));
  const at = Math.min(line.from + Math.max(column - 1, 0), line.to);
  view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
  view.focus();
}

function showPreview(html) {
  const frame = $("preview");
  // Keep the reader's place in the report while the case changes.
  const scroll = frame.contentWindow?.scrollY ?? 0;
  frame.addEventListener("load", () => frame.contentWindow?.scrollTo(0, scroll), { once: true });
  frame.srcdoc = html;
}

// Checks the case and, when it has no errors, shows its report; the engine's time is measured
// (performance entries "casebook-preview") for the studio's benchmark.
function runCheck(text) {
  const start = performance.now();
  const result = JSON.parse(preview(state.fileName, text, state.edition));
  performance.measure("casebook-preview", { start });
  lastDiagnostics = result.diagnostics;
  if (result.html !== null) {
    showPreview(result.html);
    previewed = true;
  }
  showProblems(result.diagnostics);
  return result.diagnostics;
}

// CodeMirror asks for the diagnostics after a pause in typing; they are marked at their lines.
const casebookLinter = linter((editor) => {
  const doc = editor.state.doc;
  return runCheck(doc.toString()).filter((d) => d.line > 0).map((d) => {
    const line = doc.line(Math.min(d.line, doc.lines));
    const from = Math.min(line.from + Math.max(d.column - 1, 0), line.to);
    return {
      from,
      to: from < line.to ? line.to : from,
      severity: d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "info",
      source: d.code,
      message: d.hint ? `${d.message}\n${t("hint")}: ${d.hint}` : d.message,
    };
  });
}, { delay: DEBOUNCE_MS });

function setText(text, fileName) {
  state.fileName = fileName;
  $("file-name").textContent = fileName;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  forceLinting(view);
}

function confirmReplace() {
  const current = view.state.doc.toString().trim();
  return current === "" || current === starter(state.ui).trim() || window.confirm(t("replace"));
}

async function openFile(file) {
  if (!file || !confirmReplace()) return;
  const text = await file.text();
  if (text.includes("\u0000")) {
    say(t("not_text", { file: file.name }));
    return;
  }
  setText(text, file.name);
}

// Lets the status line paint before the engine holds the page (a PDF takes a moment).
const painted = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));

async function download(kind) {
  const text = view.state.doc.toString();
  const stem = state.fileName.replace(/\.(ya?ml)$/i, "");
  const suffix = state.edition === "student" ? ".student" : "";
  let blob;
  let name;
  if (kind === "yaml") {
    blob = new Blob([text], { type: "text/yaml" });
    name = state.fileName;
  } else {
    runCheck(text);
    if (lastDiagnostics.some((d) => d.severity === "error")) {
      say(t("fix_first"));
      return;
    }
    if (kind === "pdf") {
      say(t("busy"));
      await painted();
    }
    try {
      const start = performance.now();
      const bytes = render(state.fileName, text, state.edition, kind);
      performance.measure(`casebook-${kind}`, { start });
      const types = { md: "text/markdown", html: "text/html", pdf: "application/pdf" };
      blob = new Blob([bytes], { type: types[kind] });
    } catch (err) {
      say(String(err.message ?? err));
      return;
    }
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

function listExamples(examples) {
  const group = $("examples");
  for (const example of examples) {
    const option = document.createElement("option");
    option.value = `example:${example.file}`;
    option.textContent = example.title;
    group.append(option);
  }
}

function wire(examples) {
  $("open-file").addEventListener("change", async (event) => {
    await openFile(event.target.files[0]);
    event.target.value = "";
  });
  document.addEventListener("dragover", (event) => event.preventDefault());
  document.addEventListener("drop", async (event) => {
    event.preventDefault();
    await openFile(event.dataTransfer?.files?.[0]);
  });
  $("start-with").addEventListener("change", (event) => {
    const [kind, value] = event.target.value.split(":");
    event.target.value = "";
    if (!kind || !confirmReplace()) return;
    if (kind === "starter") setText(starter(value), "case.yaml");
    const example = examples.find((e) => e.file === value);
    if (kind === "example" && example) setText(example.text, example.file);
  });
  $("edition").addEventListener("change", (event) => {
    state.edition = event.target.value;
    persist();
    runCheck(view.state.doc.toString());
  });
  $("ui-language").addEventListener("change", (event) => {
    state.ui = event.target.value;
    persist();
    applyLanguage();
    showProblems(lastDiagnostics);
  });
  for (const button of document.querySelectorAll("[data-download]")) {
    button.addEventListener("click", () => download(button.dataset.download));
  }
}

async function main() {
  LABELS = await fetchJson("labels.json");
  applyLanguage();
  say(t("loading"));
  $("edition").value = state.edition;
  $("file-name").textContent = state.fileName;
  await init({ module_or_path: "casebook_web_bg.wasm" });
  performance.mark("casebook-engine-ready");
  const examples = await fetchJson("examples.json");
  listExamples(examples);
  view = new EditorView({
    doc: state.text ?? starter(state.ui),
    extensions: [
      basicSetup, yaml(), lintGutter(), casebookLinter, EditorView.lineWrapping,
      // tabindex: the scrolling editor is then reachable by keyboard for axe as well.
      EditorView.contentAttributes.of({ "aria-label": t("editor"), tabindex: "0" }),
      // Every change is stored at once: a reload or a closed tab loses nothing.
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        state.text = update.state.doc.toString();
        persist();
      }),
    ],
    parent: $("editor"),
  });
  wire(examples);
  forceLinting(view);
}

main().catch((err) => say(t("failed", { reason: String(err.message ?? err) })));
