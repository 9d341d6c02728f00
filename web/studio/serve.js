// The worker's side of an engine call, for every engine worker (engine.js, grader.js): the page
// sends the compiled engine once, then each message {id, call, args} runs one of `calls` and is
// answered {id, value, ms} (the time the engine itself took) or {id, error}.
export function serve(init, calls, { asBlob = [] } = {}) {
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
      // A large result the page only links to (the class's zip) as a Blob, not copied again.
      if (asBlob.includes(call)) return self.postMessage({ id, value: new Blob([value]), ms });
      // A document's bytes move to the page instead of being copied.
      self.postMessage({ id, value, ms }, value instanceof Uint8Array ? [value.buffer] : []);
    } catch (err) {
      self.postMessage({ id, error: String(err?.message ?? err) });
    }
  };
}
