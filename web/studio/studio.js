// The studio page: a CodeMirror editor on the left, casebook's own diagnostics marked at their
// lines as you type, the HTML report beside it, downloads made by the same engine as the CLI
// (casebook's core compiled to WebAssembly). The work is kept in the browser's storage.
import { EditorView, basicSetup } from "codemirror";
import { yaml } from "@codemirror/lang-yaml";
import { linter, lintGutter, forceLinting } from "@codemirror/lint";
import init, { check, render, starter } from "casebook-web";

const TEXTS = {
  nl: {
    tools: "Werkbalk", open: "Open een case…", start: "Begin met…",
    starter_nl: "Lege case (Nederlands)", starter_en: "Lege case (Engels)",
    edition: "Editie", teacher: "docent (modelantwoord)", student: "student (opdracht)",
    language: "Taal", case: "Case", problems: "Meldingen", preview: "Voorbeeld",
    download: "Download:", preview_frame: "Voorbeeld van het rapport", editor: "Case-editor (YAML)",
    loading: "De engine wordt geladen…", clean: "Geen fouten.",
    counts: (e, w) => `${e} fout(en), ${w} waarschuwing(en).`,
    busy: "Bezig met de PDF…", fix_first: "Los eerst de fouten op; dan kan het rapport gemaakt worden.",
    line: "regel", hint: "tip", example: "Voorbeeld",
    replace: "De huidige tekst vervangen? Download hem eerst als je hem wilt houden.",
  },
  en: {
    tools: "Toolbar", open: "Open a case…", start: "Start with…",
    starter_nl: "Empty case (Dutch)", starter_en: "Empty case (English)",
    edition: "Edition", teacher: "teacher (model answer)", student: "student (assignment)",
    language: "Language", case: "Case", problems: "Messages", preview: "Preview",
    download: "Download:", preview_frame: "Preview of the report", editor: "Case editor (YAML)",
    loading: "Loading the engine…", clean: "No errors.",
    counts: (e, w) => `${e} error(s), ${w} warning(s).`,
    busy: "Making the PDF…", fix_first: "Fix the errors first; then the report can be made.",
    line: "line", hint: "hint", example: "Example",
    replace: "Replace the current text? Download it first if you want to keep it.",
  },
};

const STORE = "casebook-studio";
const saved = JSON.parse(localStorage.getItem(STORE) ?? "{}");
const state = {
  text: saved.text ?? null,
  fileName: saved.fileName ?? "case.yaml",
  edition: saved.edition ?? "teacher",
  ui: saved.ui ?? (navigator.language?.startsWith("en") ? "en" : "nl"),
  lastGood: null,
};

const $ = (id) => document.getElementById(id);
const t = (key) => TEXTS[state.ui][key];

function persist() {
  localStorage.setItem(STORE, JSON.stringify({
    text: state.text, fileName: state.fileName, edition: state.edition, ui: state.ui,
  }));
}

function applyLanguage() {
  document.documentElement.lang = state.ui;
  for (const node of document.querySelectorAll("[data-text]")) {
    node.textContent = t(node.dataset.text);
  }
  $("preview").title = t("preview_frame");
  $("ui-language").value = state.ui;
}

// Diagnostics of the last check, for the list under the editor and the editor's markers.
let lastDiagnostics = [];

function runCheck(text) {
  const result = JSON.parse(check(state.fileName, text));
  lastDiagnostics = result.diagnostics;
  showProblems(result.diagnostics);
  const failed = result.diagnostics.some((d) => d.severity === "error");
  if (!failed) refreshPreview(text);
  return result.diagnostics;
}

function showProblems(diagnostics) {
  const list = $("problems");
  list.replaceChildren();
  for (const d of diagnostics) {
    const item = document.createElement("li");
    item.className = d.severity;
    const where = d.line > 0 ? `${t("line")} ${d.line}: ` : "";
    item.textContent = `${where}${d.severity === "error" ? "✖" : "⚠"} [${d.code}] ${d.message}`;
    if (d.hint) {
      const hint = document.createElement("div");
      hint.className = "hint";
      hint.textContent = `${t("hint")}: ${d.hint}`;
      item.append(hint);
    }
    list.append(item);
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  $("status").textContent = errors || warnings ? t("counts")(errors, warnings) : t("clean");
}

function refreshPreview(text) {
  try {
    const bytes = render(state.fileName, text, state.edition, "html");
    state.lastGood = text;
    $("preview").srcdoc = new TextDecoder().decode(bytes);
  } catch (err) {
    $("status").textContent = String(err.message ?? err);
  }
}

// CodeMirror asks for diagnostics after a pause in typing (debounced by the linter itself).
const casebookLinter = linter((view) => {
  const text = view.state.doc.toString();
  state.text = text;
  persist();
  return runCheck(text).filter((d) => d.line > 0).map((d) => {
    const line = view.state.doc.line(Math.min(d.line, view.state.doc.lines));
    const from = Math.min(line.from + Math.max(d.column - 1, 0), line.to);
    const to = from < line.to ? line.to : from;
    return {
      from, to,
      severity: d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "info",
      source: d.code,
      message: d.hint ? `${d.message}\n${t("hint")}: ${d.hint}` : d.message,
    };
  });
}, { delay: 250 });

let view;

function setText(text, fileName) {
  state.fileName = fileName;
  $("file-name").textContent = fileName;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  forceLinting(view);
}

function confirmReplace() {
  return !state.text || state.text.trim() === "" || window.confirm(t("replace"));
}

function download(kind) {
  const text = view.state.doc.toString();
  const stem = state.fileName.replace(/\.(ya?ml)$/i, "");
  const suffix = state.edition === "student" ? ".student" : "";
  let blob;
  let name;
  if (kind === "yaml") {
    blob = new Blob([text], { type: "text/yaml" });
    name = state.fileName;
  } else {
    if (lastDiagnostics.some((d) => d.severity === "error")) {
      $("status").textContent = t("fix_first");
      return;
    }
    $("status").textContent = kind === "pdf" ? t("busy") : "";
    const bytes = render(state.fileName, text, state.edition, kind);
    const types = { md: "text/markdown", html: "text/html", pdf: "application/pdf" };
    blob = new Blob([bytes], { type: types[kind] });
    name = `${stem}${suffix}.${kind}`;
    $("status").textContent = "";
  }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

async function loadExamples() {
  try {
    const examples = await (await fetch("examples.json")).json();
    const select = $("start-with");
    for (const example of examples) {
      const option = document.createElement("option");
      option.value = `example:${example.file}`;
      option.textContent = example.title;
      select.append(option);
    }
    return examples;
  } catch {
    return [];
  }
}

async function main() {
  applyLanguage();
  $("status").textContent = t("loading");
  $("edition").value = state.edition;
  $("file-name").textContent = state.fileName;
  await init({ module_or_path: "casebook_web_bg.wasm" });
  const examples = await loadExamples();
  view = new EditorView({
    doc: state.text ?? starter(state.ui),
    extensions: [
      basicSetup, yaml(), lintGutter(), casebookLinter,
      EditorView.contentAttributes.of({ "aria-label": t("editor") }),
      EditorView.lineWrapping,
    ],
    parent: $("editor"),
  });
  forceLinting(view);

  $("open-file").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (file && confirmReplace()) setText(await file.text(), file.name);
    event.target.value = "";
  });
  $("editor").addEventListener("dragover", (event) => event.preventDefault());
  $("editor").addEventListener("drop", async (event) => {
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    event.preventDefault();
    if (confirmReplace()) setText(await file.text(), file.name);
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

main();
