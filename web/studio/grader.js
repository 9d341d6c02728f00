// One worker of the grading page's pool (nakijken.html): casebook's engine (WebAssembly) with the
// class opened in it (web/build-studio bundles it twice: grader.js over the light engine,
// grader-pdf.js over the PDF engine). The page sends the compiled module once, then messages {id, call, args}
// naming one of the engine's grading calls; each is answered {id, value} or {id, error}.
import init, {
  grade_finish, grade_mark, grade_open, grade_page, grade_read, grade_render, grade_sources,
} from "casebook-web";

const calls = {
  grade_finish, grade_mark, grade_open, grade_page, grade_read, grade_render, grade_sources,
};
let ready;

self.onmessage = async ({ data }) => {
  if (data.module) {
    ready = init({ module_or_path: data.module });
    return;
  }
  const { id, call, args } = data;
  try {
    await ready;
    const value = calls[call](...args);
    // The class's zip as a Blob: the page links to it without copying it.
    if (call === "grade_finish") return self.postMessage({ id, value: new Blob([value]) });
    self.postMessage({ id, value }, value instanceof Uint8Array ? [value.buffer] : []);
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
};
