/**
 * The one entry point the panel's evalScript code calls: `Sichter.call(method, argumentsJson)`.
 * Arguments arrive as JSON text, the answer leaves as JSON text: {"ok":true,"value":...} or
 * {"ok":false,"error":{"code":"SICHTER_E_...","message":"..."}}; nothing else crosses the bridge.
 */
namespace Sichter {
  export type Method = (args: any) => unknown;

  var methods: { [name: string]: Method } = {};

  export function register(name: string, method: Method): void {
    methods[name] = method;
  }

  /** An error with a stable code for the panel to show in its language. */
  export function failure(code: string, message: string): Error {
    var error = new Error(message);
    (error as Error & { code?: string }).code = code;
    return error;
  }

  export function call(name: string, argumentsJson: string): string {
    try {
      if (!methods.hasOwnProperty(name)) throw failure("SICHTER_E_METHOD_NOT_FOUND", "no ExtendScript method " + name);
      var value = methods[name](SichterJson.parse(argumentsJson));
      return SichterJson.stringify({ ok: true, value: value === undefined ? null : value });
    } catch (error) {
      var known = error as { code?: unknown; message?: unknown };
      var code = typeof known.code === "string" ? known.code : "SICHTER_E_INTERNAL";
      var message = typeof known.message === "string" ? known.message : String(error);
      return SichterJson.stringify({ ok: false, error: { code: code, message: message } });
    }
  }
}
