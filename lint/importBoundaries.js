// An ESLint rule that keeps the layers apart, in the way VS Code's own layering rules do: every
// import (static, dynamic, re-export, require) of a file is checked against what the file's layer
// may use. Relative imports are judged by the file they resolve to, package imports by their name.
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** `*` matches within a path segment, `**` across segments; `{own}` is the linted file's own extension folder. */
function toRegExp(glob) {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      source += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") source += "[^/]*";
    else source += c.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

function matchesAny(globs, value, own) {
  return (globs ?? []).some((glob) => toRegExp(glob.replaceAll("{own}", own ?? "\0")).test(value));
}

/** The extension folder a file of `engine/extensions/` belongs to (`shots` for engine/extensions/shots/…). */
function ownExtension(file) {
  const match = /^engine\/extensions\/([^/]+)\//.exec(file);
  return match?.[1];
}

export const importBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "Keeps each layer to the imports its place in the architecture allows (see DESIGN.md)." },
    schema: [
      {
        type: "object",
        properties: {
          layer: { type: "string" },
          allowFiles: { type: "array", items: { type: "string" } },
          forbidFiles: { type: "array", items: { type: "string" } },
          allowPackages: { type: "array", items: { type: "string" } },
          forbidPackages: { type: "array", items: { type: "string" } },
        },
        required: ["layer"],
        additionalProperties: false,
      },
    ],
    messages: {
      file: "{{layer}} may not import {{target}}{{hint}}",
      package: '{{layer}} may not import the package "{{target}}"{{hint}}',
    },
  },
  create(context) {
    const options = context.options[0];
    const file = path.relative(ROOT, context.filename).split(path.sep).join("/");
    const own = ownExtension(file);
    const hint = own ? " (an extension imports only @sichter/engine/extension-api and its own folder)" : "";

    function check(node, specifier) {
      if (typeof specifier !== "string") return;
      if (specifier.startsWith(".")) {
        const target = path
          .relative(ROOT, path.resolve(path.dirname(context.filename), specifier))
          .split(path.sep)
          .join("/");
        const allowed = options.allowFiles ? matchesAny(options.allowFiles, target, own) : true;
        if (!allowed || matchesAny(options.forbidFiles, target, own)) {
          context.report({ node, messageId: "file", data: { layer: options.layer, target, hint } });
        }
        return;
      }
      if (specifier.startsWith("node:")) return;
      if (matchesAny(options.forbidPackages, specifier, own) && !matchesAny(options.allowPackages, specifier, own)) {
        context.report({ node, messageId: "package", data: { layer: options.layer, target: specifier, hint } });
      }
    }

    const sourceOf = (node) => (node.source?.type === "Literal" ? node.source.value : undefined);
    return {
      ImportDeclaration: (node) => check(node.source, sourceOf(node)),
      ExportNamedDeclaration: (node) => node.source && check(node.source, sourceOf(node)),
      ExportAllDeclaration: (node) => check(node.source, sourceOf(node)),
      ImportExpression: (node) => node.source.type === "Literal" && check(node.source, node.source.value),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === "Literal") check(literal, literal.value);
      },
      CallExpression: (node) => {
        if (
          node.callee.type === "Identifier" &&
          node.callee.name === "require" &&
          node.arguments[0]?.type === "Literal"
        )
          check(node.arguments[0], node.arguments[0].value);
      },
    };
  },
};
