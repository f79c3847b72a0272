import { PREMIERE_PLUGIN, engineOrigins } from "./premierePlugin.ts";

/** Where the rendered UXP manifest goes (the root of the UXP package and of the .ccx). */
export const UXP_MANIFEST_FILE = "panel-premiere/uxp/manifest.json";

/**
 * The UXP manifest: version 5 (what Premiere reads), `host` a single object (an array is for
 * development only and a .ccx with one is refused), network access only to the engine's origins.
 */
export function uxpManifest(): Record<string, unknown> {
  const p = PREMIERE_PLUGIN;
  const icons = [
    {
      width: 23,
      height: 23,
      path: "icons/panel-dark.png",
      scale: [1, 2],
      theme: ["darkest", "dark", "medium"],
      species: ["generic"],
    },
    {
      width: 23,
      height: 23,
      path: "icons/panel-light.png",
      scale: [1, 2],
      theme: ["lightest", "light"],
      species: ["generic"],
    },
  ];
  return {
    manifestVersion: 5,
    id: p.uxpId,
    name: p.name,
    version: p.version,
    main: "index.html",
    host: { app: "premierepro", minVersion: p.uxpMinVersion },
    entrypoints: [
      {
        type: "panel",
        id: "sichterPanel",
        label: { default: p.name },
        minimumSize: { width: p.panelSize.minWidth, height: p.panelSize.minHeight },
        preferredDockedSize: { width: p.panelSize.width, height: p.panelSize.height },
        preferredFloatingSize: { width: p.panelSize.width, height: p.panelSize.height },
        icons,
      },
    ],
    icons: [{ width: 48, height: 48, path: "icons/plugin.png", scale: [1, 2], species: ["pluginList"] }],
    requiredPermissions: {
      network: { domains: engineOrigins() },
    },
  };
}

export function renderUxpManifest(): string {
  return `${JSON.stringify(uxpManifest(), null, 2)}\n`;
}
