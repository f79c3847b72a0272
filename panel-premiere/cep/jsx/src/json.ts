/**
 * JSON for ExtendScript, which has no JSON object it can be trusted with. Every value crossing
 * evalScript goes through here: arguments in, results and errors out.
 */
namespace SichterJson {
  // No trailing commas in JSX sources: ECMAScript 3 refuses them.
  var ESCAPES: { [character: string]: string } = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t"
  };

  /** A JSON string literal; U+2028/2029 escaped too, so the text is also a valid JavaScript literal. */
  export function quote(text: string): string {
    var out = '"';
    for (var i = 0; i < text.length; i++) {
      var character = text.charAt(i);
      var code = text.charCodeAt(i);
      if (ESCAPES.hasOwnProperty(character)) out += ESCAPES[character];
      else if (code < 0x20 || code === 0x2028 || code === 0x2029) out += "\\u" + hex4(code);
      else out += character;
    }
    return out + '"';
  }

  export function stringify(value: unknown): string {
    if (value === null || value === undefined) return "null";
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number") return isFinite(value) ? String(value) : "null";
    if (typeof value === "string") return quote(value);
    if (isArray(value)) {
      var items: string[] = [];
      for (var i = 0; i < value.length; i++) items.push(stringify(value[i]));
      return "[" + items.join(",") + "]";
    }
    if (typeof value === "object") {
      var fields: string[] = [];
      var record = value as { [key: string]: unknown };
      for (var key in record) {
        if (!record.hasOwnProperty(key)) continue;
        var field = record[key];
        if (field === undefined || typeof field === "function") continue;
        fields.push(quote(key) + ":" + stringify(field));
      }
      return "{" + fields.join(",") + "}";
    }
    return "null";
  }

  export function parse(text: string): unknown {
    var reader = { text: text, at: 0 };
    var value = readValue(reader);
    skipSpace(reader);
    if (reader.at !== text.length) fail(reader, "unexpected text after the value");
    return value;
  }

  export function isArray(value: unknown): value is unknown[] {
    return Object.prototype.toString.call(value) === "[object Array]";
  }

  interface Reader {
    text: string;
    at: number;
  }

  var NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+\-]?[0-9]+)?/;
  var UNESCAPES: { [character: string]: string } = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

  function readValue(reader: Reader): unknown {
    skipSpace(reader);
    var character = reader.text.charAt(reader.at);
    if (character === "{") return readObject(reader);
    if (character === "[") return readArray(reader);
    if (character === '"') return readString(reader);
    if (literal(reader, "true")) return true;
    if (literal(reader, "false")) return false;
    if (literal(reader, "null")) return null;
    var match = NUMBER.exec(reader.text.substring(reader.at));
    if (!match) return fail(reader, "a value was expected");
    reader.at += match[0].length;
    return parseFloat(match[0]);
  }

  function readObject(reader: Reader): unknown {
    var result: { [key: string]: unknown } = {};
    reader.at++;
    skipSpace(reader);
    if (reader.text.charAt(reader.at) === "}") {
      reader.at++;
      return result;
    }
    for (;;) {
      skipSpace(reader);
      if (reader.text.charAt(reader.at) !== '"') fail(reader, "a key was expected");
      var key = readString(reader);
      skipSpace(reader);
      expect(reader, ":");
      result[key] = readValue(reader);
      skipSpace(reader);
      if (reader.text.charAt(reader.at) === "}") {
        reader.at++;
        return result;
      }
      expect(reader, ",");
    }
  }

  function readArray(reader: Reader): unknown {
    var result: unknown[] = [];
    reader.at++;
    skipSpace(reader);
    if (reader.text.charAt(reader.at) === "]") {
      reader.at++;
      return result;
    }
    for (;;) {
      result.push(readValue(reader));
      skipSpace(reader);
      if (reader.text.charAt(reader.at) === "]") {
        reader.at++;
        return result;
      }
      expect(reader, ",");
    }
  }

  function readString(reader: Reader): string {
    var out = "";
    reader.at++;
    for (;;) {
      if (reader.at >= reader.text.length) fail(reader, "the string is not closed");
      var character = reader.text.charAt(reader.at++);
      if (character === '"') return out;
      if (character.charCodeAt(0) < 0x20) fail(reader, "a control character in a string");
      if (character !== "\\") {
        out += character;
        continue;
      }
      var escape = reader.text.charAt(reader.at++);
      if (escape === "u") {
        var digits = reader.text.substring(reader.at, reader.at + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(digits)) fail(reader, "a bad \\u escape");
        out += String.fromCharCode(parseInt(digits, 16));
        reader.at += 4;
      } else if (UNESCAPES.hasOwnProperty(escape)) {
        out += UNESCAPES[escape];
      } else {
        fail(reader, "a bad escape");
      }
    }
  }

  function literal(reader: Reader, word: string): boolean {
    if (reader.text.substring(reader.at, reader.at + word.length) !== word) return false;
    reader.at += word.length;
    return true;
  }

  function expect(reader: Reader, character: string): void {
    if (reader.text.charAt(reader.at) !== character) fail(reader, '"' + character + '" was expected');
    reader.at++;
  }

  function skipSpace(reader: Reader): void {
    while (" \t\n\r".indexOf(reader.text.charAt(reader.at)) !== -1 && reader.at < reader.text.length) reader.at++;
  }

  function fail(reader: Reader, what: string): never {
    throw new Error("JSON: " + what + " at " + reader.at);
  }

  function hex4(code: number): string {
    var digits = code.toString(16);
    while (digits.length < 4) digits = "0" + digits;
    return digits;
  }
}
