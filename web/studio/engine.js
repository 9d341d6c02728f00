// casebook's engine (WebAssembly) in a module Web Worker, so that the page never waits on it: the
// studio runs two, the light engine for the checks and previews while the student types, and the
// PDF engine (built from this file as engine-pdf.js) once a PDF is wanted.
// The page compiles the engine once and sends the module; then each message
// {id, call, args} runs one of the engine's functions and answers {id, value} or {id, error}.
import init, { handout, preview, render, starter } from "casebook-web";

const calls = { handout, preview, render, starter };
let ready;

self.onmessage = async ({ data }) => {
  if (data.module) {
    ready = init({ module_or_path: data.module });
    return;
  }
  const { id, call, args } = data;
  try {
    await ready;
    const start = performance.now();
    const value = calls[call](...args);
    const ms = performance.now() - start;
    // A document's bytes move to the page instead of being copied.
    self.postMessage({ id, value, ms }, value instanceof Uint8Array ? [value.buffer] : []);
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
};
