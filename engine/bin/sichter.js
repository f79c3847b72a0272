#!/usr/bin/env node
// The engine is written in TypeScript and run through tsx's loader, so a fresh clone needs no build
// step before `npx sichter` works.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
