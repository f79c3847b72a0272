import { type XmpValue, XmpDocument } from "./XmpDocument.ts";

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

/**
 * Stand-in for `require("uxp").xmp` in tests (Premiere's XMP toolkit is native code): the XMPMeta
 * calls the Premiere adapter makes, on a real RDF/XML parse and serialisation, so what the adapter
 * writes is checked as XMP, foreign properties included. Path expressions: plain names, and
 * `name[i]` for getQualifier.
 */
export const XMPConst = {
  NS_DC: "http://purl.org/dc/elements/1.1/",
  NS_XMP: "http://ns.adobe.com/xap/1.0/",
  NS_DM: "http://ns.adobe.com/xmp/1.0/DynamicMedia/",
  NS_XML: XML_NAMESPACE,
  PROP_IS_STRUCT: 0x100,
  PROP_IS_ARRAY: 0x200,
  ARRAY_IS_ORDERED: 0x400,
  ARRAY_IS_ALTERNATIVE: 0x800,
  ARRAY_IS_ALTTEXT: 0x1000,
  ARRAY_LAST_ITEM: -1,
  SERIALIZE_OMIT_PACKET_WRAPPER: 0x10,
} as const;

const registered = new Map<string, string>();

/** What getProperty and friends return (`XMPProperty`). */
export class XMPProperty {
  constructor(
    readonly namespace: string,
    readonly path: string,
    readonly value: string | undefined,
    readonly options: number,
    readonly locale: string | undefined,
  ) {}

  toString(): string {
    return this.value ?? "";
  }
}

export class XMPMeta {
  private readonly document: XmpDocument;

  constructor(packet?: string) {
    this.document = XmpDocument.parse(packet ?? "");
    for (const [ns, prefix] of registered) if (!this.document.prefixes.has(ns)) this.document.prefixes.set(ns, prefix);
  }

  static registerNamespace(namespaceURI: string, suggestedPrefix: string): string {
    const taken = [...registered.entries()].find(([ns, prefix]) => prefix === suggestedPrefix && ns !== namespaceURI);
    const prefix =
      registered.get(namespaceURI) ?? (taken ? `${suggestedPrefix}_${registered.size + 1}` : suggestedPrefix);
    registered.set(namespaceURI, prefix);
    return `${prefix}:`;
  }

  doesPropertyExist(schemaNS: string, propName: string): boolean {
    return this.document.find(schemaNS, propName) !== undefined;
  }

  getProperty(schemaNS: string, propName: string): XMPProperty | undefined {
    const property = this.document.find(schemaNS, propName);
    return property ? toProperty(schemaNS, propName, property.value) : undefined;
  }

  setProperty(schemaNS: string, propName: string, propValue: string | null, setOptions = 0): void {
    if (
      setOptions & XMPConst.PROP_IS_ARRAY ||
      setOptions & XMPConst.ARRAY_IS_ORDERED ||
      setOptions & XMPConst.ARRAY_IS_ALTERNATIVE
    ) {
      this.document.set(schemaNS, propName, { kind: "array", form: arrayForm(setOptions), items: [] });
      return;
    }
    const existing = this.document.find(schemaNS, propName);
    if (existing && existing.value.kind !== "simple") throw new Error(`XMP: ${propName} is not a simple property`);
    this.document.set(schemaNS, propName, { kind: "simple", value: propValue ?? "" });
  }

  deleteProperty(schemaNS: string, propName: string): void {
    this.document.delete(schemaNS, propName);
  }

  countArrayItems(schemaNS: string, arrayName: string): number {
    const value = this.document.find(schemaNS, arrayName)?.value;
    if (value === undefined) return 0;
    if (value.kind !== "array") throw new Error(`XMP: ${arrayName} is not an array`);
    return value.items.length;
  }

  getArrayItem(schemaNS: string, arrayName: string, itemIndex: number): XMPProperty | undefined {
    const items = this.array(schemaNS, arrayName, false)?.items ?? [];
    const index = itemIndex === XMPConst.ARRAY_LAST_ITEM ? items.length : itemIndex;
    const item = items[index - 1];
    return item ? toProperty(schemaNS, `${arrayName}[${index}]`, item) : undefined;
  }

