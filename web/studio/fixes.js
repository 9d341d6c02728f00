// The engine's fixes as one-click actions: a diagnostic whose hint is one certain edit carries
// the fixed line (`fix` of casebook's diagnostics, the same as `casebook check --format json`
// gives), offered on the editor's mark and beside the message in the list.

// Replaces the diagnostic's line with the fixed one, when the line is still there.
export function applyFix(view, fix) {
  if (!fix || fix.line < 1 || fix.line > view.state.doc.lines) return false;
  const line = view.state.doc.line(fix.line);
  view.dispatch({
    changes: { from: line.from, to: line.to, insert: fix.text },
    selection: { anchor: line.from + fix.text.length },
    scrollIntoView: true,
  });
  return true;
}

// The lint actions of diagnostic `d` (CodeMirror's `actions`), named `label`.
export function fixActions(d, label) {
  return d.fix ? [{ name: label, apply: (view) => applyFix(view, d.fix) }] : [];
}

// A button beside the message in the list that applies the fix; `label` names it for a screen
// reader with the line it writes.
export function fixButton(d, view, label, describe) {
  if (!d.fix) return null;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "fix";
  button.textContent = label;
  button.setAttribute("aria-label", describe);
  button.title = d.fix.text.trim();
  button.addEventListener("click", () => {
    applyFix(view, d.fix);
    view.focus();
  });
  return button;
}
