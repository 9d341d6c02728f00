// The page's side of an engine worker (engine.js, grader.js): each call is a promise of its
// answer, and the time the engine itself took is kept as a performance entry "casebook-<label>"
// (the benchmark's).
export class Engine {
  // `module`: the compiled engine (or a promise of it, or of its address: the worker then fetches
  // and compiles it itself); `script`: the worker over it (engine.js for the light engine,
  // engine-pdf.js for the PDF engine, grader.js and grader-pdf.js for the grading page's pool).
  constructor(module, script = "engine.js") {
    this.worker = new Worker(new URL(script, import.meta.url), { type: "module" });
    this.waiting = new Map();
    this.next = 0;
    this.worker.onmessage = ({ data }) => {
      const call = this.waiting.get(data.id);
      this.waiting.delete(data.id);
      if (data.error !== undefined) return call.reject(new Error(data.error));
      performance.measure(`casebook-${call.label}`, { start: call.posted, duration: data.ms });
      call.resolve(data.value);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.failed = new Error(event.message || "engine.js");
      for (const call of this.waiting.values()) call.reject(this.failed);
      this.waiting.clear();
    };
    this.started = Promise.resolve(module).then((compiled) => this.worker.postMessage({ module: compiled }));
  }

  // `transfer`: buffers among `args` that move to the worker instead of being copied.
  async call(name, args, { label = name, transfer = [] } = {}) {
    await this.started;
    if (this.failed) throw this.failed;
    return new Promise((resolve, reject) => {
      const id = this.next++;
      this.waiting.set(id, { label, resolve, reject, posted: performance.now() });
      this.worker.postMessage({ id, call: name, args }, transfer);
    });
  }

  // The worker ended; calls still waiting fail.
  stop() {
    this.worker.terminate();
    this.failed = new Error("stopped");
    for (const call of this.waiting.values()) call.reject(this.failed);
    this.waiting.clear();
  }
}

// The engine compiled once; the workers receive the module instead of compiling it again.
// `streaming`: compiled while it downloads (the light engine). The PDF engine's tens of megabytes
// are read whole first and compiled from the bytes, which the browser does away from the page:
// compiled while streaming, each piece that arrives is decoded on the page's own thread (from
// 127.0.0.1, on a busy machine, tasks of up to 230 ms).
export async function compile(url, { streaming = true } = {}) {
  if (streaming) {
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch {
      // A server that does not say application/wasm: compiled from the bytes instead.
    }
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return WebAssembly.compile(await response.arrayBuffer());
}
