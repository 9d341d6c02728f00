// The student's cases, kept in the browser's storage: each with its file name, its text and the
// time of its last change. Opening a file or starting from a starter adds a case, it never
// replaces the one being worked on; a case can be renamed, duplicated and deleted, and a
// deletion undone. The bar above the editor lists them.

const KEY = "casebook-studio-cases";

function stored() {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? "null");
    return { active: kept?.active, cases: Array.isArray(kept?.cases) ? kept.cases.filter((c) => typeof c.text === "string") : [] };
  } catch {
    return { active: null, cases: [] };
  }
}

export class Cases {
  // `old`: what an earlier studio kept ({text, fileName}), taken over as the first case.
  constructor(old) {
    const kept = stored();
    this.list = kept.cases;
    this.activeId = kept.active;
    // The cases deleted here: another tab's copy of the list does not bring them back.
    this.gone = new Set();
    if (!this.list.length && typeof old?.text === "string") this.add(old.fileName ?? "case.yaml", old.text);
    this.deleted = null;
  }

  get active() {
    return this.list.find((c) => c.id === this.activeId) ?? this.list[0] ?? null;
  }

  // Another tab of the studio may have saved meanwhile: its new cases and newer texts are kept.
  merge() {
    for (const other of stored().cases) {
      const mine = this.list.find((c) => c.id === other.id);
      if (!mine && !this.gone.has(other.id)) this.list.push(other);
      else if (mine && other.changed > mine.changed) Object.assign(mine, other);
    }
  }

  save() {
    this.merge();
    try {
      localStorage.setItem(KEY, JSON.stringify({ active: this.active?.id, cases: this.list }));
      return true;
    } catch {
      // Storage full or switched off: the work stays in the editor; downloading keeps it.
      return false;
    }
  }

  add(name, text) {
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const added = { id, name, text, changed: Date.now() };
    this.list.unshift(added);
    this.activeId = id;
    this.save();
    return added;
  }

  select(id) {
    this.activeId = id;
    this.save();
    return this.active;
  }

  // The active case's text, changed now (a text that did not change keeps its time); false when
  // the browser would not keep it.
  update(text) {
    const current = this.active;
    if (!current || current.text === text) return true;
    current.text = text;
    current.changed = Date.now();
    return this.save();
  }

  rename(name) {
    const current = this.active;
    if (!current || !name.trim()) return;
    let clean = name.trim().replace(/[\\/:*?"<>|]/g, "-");
    if (!/\.ya?ml$/i.test(clean)) clean += ".yaml";
    current.name = clean;
    current.changed = Date.now();
    this.save();
  }

  duplicate(copyWord) {
    const current = this.active;
    if (!current) return null;
    const name = current.name.replace(/(\.ya?ml)?$/i, (ext) => `-${copyWord}${ext || ".yaml"}`);
    return this.add(name, current.text);
  }

  // Deletes the active case; the one after it becomes active. Kept for `restore` until the next
  // deletion.
  remove() {
    const current = this.active;
    if (!current) return null;
    const index = this.list.indexOf(current);
    this.list.splice(index, 1);
    this.deleted = { case: current, index };
    this.gone.add(current.id);
    this.activeId = this.list[Math.min(index, this.list.length - 1)]?.id;
    this.save();
    return current;
  }

  restore() {
    if (!this.deleted) return null;
    const { case: back, index } = this.deleted;
    this.gone.delete(back.id);
    this.list.splice(Math.min(index, this.list.length), 0, back);
    this.deleted = null;
    this.activeId = back.id;
    this.save();
    return back;
  }
}

// The bar of cases: a list to switch, the name to edit, duplicate, delete, and the undo after a
// deletion. `t` gives the page's words; `show(case)` puts a case in the editor; `empty()` makes a
// case when the last one is deleted.
export function caseBar(cases, { t, show, empty, language }) {
  const $ = (id) => document.getElementById(id);
  const list = $("cases");
  const name = $("case-name");
  const note = $("cases-note");
  const when = (time) => new Date(time).toLocaleString(language(), { dateStyle: "medium", timeStyle: "short" });
  const render = () => {
    list.replaceChildren(...cases.list.map((c) => {
      const option = document.createElement("option");
      option.value = c.id;
      option.textContent = `${c.name} — ${t("changed", { when: when(c.changed) })}`;
      return option;
    }));
    list.value = cases.active?.id ?? "";
    name.value = cases.active?.name ?? "";
  };
  const say = (text, undo) => {
    note.replaceChildren(text);
    if (undo) {
      const button = document.createElement("button");
      button.type = "button";
      button.id = "case-undo";
      button.textContent = t("undo");
      button.addEventListener("click", () => {
        const back = cases.restore();
        if (!back) return;
        show(back);
        render();
        note.replaceChildren(t("restored", { name: back.name }));
      });
      note.append(" ", button);
    }
  };
  list.addEventListener("change", () => {
    show(cases.select(list.value));
    render();
  });
  name.addEventListener("change", () => {
    cases.rename(name.value);
    show(cases.active);
    render();
  });
  $("case-duplicate").addEventListener("click", () => {
    const copy = cases.duplicate(t("copy_of"));
    if (!copy) return;
    show(copy);
    render();
    say(t("added", { name: copy.name }));
  });
  $("case-delete").addEventListener("click", () => {
    const gone = cases.remove();
    if (!gone) return;
    if (!cases.list.length) empty();
    show(cases.active);
    render();
    say(t("deleted", { name: gone.name }), true);
  });
  // A case added or renamed in another tab shows here too.
  window.addEventListener("storage", (event) => {
    if (event.key !== KEY) return;
    cases.merge();
    render();
  });
  return { render, say };
}
