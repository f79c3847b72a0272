// Entry of the OCR thread: a worker thread has no module loader of its own, so the TypeScript loader
// is registered here before the thread's code is imported.
import { register } from "tsx/esm/api";

register();
await import("./ocrThreadMain.ts");
