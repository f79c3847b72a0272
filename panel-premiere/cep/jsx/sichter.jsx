// Sichter's ExtendScript for Premiere Pro 25.0-25.5, generated from panel-premiere/cep/jsx/src: do not edit.
"use strict";
/**
 * JSON for ExtendScript, which has no JSON object it can be trusted with. Every value crossing
 * evalScript goes through here: arguments in, results and errors out.
 */
var SichterJson;
(function (SichterJson) {
    // No trailing commas in JSX sources: ECMAScript 3 refuses them.
    var ESCAPES = {
        '"': '\\"',
        "\\": "\\\\",
        "\b": "\\b",
        "\f": "\\f",
        "\n": "\\n",
        "\r": "\\r",
        "\t": "\\t"
    };
    /** A JSON string literal; U+2028/2029 escaped too, so the text is also a valid JavaScript literal. */
    function quote(text) {
        var out = '"';
        for (var i = 0; i < text.length; i++) {
            var character = text.charAt(i);
            var code = text.charCodeAt(i);
            if (ESCAPES.hasOwnProperty(character))
                out += ESCAPES[character];
            else if (code < 0x20 || code === 0x2028 || code === 0x2029)
                out += "\\u" + hex4(code);
            else
                out += character;
        }
        return out + '"';
    }
    SichterJson.quote = quote;
    function stringify(value) {
        if (value === null || value === undefined)
            return "null";
        if (typeof value === "boolean")
            return value ? "true" : "false";
        if (typeof value === "number")
            return isFinite(value) ? String(value) : "null";
        if (typeof value === "string")
            return quote(value);
        if (isArray(value)) {
            var items = [];
            for (var i = 0; i < value.length; i++)
                items.push(stringify(value[i]));
            return "[" + items.join(",") + "]";
        }
        if (typeof value === "object") {
            var fields = [];
            var record = value;
            for (var key in record) {
                if (!record.hasOwnProperty(key))
                    continue;
                var field = record[key];
                if (field === undefined || typeof field === "function")
                    continue;
                fields.push(quote(key) + ":" + stringify(field));
            }
            return "{" + fields.join(",") + "}";
        }
        return "null";
    }
    SichterJson.stringify = stringify;
    function parse(text) {
        var reader = { text: text, at: 0 };
        var value = readValue(reader);
        skipSpace(reader);
        if (reader.at !== text.length)
            fail(reader, "unexpected text after the value");
        return value;
    }
    SichterJson.parse = parse;
    function isArray(value) {
        return Object.prototype.toString.call(value) === "[object Array]";
    }
    SichterJson.isArray = isArray;
    var NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+\-]?[0-9]+)?/;
    var UNESCAPES = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
    function readValue(reader) {
        skipSpace(reader);
        var character = reader.text.charAt(reader.at);
        if (character === "{")
            return readObject(reader);
        if (character === "[")
            return readArray(reader);
        if (character === '"')
            return readString(reader);
        if (literal(reader, "true"))
            return true;
        if (literal(reader, "false"))
            return false;
        if (literal(reader, "null"))
            return null;
        var match = NUMBER.exec(reader.text.substring(reader.at));
        if (!match)
            return fail(reader, "a value was expected");
        reader.at += match[0].length;
        return parseFloat(match[0]);
    }
    function readObject(reader) {
        var result = {};
        reader.at++;
        skipSpace(reader);
        if (reader.text.charAt(reader.at) === "}") {
            reader.at++;
            return result;
        }
        for (;;) {
            skipSpace(reader);
            if (reader.text.charAt(reader.at) !== '"')
                fail(reader, "a key was expected");
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
    function readArray(reader) {
        var result = [];
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
    function readString(reader) {
        var out = "";
        reader.at++;
        for (;;) {
            if (reader.at >= reader.text.length)
                fail(reader, "the string is not closed");
            var character = reader.text.charAt(reader.at++);
            if (character === '"')
                return out;
            if (character.charCodeAt(0) < 0x20)
                fail(reader, "a control character in a string");
            if (character !== "\\") {
                out += character;
                continue;
            }
            var escape = reader.text.charAt(reader.at++);
            if (escape === "u") {
                var digits = reader.text.substring(reader.at, reader.at + 4);
                if (!/^[0-9a-fA-F]{4}$/.test(digits))
                    fail(reader, "a bad \\u escape");
                out += String.fromCharCode(parseInt(digits, 16));
                reader.at += 4;
            }
            else if (UNESCAPES.hasOwnProperty(escape)) {
                out += UNESCAPES[escape];
            }
            else {
                fail(reader, "a bad escape");
            }
        }
    }
    function literal(reader, word) {
        if (reader.text.substring(reader.at, reader.at + word.length) !== word)
            return false;
        reader.at += word.length;
        return true;
    }
    function expect(reader, character) {
        if (reader.text.charAt(reader.at) !== character)
            fail(reader, '"' + character + '" was expected');
        reader.at++;
    }
    function skipSpace(reader) {
        while (" \t\n\r".indexOf(reader.text.charAt(reader.at)) !== -1 && reader.at < reader.text.length)
            reader.at++;
    }
    function fail(reader, what) {
        throw new Error("JSON: " + what + " at " + reader.at);
    }
    function hex4(code) {
        var digits = code.toString(16);
        while (digits.length < 4)
            digits = "0" + digits;
        return digits;
    }
})(SichterJson || (SichterJson = {}));
/**
 * The one entry point the panel's evalScript code calls: `Sichter.call(method, argumentsJson)`.
 * Arguments arrive as JSON text, the answer leaves as JSON text: {"ok":true,"value":...} or
 * {"ok":false,"error":{"code":"SICHTER_E_...","message":"..."}}; nothing else crosses the bridge.
 */
var Sichter;
(function (Sichter) {
    var methods = {};
    function register(name, method) {
        methods[name] = method;
    }
    Sichter.register = register;
    /** An error with a stable code for the panel to show in its language. */
    function failure(code, message) {
        var error = new Error(message);
        error.code = code;
        return error;
    }
    Sichter.failure = failure;
    function call(name, argumentsJson) {
        try {
            if (!methods.hasOwnProperty(name))
                throw failure("SICHTER_E_METHOD_NOT_FOUND", "no ExtendScript method " + name);
            var value = methods[name](SichterJson.parse(argumentsJson));
            return SichterJson.stringify({ ok: true, value: value === undefined ? null : value });
        }
        catch (error) {
            var known = error;
            var code = typeof known.code === "string" ? known.code : "SICHTER_E_INTERNAL";
            var message = typeof known.message === "string" ? known.message : String(error);
            return SichterJson.stringify({ ok: false, error: { code: code, message: message } });
        }
    }
    Sichter.call = call;
})(Sichter || (Sichter = {}));
/** The methods the CEP panel calls. Host work (markers, XMP, project column) comes next. */
var Sichter;
(function (Sichter) {
    /** Answers its arguments: the panel checks the bridge (and its encoding) with it. */
    Sichter.register("ping", function (args) {
        return { pong: args };
    });
})(Sichter || (Sichter = {}));
