/** What Resolve reads from a Workflow Integration plugin's manifest.xml. */
export interface PluginManifest {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly filePath: string;
}

/**
 * Reads `<BlackmagicDesign><Plugin><Id/><Name/><Version/><Description/><FilePath/></Plugin></BlackmagicDesign>`.
 * The main process takes its plugin id from here (`Initialize` wants the id Resolve installed it
 * under), so the id lives in one place: manifest/resolve/manifest.xml, copied into the plugin folder.
 */
export function readPluginManifest(xml: string): PluginManifest {
  if (!/<BlackmagicDesign>[\s\S]*<Plugin>[\s\S]*<\/Plugin>[\s\S]*<\/BlackmagicDesign>/.test(xml)) {
    throw new Error("manifest.xml has no <BlackmagicDesign><Plugin> element");
  }
  const field = (name: string): string => {
    const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
    if (!match) throw new Error(`manifest.xml has no <${name}>`);
    return unescape(match[1]!.trim());
  };
  const manifest = {
    id: field("Id"),
    name: field("Name"),
    version: field("Version"),
    description: field("Description"),
    filePath: field("FilePath"),
  };
  if (!/^[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)+$/.test(manifest.id))
    throw new Error(`manifest.xml: "${manifest.id}" is not a reverse-domain plugin id`);
  return manifest;
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
