// Entry of a trusted extension host (the built-in extensions, written in TypeScript): the tsx
// loader first, then the host. Third-party extensions start hostMain.mjs directly, without it.
import { register } from "tsx/esm/api";

register();
await import("./hostMain.mjs");
