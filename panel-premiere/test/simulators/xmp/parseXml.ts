/** An XML element with namespaces resolved; text is the concatenated character data of the element. */
export interface XmlElement {
  readonly ns: string;
  readonly local: string;
  readonly prefix: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: XmlElement[];
  text: string;
}

export interface XmlAttribute {
  readonly ns: string;
  readonly local: string;
  readonly prefix: string;
  readonly value: string;
}

export const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

/**
 * A small, strict XML parser for XMP packets: elements, attributes, character data, CDATA,
 * entities, comments and processing instructions; namespaces resolved per scope. Malformed input
 * throws, as the XMP toolkit does. No DTDs (XMP has none).
 */
export function parseXml(text: string): XmlElement {
  const reader = new Reader(text);
  const root: XmlElement = { ns: "", local: "#document", prefix: "", attributes: [], children: [], text: "" };
  const stack: { element: XmlElement; scope: Map<string, string>; name: string }[] = [
    { element: root, scope: new Map([["xml", XML_NAMESPACE]]), name: "" },
  ];
  while (!reader.done) {
    if (reader.startsWith("<?")) {
      reader.skipPast("?>");
    } else if (reader.startsWith("<!--")) {
      reader.skipPast("-->");
    } else if (reader.startsWith("<![CDATA[")) {
      reader.advance(9);
      top(stack).element.text += reader.takeUntil("]]>");
    } else if (reader.startsWith("<!")) {
      throw new Error("XML: DTDs are not allowed in XMP");
    } else if (reader.startsWith("</")) {
      reader.advance(2);
      const name = reader.takeName();
      reader.skipSpace();
      reader.expect(">");
      const open = stack.pop();
      if (!open || stack.length === 0 || open.name !== name) throw new Error(`XML: unexpected </${name}>`);
    } else if (reader.startsWith("<")) {
      reader.advance(1);
      openElement(reader, stack);
    } else {
      const raw = reader.takeUntilChar("<");
      const content = decodeEntities(raw);
      if (stack.length === 1) {
        if (content.trim() !== "") throw new Error("XML: text outside the root element");
      } else {
        top(stack).element.text += content;
      }
    }
  }
  if (stack.length !== 1) throw new Error(`XML: <${top(stack).name}> is not closed`);
  const [first, ...rest] = root.children;
  if (!first || rest.length > 0) throw new Error("XML: a document has exactly one root element");
  return first;
}

function openElement(reader: Reader, stack: { element: XmlElement; scope: Map<string, string>; name: string }[]): void {
  const name = reader.takeName();
  const raw: { name: string; value: string }[] = [];
  for (;;) {
    reader.skipSpace();
    if (reader.startsWith("/>") || reader.startsWith(">")) break;
    const attributeName = reader.takeName();
    reader.skipSpace();
    reader.expect("=");
    reader.skipSpace();
    const quote = reader.next();
    if (quote !== '"' && quote !== "'") throw new Error(`XML: attribute ${attributeName} needs a quoted value`);
    raw.push({ name: attributeName, value: decodeEntities(reader.takeUntil(quote)) });
  }
  const selfClosing = reader.startsWith("/>");
  reader.advance(selfClosing ? 2 : 1);

  const scope = new Map(top(stack).scope);
  for (const attribute of raw) {
    if (attribute.name === "xmlns") scope.set("", attribute.value);
    else if (attribute.name.startsWith("xmlns:")) scope.set(attribute.name.slice(6), attribute.value);
  }
  const [prefix, local] = split(name);
  // An unprefixed element without a default namespace is in no namespace.
  const ns = prefix === "" ? (scope.get("") ?? "") : scope.get(prefix);
  if (ns === undefined) throw new Error(`XML: undeclared prefix in <${name}>`);
  const attributes: XmlAttribute[] = raw.map((attribute) => {
    if (attribute.name === "xmlns" || attribute.name.startsWith("xmlns:")) {
      return { ns: XMLNS_NAMESPACE, local: attribute.name, prefix: "xmlns", value: attribute.value };
    }
    const [attributePrefix, attributeLocal] = split(attribute.name);
    // Unprefixed attributes are in no namespace (XML Namespaces 1.0 §6.2).
    const attributeNs = attributePrefix === "" ? "" : scope.get(attributePrefix);
    if (attributeNs === undefined) throw new Error(`XML: undeclared prefix in attribute ${attribute.name}`);
    return { ns: attributeNs, local: attributeLocal, prefix: attributePrefix, value: attribute.value };
  });
  const element: XmlElement = { ns, local, prefix, attributes, children: [], text: "" };
  top(stack).element.children.push(element);
  if (!selfClosing) stack.push({ element, scope, name });
}

function top<T>(stack: readonly T[]): T {
  return stack[stack.length - 1] as T;
}

function split(name: string): [string, string] {
  const colon = name.indexOf(":");
  return colon === -1 ? ["", name] : [name.slice(0, colon), name.slice(colon + 1)];
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, body: string) => {
    if (body.startsWith("#x")) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    const named = NAMED_ENTITIES[body];
    if (named === undefined) throw new Error(`XML: unknown entity ${whole}`);
    return named;
  });
}

class Reader {
  private position = 0;
  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.position >= this.text.length;
  }
  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.position);
  }
  advance(count: number): void {
    this.position += count;
  }
  next(): string {
    return this.text[this.position++] ?? "";
  }
  expect(token: string): void {
    if (!this.startsWith(token)) throw new Error(`XML: expected "${token}" at ${this.position}`);
    this.position += token.length;
  }
  skipSpace(): void {
    while (/\s/.test(this.text[this.position] ?? "")) this.position++;
  }
  skipPast(token: string): void {
    this.takeUntil(token);
  }
  takeUntil(token: string): string {
    const end = this.text.indexOf(token, this.position);
    if (end === -1) throw new Error(`XML: missing "${token}"`);
    const taken = this.text.slice(this.position, end);
    this.position = end + token.length;
    return taken;
  }
  takeUntilChar(char: string): string {
    const end = this.text.indexOf(char, this.position);
    const stop = end === -1 ? this.text.length : end;
    const taken = this.text.slice(this.position, stop);
    this.position = stop;
    return taken;
  }
  takeName(): string {
    const match = /^[A-Za-z_][\w.:-]*/.exec(this.text.slice(this.position, this.position + 256));
    if (!match) throw new Error(`XML: expected a name at ${this.position}`);
    this.position += match[0].length;
    return match[0];
  }
}
