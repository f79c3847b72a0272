import { XML_NAMESPACE, type XmlElement, parseXml } from "./parseXml.ts";

export const RDF_NAMESPACE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
const X_NAMESPACE = "adobe:ns:meta/";

export type ArrayForm = "Bag" | "Seq" | "Alt";

/** An XMP value: text (with its xml:lang), an array of values, or a struct of properties. */
export type XmpValue =
  | { kind: "simple"; value: string; lang?: string; uri?: boolean }
  | { kind: "array"; form: ArrayForm; items: XmpValue[]; lang?: string }
  | { kind: "struct"; fields: XmpProperty[]; lang?: string };

export interface XmpProperty {
  readonly ns: string;
  readonly name: string;
  value: XmpValue;
}

/** Prefixes used for well-known namespaces when a packet did not declare its own. */
const KNOWN_PREFIXES: Readonly<Record<string, string>> = {
  "http://purl.org/dc/elements/1.1/": "dc",
  "http://ns.adobe.com/xap/1.0/": "xmp",
  "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
  "http://ns.adobe.com/xmp/1.0/DynamicMedia/": "xmpDM",
  "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/": "premierePrivateProjectMetaData",
  "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
};

/**
 * The data model of one XMP packet, read from and written to RDF/XML the way the XMP toolkit does:
 * every property of every namespace survives a round trip, whatever the writer knew about it.
 */
export class XmpDocument {
  readonly properties: XmpProperty[] = [];
  readonly prefixes = new Map<string, string>();

  static parse(packet: string): XmpDocument {
    const document = new XmpDocument();
    if (packet.trim() === "") return document;
    const rdf = findRdf(parseXml(packet));
    if (!rdf) throw new Error("XMP: no rdf:RDF element");
    for (const description of rdf.children) {
      if (description.ns !== RDF_NAMESPACE || description.local !== "Description") {
        throw new Error(`XMP: unexpected <${description.prefix}:${description.local}> in rdf:RDF`);
      }
      collectPrefixes(description, document.prefixes);
      for (const field of structFields(description, document.prefixes)) document.merge(field);
    }
    return document;
  }

  find(ns: string, name: string): XmpProperty | undefined {
    return this.properties.find((p) => p.ns === ns && p.name === name);
  }

  set(ns: string, name: string, value: XmpValue): void {
    const existing = this.find(ns, name);
    if (existing) existing.value = value;
    else this.properties.push({ ns, name, value });
  }

  delete(ns: string, name: string): void {
    const index = this.properties.findIndex((p) => p.ns === ns && p.name === name);
    if (index !== -1) this.properties.splice(index, 1);
  }

  prefixFor(ns: string): string {
    let prefix = this.prefixes.get(ns);
    if (prefix === undefined) {
      prefix = KNOWN_PREFIXES[ns] ?? `ns${this.prefixes.size + 1}`;
      this.prefixes.set(ns, prefix);
    }
    return prefix;
  }

  serialize(options: { wrapper?: boolean } = {}): string {
    const used = new Set<string>();
    const body = this.properties.map((p) => propertyXml(this, p, used, "   ")).join("");
    const declarations = [...used]
      .sort()
      .map((ns) => `\n    xmlns:${this.prefixFor(ns)}="${escape(ns)}"`)
      .join("");
    const rdf =
      `<x:xmpmeta xmlns:x="${X_NAMESPACE}">\n <rdf:RDF xmlns:rdf="${RDF_NAMESPACE}">\n` +
      `  <rdf:Description rdf:about=""${declarations}>\n${body}  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n`;
    return options.wrapper === false
      ? rdf
      : `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n${rdf}<?xpacket end="w"?>`;
  }

  /** Several rdf:Description elements may each hold part of a packet; later ones add fields. */
  private merge(property: XmpProperty): void {
    this.set(property.ns, property.name, property.value);
  }
}

function findRdf(element: XmlElement): XmlElement | undefined {
  if (element.ns === RDF_NAMESPACE && element.local === "RDF") return element;
  for (const child of element.children) {
    const found = findRdf(child);
    if (found) return found;
  }
  return undefined;
}

