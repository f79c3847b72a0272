// The extension host: runs one extension in a process of its own. Third-party extensions run it
// under Node's permission model (their folder readable, their storage writable, nothing else), so a
// broken or hostile extension can neither crash the engine nor read its token or another
// extension's data. Plain JavaScript on purpose: a TypeScript loader would need to spawn a
// compiler process, which the permission model rightly forbids. Messages: see hostProtocol.ts.
import { AsyncLocalStorage } from "node:async_hooks";
import { pathToFileURL } from "node:url";

const analyzers = new Map();
const commands = new Map();
const tagWriters = new Map();
const keywordProviders = new Map();
const cancels = new Map();
const pending = new Map();
let nextRequest = 1;
// The engine's call (a command, an analysis) the running code serves: requests an extension makes
// through the API (`api.catalog`) are answered for that call, and only while it runs.
const currentCall = new AsyncLocalStorage();
let extensionModule;
let context;

function send(message) {
  process.send?.(message);
}

function toHostError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  return {
    message: error.message,
    ...(typeof error.code === "string" && { code: error.code }),
    // A provider passing on the engine's own SichterError (a refused request) keeps its parameters.
    ...(error.params && typeof error.params === "object" && { params: { ...error.params } }),
  };
}

function reply(id, run) {
  Promise.resolve()
    .then(run)
    .then(
      (value) => send({ type: "reply", id, ok: true, value }),
      (error) => send({ type: "reply", id, ok: false, error: toHostError(error) }),
    );
}

// `call` names the engine's call this request serves: with several jobs at once, two analyses of
// different clips can be running in this process, and each must get its own clip's frames.
function request(call, method, params) {
  const id = nextRequest++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    send({ type: "request", id, call, method, params });
  });
}

async function activate(launch) {
  const log = (level) => (message) => send({ type: "log", level, message: String(message) });
  context = {
    id: launch.id,
    storagePath: launch.storage,
    subscriptions: [],
    configuration: Object.freeze({ ...launch.configuration }),
    log: Object.freeze({ info: log("info"), warn: log("warn"), error: log("error") }),
  };
  // Only with the manifest's "onnxRuntime" permission (the engine then passes this flag and allows
  // addons): the runtime is resolved from the host's own location, not the extension's folder.
  const onnx = process.argv.includes("--sichter-onnx-runtime")
    ? await import("onnxruntime-node").then((m) => m.default ?? m)
    : undefined;
  const api = Object.freeze({
    analyzers: Object.freeze({
      register(id, analyzer) {
        if (typeof analyzer?.analyze !== "function") throw new Error(`analyzer ${id} has no analyze() function`);
        analyzers.set(id, analyzer);
        return { dispose: () => void analyzers.delete(id) };
      },
    }),
    // The shot and keyframe steps are analyzer contributions ("produces": "shots" / "keyframes")
    // with inputs and results of their own; the engine runs them through the same message.
    shotDetectors: Object.freeze({
      register(id, detector) {
        if (typeof detector?.detect !== "function") throw new Error(`shot detector ${id} has no detect() function`);
        analyzers.set(id, { analyze: (input, progress, token) => detector.detect(input, progress, token) });
        return { dispose: () => void analyzers.delete(id) };
      },
    }),
    keyframeSelectors: Object.freeze({
      register(id, selector) {
        if (typeof selector?.select !== "function") throw new Error(`keyframe selector ${id} has no select() function`);
        analyzers.set(id, { analyze: (input, progress, token) => selector.select(input, progress, token) });
        return { dispose: () => void analyzers.delete(id) };
      },
    }),
    tagWriters: Object.freeze({
      register(id, writer) {
        if (typeof writer?.write !== "function") throw new Error(`tag writer ${id} has no write() function`);
        tagWriters.set(id, writer);
        return { dispose: () => void tagWriters.delete(id) };
      },
    }),
    keywordProviders: Object.freeze({
      register(id, provider) {
        if (typeof provider?.provideKeywords !== "function")
          throw new Error(`keyword provider ${id} has no provideKeywords() function`);
        keywordProviders.set(id, provider);
        return { dispose: () => void keywordProviders.delete(id) };
      },
    }),
    commands: Object.freeze({
      register(id, handler) {
        if (typeof handler !== "function") throw new Error(`command ${id} needs a handler function`);
        commands.set(id, handler);
        return { dispose: () => void commands.delete(id) };
      },
    }),
    ...(onnx !== undefined && { onnx }),
    // Only with the manifest's "catalog" permission: read access through the engine, never the file.
    ...(process.argv.includes("--sichter-catalog") && {
      catalog: Object.freeze({
        plan(clip, language) {
          const call = currentCall.getStore();
          if (call === undefined)
            return Promise.reject(new Error("api.catalog answers only while a command of this extension runs"));
          return request(call, "catalog.plan", { clip, language });
        },
      }),
    }),
  });
  extensionModule = await import(pathToFileURL(launch.main).href);
  const activateFn = extensionModule.activate ?? extensionModule.default?.activate;
  if (typeof activateFn !== "function") throw new Error(`${launch.main} exports no activate() function`);
  await activateFn(context, api);
  return {
    analyzers: [...analyzers.keys()],
    commands: [...commands.keys()],
    tagWriters: [...tagWriters.keys()],
    keywordProviders: [...keywordProviders.keys()],
  };
}

