import {
  type LedgerEntry,
  SICHTER_KEYWORDS_PROPERTY,
  SICHTER_MARKERS_PROPERTY,
  SICHTER_XMP_NAMESPACE,
  SICHTER_XMP_PREFIX,
  decodeLedgerEntries,
  encodeLedgerEntry,
} from "@sichter/premiere-common";
import type { UxpXmpModule, XmpMeta } from "./UxpXmp.ts";

/** Reads and edits one project item's XMP packet: keywords, description and Sichter's ledger. */
export class ItemXmp {
  readonly meta: XmpMeta;
  private readonly initial: string;

  constructor(
    private readonly xmp: UxpXmpModule,
    packet: string,
  ) {
    xmp.XMPMeta.registerNamespace(SICHTER_XMP_NAMESPACE, SICHTER_XMP_PREFIX);
    this.meta = new xmp.XMPMeta(packet);
    this.initial = this.meta.serialize();
  }

  /** Whether any edit changed the packet (compared as the toolkit serialises it, not as read). */
  get changed(): boolean {
    return this.meta.serialize() !== this.initial;
  }

  strings(ns: string, name: string): string[] {
    const values: string[] = [];
    const count = this.meta.countArrayItems(ns, name);
    for (let index = 1; index <= count; index++) values.push(this.meta.getArrayItem(ns, name, index)?.toString() ?? "");
    return values;
  }

  /** Replaces an unordered array (a Bag) with `values` unless it holds them already; an empty list removes it. */
  setBag(ns: string, name: string, values: readonly string[]): void {
    const current = this.strings(ns, name);
    if (current.length === values.length && current.every((value, index) => value === values[index])) return;
    this.meta.deleteProperty(ns, name);
    for (const value of values) this.meta.appendArrayItem(ns, name, value, 0, this.xmp.XMPConst.PROP_IS_ARRAY);
  }

  get subject(): string[] {
    return this.strings(this.xmp.XMPConst.NS_DC, "subject");
  }

  /** The dc:description entries by language (x-default included). */
  get descriptions(): Record<string, string> {
    const { NS_DC, NS_XML } = this.xmp.XMPConst;
    const entries: Record<string, string> = {};
    const count = this.meta.countArrayItems(NS_DC, "description");
    for (let index = 1; index <= count; index++) {
      const lang = this.meta.getQualifier(NS_DC, `description[${index}]`, NS_XML, "lang")?.toString();
      if (lang) entries[lang] = this.meta.getArrayItem(NS_DC, "description", index)?.toString() ?? "";
    }
    return entries;
  }

  setDescription(language: string, text: string): void {
    this.meta.setLocalizedText(this.xmp.XMPConst.NS_DC, "description", null, language, text);
  }

  get markerLedger(): LedgerEntry[] {
    return decodeLedgerEntries(this.strings(SICHTER_XMP_NAMESPACE, SICHTER_MARKERS_PROPERTY));
  }

  set markerLedger(entries: readonly LedgerEntry[]) {
    this.setBag(SICHTER_XMP_NAMESPACE, SICHTER_MARKERS_PROPERTY, entries.map(encodeLedgerEntry));
  }

  get ownKeywords(): string[] {
    return this.strings(SICHTER_XMP_NAMESPACE, SICHTER_KEYWORDS_PROPERTY);
  }

  set ownKeywords(keywords: readonly string[]) {
    this.setBag(SICHTER_XMP_NAMESPACE, SICHTER_KEYWORDS_PROPERTY, keywords);
  }

  serialize(): string {
    return this.meta.serialize();
  }
}
