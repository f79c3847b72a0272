import ts from "typescript";

/**
 * ECMAScript 3's keywords and future reserved words. ES5 allows them as property names (`x.default`)
 * and most future ones as variable names (`var char`); ES3 engines refuse both.
 */
const ES3_RESERVED = new Set(
  (
    "break case catch continue default delete do else finally for function if in instanceof new return switch this " +
    "throw try typeof var void while with null true false " +
    "abstract boolean byte char class const debugger double enum export extends final float goto implements import int " +
    "interface long native package private protected public short static super synchronized throws transient volatile"
  ).split(" "),
);

/**
 * What ES5 syntax allows and an ECMAScript 3 engine does not, found in compiled JSX: reserved words
 * as names (`var char`, `x.default`), trailing commas in object and array literals, getters and
 * setters. Returns one line per finding.
 */
export function es3SyntaxProblems(script: string): string[] {
  const file = ts.createSourceFile("sichter.jsx", script, ts.ScriptTarget.ES5, true, ts.ScriptKind.JS);
  const problems: string[] = [];
  const at = (node: ts.Node) => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    return `${line + 1}:${character + 1}`;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && ES3_RESERVED.has(node.text))
      problems.push(`${at(node)} reserved word "${node.text}" used as a name`);
    if (ts.isObjectLiteralExpression(node) && node.properties.hasTrailingComma)
      problems.push(`${at(node)} trailing comma in an object literal`);
    if (ts.isArrayLiteralExpression(node) && node.elements.hasTrailingComma)
      problems.push(`${at(node)} trailing comma in an array literal`);
    if (ts.isGetAccessor(node) || ts.isSetAccessor(node)) problems.push(`${at(node)} getter or setter`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return problems;
}
