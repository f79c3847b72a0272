/**
 * The built-ins ExtendScript (ECMAScript 3) can be trusted to have, and nothing more: the JSX
 * sources are type-checked against this instead of TypeScript's libraries, so a call of an ES5+
 * function (Array.prototype.map, String.prototype.trim, JSON, Object.keys, ...) does not compile.
 */
interface Object {
  toString(): string;
  hasOwnProperty(property: string): boolean;
}
interface ObjectConstructor {
  new (): any;
  readonly prototype: Object;
}
declare var Object: ObjectConstructor;

interface Function {
  apply(this: Function, thisArg: any, args?: any): any;
  call(this: Function, thisArg: any, ...args: any[]): any;
  readonly length: number;
}
interface CallableFunction extends Function {}
interface NewableFunction extends Function {}
interface IArguments {
  readonly length: number;
  readonly [index: number]: any;
}
interface Boolean {}
interface Number {
  toString(radix?: number): string;
  toFixed(digits?: number): string;
}
declare var Number: { (value?: any): number };

interface String {
  readonly length: number;
  charAt(index: number): string;
  charCodeAt(index: number): number;
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string, from?: number): number;
  substring(start: number, end?: number): string;
  slice(start: number, end?: number): string;
  split(separator: string | RegExp, limit?: number): string[];
  replace(pattern: string | RegExp, replacement: string): string;
  toLowerCase(): string;
  toUpperCase(): string;
  concat(...parts: string[]): string;
}
interface StringConstructor {
  (value?: any): string;
  fromCharCode(...codes: number[]): string;
}
declare var String: StringConstructor;

interface RegExp {
  test(text: string): boolean;
  exec(text: string): RegExpExecArray | null;
  lastIndex: number;
}
interface RegExpExecArray extends Array<string> {
  index: number;
  input: string;
}

interface Array<T> {
  length: number;
  [index: number]: T;
  push(...items: T[]): number;
  pop(): T | undefined;
  shift(): T | undefined;
  unshift(...items: T[]): number;
  slice(start?: number, end?: number): T[];
  splice(start: number, deleteCount?: number, ...items: T[]): T[];
  concat(...items: (T | T[])[]): T[];
  join(separator?: string): string;
  reverse(): T[];
  sort(compare?: (a: T, b: T) => number): T[];
}
interface ArrayConstructor {
  new <T>(length?: number): T[];
  readonly prototype: any[];
}
declare var Array: ArrayConstructor;

interface Error {
  name: string;
  message: string;
}
declare var Error: { new (message?: string): Error; (message?: string): Error };

declare var Math: {
  floor(x: number): number;
  abs(x: number): number;
  round(x: number): number;
  min(...values: number[]): number;
  max(...values: number[]): number;
};
declare function isNaN(value: number): boolean;
declare function isFinite(value: number): boolean;
declare function parseInt(text: string, radix?: number): number;
declare function parseFloat(text: string): number;