  appendArrayItem(
    schemaNS: string,
    arrayName: string,
    itemValue: string | null,
    itemOptions = 0,
    arrayOptions = 0,
  ): void {
    let array = this.array(schemaNS, arrayName, false);
    if (!array) {
      if (arrayOptions === 0) throw new Error(`XMP: ${arrayName} does not exist; arrayOptions must say its form`);
      array = { kind: "array", form: arrayForm(arrayOptions), items: [] };
      this.document.set(schemaNS, arrayName, array);
    }
    array.items.push(
      itemOptions & XMPConst.PROP_IS_ARRAY
        ? { kind: "array", form: arrayForm(itemOptions), items: [] }
        : { kind: "simple", value: itemValue ?? "" },
    );
  }

  deleteArrayItem(schemaNS: string, arrayName: string, itemIndex: number): void {
    const array = this.array(schemaNS, arrayName, true);
    const index = itemIndex === XMPConst.ARRAY_LAST_ITEM ? array.items.length : itemIndex;
    if (index < 1 || index > array.items.length) throw new Error(`XMP: ${arrayName}[${itemIndex}] does not exist`);
    array.items.splice(index - 1, 1);
  }

  getQualifier(schemaNS: string, structName: string, qualNS: string, qualName: string): XMPProperty | undefined {
    const match = /^(.+)\[(\d+)\]$/.exec(structName);
    const value = match
      ? this.array(schemaNS, match[1] ?? "", false)?.items[Number(match[2]) - 1]
      : this.document.find(schemaNS, structName)?.value;
    if (!value || qualNS !== XML_NAMESPACE || qualName !== "lang" || value.lang === undefined) return undefined;
    return new XMPProperty(qualNS, `${structName}/?xml:lang`, value.lang, 0x20, undefined);
  }

  getLocalizedText(
    schemaNS: string,
    altTextName: string,
    genericLang: string | null,
    specificLang: string,
  ): string | undefined {
    const items = this.array(schemaNS, altTextName, false)?.items ?? [];
    const pick =
      items.find((i) => i.lang === specificLang) ??
      (genericLang ? items.find((i) => i.lang?.split("-")[0] === genericLang) : undefined) ??
      items.find((i) => i.lang === "x-default") ??
      items[0];
    return pick?.kind === "simple" ? pick.value : undefined;
  }

  setLocalizedText(
    schemaNS: string,
    altTextName: string,
    _genericLang: string | null,
    specificLang: string,
    itemValue: string,
  ): void {
    let array = this.array(schemaNS, altTextName, false);
    if (!array) {
      array = { kind: "array", form: "Alt", items: [] };
      this.document.set(schemaNS, altTextName, array);
    }
    const existing = array.items.find((i) => i.lang === specificLang);
    if (existing && existing.kind === "simple") existing.value = itemValue;
    else if (specificLang === "x-default")
      array.items.unshift({ kind: "simple", value: itemValue, lang: specificLang });
    else array.items.push({ kind: "simple", value: itemValue, lang: specificLang });
  }

  serialize(options = 0): string {
    return this.document.serialize({ wrapper: (options & XMPConst.SERIALIZE_OMIT_PACKET_WRAPPER) === 0 });
  }

  private array(schemaNS: string, name: string, required: true): Extract<XmpValue, { kind: "array" }>;
  private array(schemaNS: string, name: string, required: false): Extract<XmpValue, { kind: "array" }> | undefined;
  private array(schemaNS: string, name: string, required: boolean): Extract<XmpValue, { kind: "array" }> | undefined {
    const value = this.document.find(schemaNS, name)?.value;
    if (value === undefined) {
      if (required) throw new Error(`XMP: ${name} does not exist`);
      return undefined;
    }
    if (value.kind !== "array") throw new Error(`XMP: ${name} is not an array`);
    return value;
  }
}

function arrayForm(options: number): "Bag" | "Seq" | "Alt" {
  if (options & XMPConst.ARRAY_IS_ALTERNATIVE || options & XMPConst.ARRAY_IS_ALTTEXT) return "Alt";
  if (options & XMPConst.ARRAY_IS_ORDERED) return "Seq";
  return "Bag";
}

function toProperty(ns: string, path: string, value: XmpValue): XMPProperty {
  if (value.kind === "simple") return new XMPProperty(ns, path, value.value, 0, value.lang);
  const options = value.kind === "struct" ? XMPConst.PROP_IS_STRUCT : XMPConst.PROP_IS_ARRAY;
  return new XMPProperty(ns, path, undefined, options, value.lang);
}

/** The module object `require("uxp").xmp` stands for. */
export const xmpToolkitDouble = { XMPMeta, XMPConst };
