// casebook's engine (WebAssembly) in a module Web Worker, so that the page never waits on it: the
// studio runs two, the light engine for the checks and previews while the student types, and the
// PDF engine (built from this file as engine-pdf.js) once a PDF is wanted.
import init, { handout, preview, render, starter } from "casebook-web";
import { serve } from "./serve.js";

serve(init, { handout, preview, render, starter });
