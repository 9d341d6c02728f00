// One worker of the grading page's pool (nakijken.html): casebook's engine (WebAssembly) with the
// class opened in it (web/build-studio bundles it twice: grader.js over the light engine,
// grader-pdf.js over the PDF engine), answering the engine's grading calls.
import init, {
  grade_finish, grade_mark, grade_open, grade_page, grade_read, grade_render, grade_sources,
} from "casebook-web";
import { serve } from "./serve.js";

const calls = {
  grade_finish, grade_mark, grade_open, grade_page, grade_read, grade_render, grade_sources,
};
serve(init, calls, { asBlob: ["grade_finish"] });
