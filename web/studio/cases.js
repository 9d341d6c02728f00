// The student's cases, kept in the browser's storage: each with its file name, its text and the
// time of its last change. Opening a file or starting from a starter adds a case, it never
// replaces the one being worked on; a case can be renamed, duplicated and deleted, and a
// deletion undone. The bar above the editor lists them. Tabs of the studio share the list: each
// saves its own cases merged with the others', and a deletion is kept as the case's id with its
// time, so that another tab's older copy does not bring the case back.

const KEY = "casebook-studio-cases";
// How long a deletion is remembered: a tab left open longer than this with the case in it could
// bring it back.
const KEEP_DELETIONS_MS = 90 * 24 * 60 * 60 * 1000;

function stored() {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? "null");
    const gone = kept?.gone && typeof kept.gone === "object" ? kept.gone : {};
    return {
      active: kept?.active,
      cases: Array.isArray(kept?.cases) ? kept.cases.filter((c) => typeof c?.text === "string") : [],
      gone: Object.fromEntries(Object.entries(gone).filter(([, at]) => typeof at === "number")),
    };
  } catch {
    return { active: null, cases: [], gone: {} };
  }
}

export class Cases {
  // `old`: what an earlier studio kept ({text, fileName}), taken over as the first case.
  constructor(old) {
    const kept = stored();
    this.list = kept.cases;
    this.activeId = kept.active;
    // The cases deleted, by id: the time of their deletion.
    this.gone = kept.gone;
    if (!this.list.length && typeof old?.text === "string") this.add(old.fileName ?? "case.yaml", old.text);
    this.deleted = null;
  }

  get active() {
    return this.list.find((c) => c.id === this.activeId) ?? this.list[0] ?? null;
  }

  // Another tab of the studio may have saved meanwhile: its new cases, its newer texts and its
  // deletions are taken in. A deletion wins over every copy of the case older than it; a case
  // changed after its deletion (typed in another tab meanwhile) stays, and the deletion is
  // forgotten: typed work is never lost. Returns the cases removed here.
  merge() {
    const kept = stored();
    for (const [id, at] of Object.entries(kept.gone)) if (!(this.gone[id] >= at)) this.gone[id] = at;
    for (const other of kept.cases) {
      const mine = this.list.find((c) => c.id === other.id);
      if (!mine) this.list.push(other);
      else if (other.changed > mine.changed) Object.assign(mine, other);
    }
    const removed = this.list.filter((c) => this.gone[c.id] >= c.changed);
    this.list = this.list.filter((c) => !removed.includes(c));
    const now = Date.now();
    for (const [id, at] of Object.entries(this.gone)) {
      if (now - at > KEEP_DELETIONS_MS || this.list.some((c) => c.id === id)) delete this.gone[id];
    }
    return removed;
  }

  save() {
    this.merge();
    try {
      localStorage.setItem(KEY, JSON.stringify({ active: this.active?.id, cases: this.list, gone: this.gone }));
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

  // The text of `shown`, the case in the editor, changed now (a text that did not change keeps
  // its time); false when the browser would not keep it. Typed into after another tab deleted
  // it, before this tab heard of that, the case is back: it holds the student's work.
  update(text, shown = this.active) {
    if (!shown || shown.text === text) return true;
    if (!this.list.includes(shown)) {
      this.list.unshift(shown);
      this.activeId = shown.id;
    }
    shown.text = text;
    shown.changed = Date.now();
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
    this.gone[current.id] = Date.now();
    this.activeId = this.list[Math.min(index, this.list.length - 1)]?.id;
    this.save();
    return current;
  }

  // The last deleted case back, changed now: newer than its deletion, it comes back in every tab.
  restore() {
    if (!this.deleted) return null;
    const { case: back, index } = this.deleted;
    this.deleted = null;
    // Back already: typed in another tab after its deletion, that copy is the newer.
    if (this.list.some((c) => c.id === back.id)) return this.select(back.id);
    back.changed = Math.max(Date.now(), (this.gone[back.id] ?? 0) + 1);
    delete this.gone[back.id];
    this.list.splice(Math.min(index, this.list.length), 0, back);
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
  // A case added, changed, renamed or deleted in another tab shows here too; the case in the
  // editor, deleted there, gives way to the next one (typed in here after its deletion, it would
  // have stayed).
  window.addEventListener("storage", (event) => {
    if (event.key !== KEY) return;
    const before = cases.active;
    const text = before?.text;
    const gone = cases.merge().find((c) => c.id === before?.id);
    if (gone) {
      if (!cases.list.length) empty();
      cases.select(cases.active?.id);
    }
    if (gone || cases.active?.text !== text) show(cases.active);
    render();
    if (gone) say(t("deleted_elsewhere", { name: gone.name }));
  });
  return { render, say };
}
