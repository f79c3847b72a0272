export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly expected: string;
  readonly found: string;
}

/**
 * Finds the first syntax error in text that JSON.parse refused. Node's own messages name a position
 * for some errors and only a snippet for others ("Unexpected token"), so the position is worked out
 * here the same way for every error. Lines and columns count from 1.
 */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  const fail = (expected: string): never => {
    throw new Located(at, expected);
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[at] !== char) fail(`"${word}"`);
      at++;
    }
  };
  const string = () => {
    at++;
    for (;;) {
      const char = text[at];
      if (char === undefined) fail('a closing "');
      if (char === '"') return void at++;
      if (char! < " ") fail("no control characters inside a string (escape them)");
      if (char === "\\") {
        at++;
        const escape = text[at];
        if (escape === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail("four hex digits after \\u");
          at += 5;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) at++;
        else fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
      } else at++;
    }
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
    if (match === null || match[0] === "-") fail("a number");
    at += match![0].length;
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === "{")
      return members("}", () => {
        space();
        if (text[at] !== '"') fail("a property name in double quotes");
        string();
        space();
        if (text[at] !== ":") fail('":" after the property name');
        at++;
        value();
      });
    if (char === "[") return members("]", value);
    if (char === '"') return string();
    if (char === "t") return literal("true");
    if (char === "f") return literal("false");
    if (char === "n") return literal("null");
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) return number();
    fail("a value (object, array, string, number, true, false or null)");
  };
  const members = (close: string, member: () => void) => {
    at++;
    space();
    if (text[at] === close) return void at++;
    for (;;) {
      member();
      space();
      if (text[at] === ",") {
        at++;
        space();
        if (text[at] === close) fail(`another entry after "," (trailing commas are not JSON)`);
        continue;
      }
      if (text[at] === close) return void at++;
      fail(`"," or "${close}"`);
    }
  };

  try {
    value();
    space();
    if (at < text.length) fail("the end of the file");
    return undefined;
  } catch (error) {
    if (!(error instanceof Located)) throw error;
    return position(text, error.offset, error.expected);
  }
}

class Located {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {}
}

function position(text: string, offset: number, expected: string): JsonSyntaxError {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  const char = text[offset];
  const found =
    char === undefined ? "the end of the file" : JSON.stringify(text.slice(offset, offset + 12).split("\n")[0]);
  return { line, column, expected, found };
}
