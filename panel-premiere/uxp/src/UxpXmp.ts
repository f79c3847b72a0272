/**
 * The part of `require("uxp").xmp` the Premiere adapter uses, as UXP's XMP reference documents it
 * (XMPMeta, XMPProperty, XMPConst). Declared here because the published UXP typings declare the
 * module in a way that does not compile beside Node's types; the calls and names follow the
 * documentation one to one.
 */
export interface XmpProperty {
  readonly value: unknown;
  readonly options: number;
  readonly locale?: string;
  toString(): string;
}

export interface XmpMeta {
  doesPropertyExist(schemaNS: string, propName: string): boolean;
  getProperty(schemaNS: string, propName: string): XmpProperty | undefined;
  setProperty(schemaNS: string, propName: string, propValue: string | null, setOptions?: number): void;
  deleteProperty(schemaNS: string, propName: string): void;
  countArrayItems(schemaNS: string, arrayName: string): number;
  getArrayItem(schemaNS: string, arrayName: string, itemIndex: number): XmpProperty | undefined;
  appendArrayItem(
    schemaNS: string,
    arrayName: string,
    itemValue: string | null,
    itemOptions?: number,
    arrayOptions?: number,
  ): void;
  getQualifier(schemaNS: string, structName: string, qualNS: string, qualName: string): XmpProperty | undefined;
  getLocalizedText(
    schemaNS: string,
    altTextName: string,
    genericLang: string | null,
    specificLang: string,
  ): string | undefined;
  setLocalizedText(
    schemaNS: string,
    altTextName: string,
    genericLang: string | null,
    specificLang: string,
    itemValue: string,
  ): void;
  serialize(options?: number): string;
}

export interface XmpMetaConstructor {
  new (packet?: string): XmpMeta;
  registerNamespace(namespaceURI: string, suggestedPrefix: string): string;
}

export interface UxpXmpModule {
  readonly XMPMeta: XmpMetaConstructor;
  readonly XMPConst: {
    readonly NS_DC: string;
    readonly NS_XML: string;
    readonly ARRAY_IS_ORDERED: number;
    readonly ARRAY_IS_ALTTEXT: number;
    readonly PROP_IS_ARRAY: number;
  };
}
