// Where a place in a case's YAML lies in the case: the keys and list items above it, read from
// the indentation as a student writes a case (block style, two spaces a level). A text that does
// not read as YAML still has an outline, so the editor helps while the case is broken.

// One line as the outline reads it: its indentation, whether it starts a list item, and its key.
export function lineShape(text) {
  const indent = text.length - text.trimStart().length;
  const body = text.slice(indent);
  if (body === "" || body.startsWith("#")) return null;
  const dash = body === "-" || body.startsWith("- ");
  const keyAt = indent + (dash ? 2 : 0);
  const match = /^([A-Za-z_][\w-]*)\s*:(\s|$)/.exec(text.slice(keyAt));
  return { indent, dash, keyAt, key: match?.[1] ?? null, value: match ? text.slice(keyAt + match[0].length).trim() : null };
}

// The path to the place at column `at` (0-based) of line `number` (1-based) of `doc` (a
// CodeMirror document): a list of {key} and {item, id} steps, outermost first. A key or list item
// written left of `at` on a line above holds the place. With `ownKey`, the key written on the line
// itself (starting at or before `at`) is the last step.
export function pathAt(doc, number, at, ownKey = true) {
  const here = lineShape(doc.line(number).text);
  const path = [];
  let limit = at;
  if (here) {
    if (ownKey && here.key && here.keyAt <= at) path.push({ key: here.key });
    if (here.dash && here.indent < at) {
      path.unshift(item(doc, number, here));
      limit = here.indent;
    } else {
      limit = Math.min(at, here.keyAt);
    }
  }
  for (let n = number - 1; n >= 1 && limit > 0; n--) {
    const shape = lineShape(doc.line(n).text);
    if (!shape) continue;
    if (shape.key && shape.keyAt < limit) {
      path.unshift({ key: shape.key });
      limit = shape.keyAt;
    }
    if (shape.dash && shape.indent < limit) {
      path.unshift(item(doc, n, shape));
      limit = shape.indent;
    }
  }
  return path;
}

// The list item that starts on line `number`: its place among its siblings and its id, if written.
function item(doc, number, shape) {
  let id = null;
  for (let n = number; n <= doc.lines; n++) {
    const next = lineShape(doc.line(n).text);
    if (!next) continue;
    if (n > number && next.indent <= shape.indent) break;
    if (next.key === "id" && next.keyAt === shape.keyAt) {
      id = next.value.replace(/^["']|["']$/g, "");
      break;
    }
  }
  let index = 1;
  for (let n = number - 1; n >= 1; n--) {
    const before = lineShape(doc.line(n).text);
    if (!before) continue;
    if (before.indent < shape.indent) break;
    if (before.dash && before.indent === shape.indent) index++;
  }
  return { item: index, id };
}

// Every id the case defines (`id: S3`), in order, each once.
export function definedIds(text) {
  const ids = [];
  for (const match of text.matchAll(/^[ \t-]*id:\s*["']?([A-Za-z]+\d+)["']?\s*$/gm)) {
    if (!ids.includes(match[1])) ids.push(match[1]);
  }
  return ids;
}
