// The editor's knowledge of the case format, all from the engine's JSON Schema (the one
// `casebook schema` writes, described in the studio's language) and its labels: completion of the
// keys allowed where the cursor is, of the allowed values (disciplines, stances) and of the ids
// a case defines in `links`; a key's description when the pointer rests on it; and the
// cursor's place in the case, as the reports name its parts ("Grond B › Sterktes › S3").
import { autocompletion } from "@codemirror/autocomplete";
import { hoverTooltip } from "@codemirror/view";
import { definedIds, lineShape, pathAt } from "./outline.js";

// The schema node that `node` stands for: its `$ref` followed.
function resolved(schema, node) {
  let seen = 0;
  while (node?.$ref && seen++ < 20) node = schema.$defs?.[node.$ref.split("/").pop()];
  return node;
}

// The object schemas `node` may be (a key's `anyOf` of a type and null, say).
function branches(schema, node) {
  node = resolved(schema, node);
  if (!node) return [];
  const alternatives = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
  return [node, ...alternatives.flatMap((branch) => branches(schema, branch))];
}

// The keys allowed in the object `node`, with their schemas.
function properties(schema, node) {
  return Object.assign({}, ...branches(schema, node).map((b) => b.properties ?? {}));
}

// The schema at `path` (steps of outline.pathAt), or null where the case format has nothing.
export function schemaAt(schema, path) {
  let node = schema;
  for (const step of path) {
    if (step.key !== undefined) {
      node = properties(schema, node)[step.key];
    } else {
      node = branches(schema, node).find((b) => b.items)?.items;
    }
    if (!node) return null;
  }
  return node;
}

// The values allowed for `node` (an enum, possibly in one of its branches).
function values(schema, node) {
  return branches(schema, node).flatMap((b) => b.enum ?? []).filter((v) => typeof v === "string");
}

// The description of `node`: its own (a key's) or its type's.
function description(schema, node) {
  return node?.description ?? resolved(schema, node)?.description ?? "";
}

// The keys already written beside line `number`, whose keys start at `keyAt`.
function siblings(doc, number, keyAt) {
  const found = new Set();
  const look = (n, step) => {
    for (; n >= 1 && n <= doc.lines; n += step) {
      const shape = lineShape(doc.line(n).text);
      if (!shape) continue;
      if (shape.keyAt === keyAt && shape.key) found.add(shape.key);
      // The line that opens the list item or the section ends the search upwards.
      if (shape.keyAt < keyAt || (shape.dash && shape.keyAt === keyAt && step < 0)) break;
      if (shape.dash && shape.keyAt === keyAt && step > 0) break;
    }
  };
  look(number - 1, -1);
  look(number + 1, 1);
  return found;
}

// Where a YAML value needs quotes to stay the text it is (`-`, `+`, `++`, `0`).
const quoted = (value) => (/^[A-Za-z_]\w*$/.test(value) ? value : `"${value}"`);

// The completion source: `help()` gives the current {schema, places}.
function source(help) {
  return (context) => {
    const { schema } = help() ?? {};
    if (!schema) return null;
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const doc = context.state.doc;
    // An id in `links: [DL1, S…` or under `links:` as a list.
    const inFlow = /\blinks:\s*\[(?:[^\]]*,)?\s*([\w]*)$/.exec(before);
    const linksPath = pathAt(doc, line.number, before.length, false);
    const inList = /^\s*-\s+([\w]*)$/.exec(before) && linksPath.at(-2)?.key === "links";
    if (inFlow || inList) {
      const word = (inFlow ?? /([\w]*)$/.exec(before))[1];
      const ids = definedIds(doc.toString());
      return { from: context.pos - word.length, options: ids.map((id) => ({ label: id, type: "constant" })), validFor: /^\w*$/ };
    }
    // A value after `key: `.
    const value = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):\s+(["']?[\w+-]*)$/.exec(before);
    if (value) {
      const path = pathAt(doc, line.number, value[1].length, false);
      const node = schemaAt(schema, [...path, { key: value[2] }]);
      const allowed = values(schema, node);
      if (!allowed.length) return null;
      return {
        from: context.pos - value[3].length,
        options: allowed.map((v) => ({ label: quoted(v), type: "enum" })),
        filter: true,
      };
    }
    // A key being typed at the start of its line (or after `- `).
    const key = /^(\s*(?:-\s+)?)([\w-]*)$/.exec(before);
    if (!key || (!key[2] && !context.explicit && !/-\s+$/.test(key[1]))) return null;
    const keyAt = key[1].length;
    const path = pathAt(doc, line.number, keyAt, false);
    const node = schemaAt(schema, path);
    if (!node) return null;
    const written = siblings(doc, line.number, keyAt);
    const options = Object.entries(properties(schema, node))
      .filter(([name]) => !written.has(name))
      .map(([name, child]) => ({ label: name, type: "property", info: description(schema, child), apply: `${name}: ` }));
    return options.length ? { from: context.pos - key[2].length, options, validFor: /^[\w-]*$/ } : null;
  };
}

// The description of the key under the pointer, in the studio's language.
function hover(help) {
  return hoverTooltip((view, pos) => {
    const { schema } = help() ?? {};
    if (!schema) return null;
    const line = view.state.doc.lineAt(pos);
    const shape = lineShape(line.text);
    if (!shape?.key) return null;
    const from = line.from + shape.keyAt;
    const to = from + shape.key.length;
    if (pos < from || pos > to) return null;
    const node = schemaAt(schema, pathAt(view.state.doc, line.number, shape.keyAt));
    const text = description(schema, node);
    if (!text) return null;
    return {
      pos: from,
      end: to,
      above: true,
      create() {
        const dom = document.createElement("div");
        dom.className = "cm-key-help";
        dom.textContent = text;
        return { dom };
      },
    };
  });
}

// The editor's extensions: completion and hover.
export function caseHelp(help) {
  return [autocompletion({ override: [source(help)] }), hover(help)];
}

// The cursor's place as the reports name the parts: "Grond B › Sterktes › S3".
export function placeOf(state, help) {
  const { places = {} } = help() ?? {};
  const head = state.selection.main.head;
  const line = state.doc.lineAt(head);
  // On a written line its own key counts wherever the cursor is; on an empty one, its column.
  const at = lineShape(line.text) ? line.length : head - line.from;
  const path = pathAt(state.doc, line.number, at);
  // On an item's `id:` line the item itself is the place.
  if (path.at(-1)?.key === "id" && path.at(-2)?.item) path.pop();
  return path.map((step) => (step.key !== undefined ? places[step.key] ?? step.key : step.id ?? `#${step.item}`));
}