async function write(id, contribution, input, token) {
  const writer = tagWriters.get(contribution);
  if (!writer)
    throw new Error(
      `the extension registered no tag writer "${contribution}" (does activate() call api.tagWriters.register?)`,
    );
  // `analysis` (the whole tag set) only reaches the built-ins; a third party gets plan and clip.
  const clip = { ...input.clip, request: input.request, ...(input.analysis && { analysis: input.analysis }) };
  return (await writer.write(input.plan, clip, token)) ?? null;
}

async function provideKeywords(id, contribution, input, token) {
  const provider = keywordProviders.get(contribution);
  if (!provider)
    throw new Error(
      `the extension registered no keyword provider "${contribution}" (does activate() call api.keywordProviders.register?)`,
    );
  const requestContext = Object.freeze({
    languages: input.languages,
    configuration: context.configuration,
    // The extension builds the request; the engine decides whether it leaves the machine.
    send: (outbound) => request(id, "privacy.send", { request: outbound }),
  });
  return await provider.provideKeywords(input.images, requestContext, token);
}

function cancellationToken(id) {
  const listeners = new Set();
  let cancelled = false;
  cancels.set(id, () => {
    cancelled = true;
    for (const listener of listeners) listener();
  });
  return {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested(listener) {
      listeners.add(listener);
      return { dispose: () => void listeners.delete(listener) };
    },
  };
}

async function runCommand(id, command, args) {
  const handler = commands.get(command);
  if (!handler)
    throw new Error(`the extension registered no command "${command}" (does activate() call api.commands.register?)`);
  return (await currentCall.run(id, () => handler(...(args ?? [])))) ?? null;
}

async function analyze(id, contribution, input, token) {
  const analyzer = analyzers.get(contribution);
  if (!analyzer)
    throw new Error(
      `the extension registered no analyzer "${contribution}" (does activate() call api.analyzers.register?)`,
    );
  const frames = { rgb: (frame, width, count = 1) => request(id, "frames.rgb", { frame, width, count }) };
  const progress = {
    report: ({ stage, fraction }) => send({ type: "progress", id, stage: stage ?? contribution, fraction }),
  };
  return await analyzer.analyze({ ...input, frames }, progress, token);
}

async function deactivate() {
  try {
    await (extensionModule?.deactivate ?? extensionModule?.default?.deactivate)?.();
  } finally {
    for (const disposable of context?.subscriptions.splice(0) ?? []) {
      try {
        disposable.dispose();
      } catch {
        // One failing disposable must not keep the others alive.
      }
    }
  }
}

process.on("message", (message) => {
  switch (message.type) {
    case "activate":
      return reply(message.id, () => activate(message.extension));
    case "call": {
      // The token exists before the call runs (a tick later): a cancel sent right after the call,
      // as a Ctrl-C during start-up does, must not arrive before there is anything to cancel.
      const token = message.method === "command" ? undefined : cancellationToken(message.id);
      return reply(message.id, () =>
        (message.method === "command"
          ? runCommand(message.id, message.contribution, message.input)
          : message.method === "write"
            ? write(message.id, message.contribution, message.input, token)
            : message.method === "provideKeywords"
              ? provideKeywords(message.id, message.contribution, message.input, token)
              : analyze(message.id, message.contribution, message.input, token)
        ).finally(() => cancels.delete(message.id)),
      );
    }
    case "cancel":
      return cancels.get(message.id)?.();
    case "reply": {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else
        waiting?.reject(
          Object.assign(new Error(message.error.message), { code: message.error.code, params: message.error.params }),
        );
      return;
    }
    case "deactivate":
      return reply(message.id, async () => {
        await deactivate();
        setImmediate(() => process.exit(0));
      });
  }
});

// A stray rejection ends the host, which the engine reports; it must not linger half-working.
process.on("unhandledRejection", (reason) => {
  send({
    type: "log",
    level: "error",
    message: `unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`,
  });
  process.exit(70);
});
// The engine went away: nothing is left to serve.
process.on("disconnect", () => process.exit(0));