function collectPrefixes(element: XmlElement, prefixes: Map<string, string>): void {
  for (const attribute of element.attributes) {
    if (attribute.ns === XMLNS_NAMESPACE && attribute.local.startsWith("xmlns:")) {
      const ns = attribute.value;
      if (ns !== RDF_NAMESPACE && !prefixes.has(ns)) prefixes.set(ns, attribute.local.slice(6));
    }
  }
  for (const child of element.children) collectPrefixes(child, prefixes);
}

function isPropertyAttribute(attribute: { ns: string; local: string }): boolean {
  return (
    attribute.ns !== "" &&
    attribute.ns !== RDF_NAMESPACE &&
    attribute.ns !== XMLNS_NAMESPACE &&
    attribute.ns !== XML_NAMESPACE
  );
}

/** Fields of a node element (rdf:Description) or a parseType="Resource" property element. */
function structFields(element: XmlElement, prefixes: Map<string, string>): XmpProperty[] {
  const fields: XmpProperty[] = element.attributes
    .filter(isPropertyAttribute)
    .map((a) => ({ ns: a.ns, name: a.local, value: { kind: "simple", value: a.value } }));
  for (const child of element.children) {
    collectPrefixes(child, prefixes);
    fields.push({ ns: child.ns, name: child.local, value: parseValue(child, prefixes) });
  }
  return fields;
}

function parseValue(element: XmlElement, prefixes: Map<string, string>): XmpValue {
  const lang = element.attributes.find((a) => a.ns === XML_NAMESPACE && a.local === "lang")?.value;
  const withLang = <T extends XmpValue>(value: T): T => (lang === undefined ? value : { ...value, lang });
  const resource = element.attributes.find((a) => a.ns === RDF_NAMESPACE && a.local === "resource");
  if (resource) return withLang({ kind: "simple", value: resource.value, uri: true });
  const parseType = element.attributes.find((a) => a.ns === RDF_NAMESPACE && a.local === "parseType");
  if (parseType?.value === "Resource") return withLang({ kind: "struct", fields: structFields(element, prefixes) });
  const [only, ...more] = element.children;
  if (
    only &&
    more.length === 0 &&
    only.ns === RDF_NAMESPACE &&
    (only.local === "Bag" || only.local === "Seq" || only.local === "Alt")
  ) {
    const items = only.children.map((li) => {
      if (li.ns !== RDF_NAMESPACE || li.local !== "li") throw new Error("XMP: an array holds rdf:li items only");
      return parseValue(li, prefixes);
    });
    return withLang({ kind: "array", form: only.local, items });
  }
  if (only && more.length === 0 && only.ns === RDF_NAMESPACE && only.local === "Description") {
    return withLang({ kind: "struct", fields: structFields(only, prefixes) });
  }
  if (element.children.length > 0) throw new Error(`XMP: cannot read <${element.prefix}:${element.local}>`);
  const attributeFields = element.attributes.filter(isPropertyAttribute);
  if (attributeFields.length > 0) return withLang({ kind: "struct", fields: structFields(element, prefixes) });
  return withLang({ kind: "simple", value: element.text });
}

function propertyXml(document: XmpDocument, property: XmpProperty, used: Set<string>, indent: string): string {
  used.add(property.ns);
  const tag = `${document.prefixFor(property.ns)}:${property.name}`;
  return valueXml(document, tag, property.value, used, indent);
}

function valueXml(document: XmpDocument, tag: string, value: XmpValue, used: Set<string>, indent: string): string {
  const lang = value.lang === undefined ? "" : ` xml:lang="${escape(value.lang)}"`;
  switch (value.kind) {
    case "simple":
      return value.uri
        ? `${indent}<${tag}${lang} rdf:resource="${escape(value.value)}"/>\n`
        : `${indent}<${tag}${lang}>${escape(value.value)}</${tag}>\n`;
    case "array": {
      const items = value.items.map((item) => valueXml(document, "rdf:li", item, used, `${indent}  `)).join("");
      return `${indent}<${tag}${lang}>\n${indent} <rdf:${value.form}>\n${items}${indent} </rdf:${value.form}>\n${indent}</${tag}>\n`;
    }
    case "struct": {
      const fields = value.fields.map((field) => propertyXml(document, field, used, `${indent} `)).join("");
      return `${indent}<${tag}${lang} rdf:parseType="Resource">\n${fields}${indent}</${tag}>\n`;
    }
  }
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
