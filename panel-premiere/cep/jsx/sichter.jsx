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
/** Finding project items in the ExtendScript DOM. */
var Sichter;
(function (Sichter) {
    /** The clip with node id `itemId`, else the first clip whose media path is `mediaPath`; bins searched too. */
    function findClip(itemId, mediaPath) {
        var byPath = null;
        var folders = [app.project.rootItem];
        while (folders.length > 0) {
            var children = folders.shift().children;
            for (var i = 0; i < children.numItems; i++) {
                var item = children[i];
                if (item.type === ProjectItemType.BIN) {
                    folders.push(item);
                }
                else if (item.type === ProjectItemType.CLIP && !item.isSequence()) {
                    if (itemId !== null && item.nodeId === itemId)
                        return item;
                    if (byPath === null && item.getMediaPath() === mediaPath)
                        byPath = item;
                }
            }
        }
        return byPath;
    }
    Sichter.findClip = findClip;
    function requireClip(itemId, mediaPath) {
        var item = findClip(itemId, mediaPath);
        if (item === null)
            throw Sichter.failure("SICHTER_E_FILE_NOT_FOUND", mediaPath);
        return item;
    }
    Sichter.requireClip = requireClip;
    /** Every marker of a collection, in its order. */
    function markerList(markers) {
        var list = [];
        var marker = markers.getFirstMarker();
        while (marker !== undefined && marker !== null) {
            list.push(marker);
            marker = markers.getNextMarker(marker);
        }
        return list;
    }
    Sichter.markerList = markerList;
    var TICKS_PER_SECOND = 254016000000;
    /** Seconds for the DOM's setters, from a tick count (exact to the tick for the first hours of media). */
    function secondsOf(ticks) {
        return Number(ticks) / TICKS_PER_SECOND;
    }
    Sichter.secondsOf = secondsOf;
})(Sichter || (Sichter = {}));
/** Reading and editing an item's XMP with AdobeXMPScript (the panel decides, the JSX only carries out). */
var Sichter;
(function (Sichter) {
    function loadXmpLibrary() {
        if (ExternalObject.AdobeXMPScript === undefined)
            ExternalObject.AdobeXMPScript = new ExternalObject("lib:AdobeXMPScript");
    }
    Sichter.loadXmpLibrary = loadXmpLibrary;
    function readStrings(meta, ns, name) {
        var values = [];
        var count = meta.countArrayItems(ns, name);
        for (var index = 1; index <= count; index++) {
            var item = meta.getArrayItem(ns, name, index);
            values.push(item ? item.toString() : "");
        }
        return values;
    }
    Sichter.readStrings = readStrings;
    /** dc:description entries by language, x-default included. */
    function readDescriptions(meta) {
        var entries = {};
        var count = meta.countArrayItems(XMPConst.NS_DC, "description");
        for (var index = 1; index <= count; index++) {
            var language = meta.getQualifier(XMPConst.NS_DC, "description[" + index + "]", XMPConst.NS_XML, "lang");
            var item = meta.getArrayItem(XMPConst.NS_DC, "description", index);
            if (language)
                entries[language.toString()] = item ? item.toString() : "";
        }
        return entries;
    }
    Sichter.readDescriptions = readDescriptions;
    /** Replaces an unordered array (a Bag) with `values`; an empty list removes it. */
    function writeBag(meta, ns, name, values) {
        meta.deleteProperty(ns, name);
        for (var i = 0; i < values.length; i++)
            meta.appendArrayItem(ns, name, values[i], 0, XMPConst.PROP_IS_ARRAY);
    }
    Sichter.writeBag = writeBag;
})(Sichter || (Sichter = {}));
/** Writing markers into one collection (a clip's or the active sequence's) as the panel planned them. */
var Sichter;
(function (Sichter) {
    /** Carries out the changes; answers the guids of the added markers, in order. */
    function applyMarkerChanges(markers, changes) {
        var byGuid = {};
        var list = Sichter.markerList(markers);
        for (var i = 0; i < list.length; i++)
            byGuid[list[i].guid] = list[i];
        for (var r = 0; r < changes.remove.length; r++) {
            var gone = byGuid[changes.remove[r]];
            if (gone)
                markers.deleteMarker(gone);
        }
        for (var u = 0; u < changes.update.length; u++) {
            var change = changes.update[u];
            var existing = byGuid[change.guid];
            if (existing)
                setMarker(markers, existing, change);
        }
        var added = [];
        for (var a = 0; a < changes.add.length; a++) {
            var wanted = changes.add[a];
            var created = markers.createMarker(Sichter.secondsOf(wanted.start));
            setMarker(markers, created, wanted);
            added.push(created.guid);
        }
        return added;
    }
    Sichter.applyMarkerChanges = applyMarkerChanges;
    /** Sets everything but the start: a marker that moves is removed and added again by the panel. */
    function setMarker(markers, marker, wanted) {
        marker.name = wanted.name;
        marker.comments = wanted.comments;
        marker.end = Sichter.secondsOf(wanted.end);
        marker.setTypeAsComment();
        marker.setColorByIndex(wanted.colorIndex, indexOf(markers, marker));
    }
    function indexOf(markers, marker) {
        var list = Sichter.markerList(markers);
        for (var i = 0; i < list.length; i++)
            if (list[i].guid === marker.guid)
                return i;
        return -1;
    }
})(Sichter || (Sichter = {}));
/**
 * The clip methods of the CEP panel: read everything about a clip in one call, then write markers,
 * XMP and the project column. The decisions (which markers are Sichter's, the keyword merge) are
 * made in the panel by the same code the UXP panel runs; ExtendScript has no undo grouping, so
 * each write is its own step.
 */
var Sichter;
(function (Sichter) {
    Sichter.register("readClip", function (args) {
        var item = Sichter.requireClip(args.itemId, args.mediaPath);
        Sichter.loadXmpLibrary();
        XMPMeta.registerNamespace(args.names.namespace, args.names.prefix);
        var meta = new XMPMeta(item.getXMPMetadata());
        var column = new XMPMeta(item.getProjectMetadata()).getProperty(args.column.namespace, args.column.name);
        var markers = [];
        var list = Sichter.markerList(item.getMarkers());
        for (var i = 0; i < list.length; i++) {
            var marker = list[i];
            markers.push({
                guid: marker.guid,
                start: marker.start.ticks,
                end: marker.end.ticks,
                name: marker.name,
                comments: marker.comments,
                colorIndex: marker.getColorByIndex(i)
            });
        }
        return {
            itemId: item.nodeId,
            name: item.name,
            mediaPath: item.getMediaPath(),
            mediaStart: item.startTime().ticks,
            markers: markers,
            subject: Sichter.readStrings(meta, XMPConst.NS_DC, "subject"),
            descriptions: Sichter.readDescriptions(meta),
            ledger: Sichter.readStrings(meta, args.names.namespace, args.names.markers),
            ownKeywords: Sichter.readStrings(meta, args.names.namespace, args.names.keywords),
            column: column ? column.toString() : null
        };
    });
    /** Removes, changes and adds markers; answers the guids of the added ones, in order. */
    Sichter.register("writeMarkers", function (args) {
        return { added: Sichter.applyMarkerChanges(Sichter.requireClip(args.itemId, args.mediaPath).getMarkers(), args) };
    });
    Sichter.register("writeXmp", function (args) {
        var item = Sichter.requireClip(args.itemId, args.mediaPath);
        Sichter.loadXmpLibrary();
        XMPMeta.registerNamespace(args.names.namespace, args.names.prefix);
        // setXMPMetadata replaces the whole packet: read it, change Sichter's fields, write it all back.
        var meta = new XMPMeta(item.getXMPMetadata());
        if (args.subject !== null)
            Sichter.writeBag(meta, XMPConst.NS_DC, "subject", args.subject);
        if (args.ownKeywords !== null)
            Sichter.writeBag(meta, args.names.namespace, args.names.keywords, args.ownKeywords);
        if (args.ledger !== null)
            Sichter.writeBag(meta, args.names.namespace, args.names.markers, args.ledger);
        if (args.descriptions !== null) {
            for (var language in args.descriptions) {
                if (args.descriptions.hasOwnProperty(language)) {
                    meta.setLocalizedText(XMPConst.NS_DC, "description", null, language, args.descriptions[language]);
                }
            }
        }
        return { written: item.setXMPMetadata(meta.serialize()) };
    });
    Sichter.register("writeColumn", function (args) {
        var item = Sichter.requireClip(args.itemId, args.mediaPath);
        Sichter.loadXmpLibrary();
        // 2: a text column.
        if (!app.project.addPropertyToProjectMetadataSchema(args.name, args.label, 2)) {
            throw Sichter.failure("SICHTER_E_XMP_WRITE_FAILED", "the project column could not be added");
        }
        var metadata = new XMPMeta(item.getProjectMetadata());
        metadata.setProperty(args.namespace, args.name, args.value);
        item.setProjectMetadata(metadata.serialize(), [args.name]);
        return { written: true };
    });
})(Sichter || (Sichter = {}));
/**
 * The active sequence's markers and Sichter's ledger of them, kept in the XMP of the sequence's
 * project item (as the UXP panel keeps it). The panel maps clip frames to sequence time and decides
 * which markers are Sichter's with the code the UXP panel runs; the JSX reads and carries out.
 */
var Sichter;
(function (Sichter) {
    function requireSequence() {
        var sequence = app.project.activeSequence;
        if (!sequence)
            throw Sichter.failure("SICHTER_E_FILE_NOT_FOUND", "no active sequence");
        return sequence;
    }
    /** The active sequence's name, markers and ledger; null without one. */
    Sichter.register("readSequenceMarkers", function (args) {
        var sequence = app.project.activeSequence;
        if (!sequence)
            return null;
        Sichter.loadXmpLibrary();
        XMPMeta.registerNamespace(args.names.namespace, args.names.prefix);
        var meta = new XMPMeta(sequence.projectItem.getXMPMetadata());
        var markers = [];
        var list = Sichter.markerList(sequence.markers);
        for (var i = 0; i < list.length; i++) {
            var marker = list[i];
            markers.push({
                guid: marker.guid,
                start: marker.start.ticks,
                end: marker.end.ticks,
                name: marker.name,
                comments: marker.comments,
                colorIndex: marker.getColorByIndex(i)
            });
        }
        return { name: sequence.name, markers: markers, ledger: Sichter.readStrings(meta, args.names.namespace, args.names.markers) };
    });
    /** Removes, changes and adds sequence markers in one call (a whole auto-mark at once); answers the added guids. */
    Sichter.register("writeSequenceMarkers", function (args) {
        return { added: Sichter.applyMarkerChanges(requireSequence().markers, args) };
    });
    /** Replaces Sichter's ledger in the sequence item's XMP, keeping everything else in the packet. */
    Sichter.register("writeSequenceLedger", function (args) {
        var sequence = requireSequence();
        Sichter.loadXmpLibrary();
        XMPMeta.registerNamespace(args.names.namespace, args.names.prefix);
        // setXMPMetadata replaces the whole packet: read it, change the ledger, write it all back.
        var meta = new XMPMeta(sequence.projectItem.getXMPMetadata());
        Sichter.writeBag(meta, args.names.namespace, args.names.markers, args.ledger);
        if (!sequence.projectItem.setXMPMetadata(meta.serialize()))
            throw Sichter.failure("SICHTER_E_XMP_WRITE_FAILED", sequence.name);
        return { written: true };
    });
})(Sichter || (Sichter = {}));
/**
 * What the CEP panel reads to find the current clip: the Project panel selection, and the active
 * sequence's video clips with the playhead. Raw ticks and rates cross the bridge; the panel maps
 * them with the same common code as the UXP panel.
 */
var Sichter;
(function (Sichter) {
    function clipInfo(item) {
        return {
            itemId: item.nodeId,
            name: item.name,
            mediaPath: item.getMediaPath(),
            fps: item.getFootageInterpretation().frameRate,
            mediaStart: item.startTime().ticks
        };
    }
    /** The selected media clips, in selection order (bins and sequences passed over). */
    Sichter.register("selectedClips", function () {
        var selected = app.getCurrentProjectViewSelection();
        var clips = [];
        if (!selected)
            return clips;
        for (var i = 0; i < selected.length; i++) {
            var item = selected[i];
            if (item.type === ProjectItemType.CLIP && !item.isSequence() && item.getMediaPath() !== "")
                clips.push(clipInfo(item));
        }
        return clips;
    });
    /** The active sequence: its name, frame length, playhead and every clip on its video tracks; null without one. */
    Sichter.register("activeSequence", function () {
        var sequence = app.project.activeSequence;
        if (!sequence)
            return null;
        var clips = [];
        var tracks = sequence.videoTracks;
        for (var t = 0; t < tracks.numTracks; t++) {
            var items = tracks[t].clips;
            for (var c = 0; c < items.numItems; c++) {
                var placed = items[c];
                var item = placed.projectItem;
                // Titles, adjustment layers and nested sequences have no media file to analyse.
                if (!item || item.type !== ProjectItemType.CLIP || item.isSequence() || item.getMediaPath() === "")
                    continue;
                clips.push({
                    track: t,
                    name: placed.name,
                    start: placed.start.ticks,
                    end: placed.end.ticks,
                    inPoint: placed.inPoint.ticks,
                    outPoint: placed.outPoint.ticks,
                    disabled: placed.disabled === true,
                    speed: placed.getSpeed(),
                    clip: clipInfo(item)
                });
            }
        }
        return { name: sequence.name, ticksPerFrame: sequence.timebase, playhead: sequence.getPlayerPosition().ticks, clips: clips };
    });
})(Sichter || (Sichter = {}));
/** Showing a clip at a frame and bringing media into the project, for search results. */
var Sichter;
(function (Sichter) {
    Sichter.register("setPlayerPosition", function (args) {
        var sequence = app.project.activeSequence;
        if (!sequence)
            throw Sichter.failure("SICHTER_E_FILE_NOT_FOUND", "no active sequence");
        sequence.setPlayerPosition(args.ticks);
        return { ticks: sequence.getPlayerPosition().ticks };
    });
    /** ExtendScript cannot position the Source Monitor: the clip opens where the monitor left it. */
    Sichter.register("openInSourceMonitor", function (args) {
        app.sourceMonitor.openProjectItem(Sichter.requireClip(args.itemId, args.mediaPath));
        return { opened: true };
    });
    /** The project's clip of a media file, imported into the root bin first when the project lacks it. */
    Sichter.register("importFile", function (args) {
        var item = Sichter.findClip(null, args.mediaPath);
        if (item === null) {
            if (!app.project.importFiles([args.mediaPath], true, app.project.rootItem, false)) {
                throw Sichter.failure("SICHTER_E_FILE_NOT_FOUND", args.mediaPath);
            }
            item = Sichter.requireClip(null, args.mediaPath);
        }
        return { itemId: item.nodeId, name: item.name, mediaPath: item.getMediaPath() };
    });
})(Sichter || (Sichter = {}));
/** The methods the CEP panel calls. Host work (markers, XMP, project column) comes next. */
var Sichter;
(function (Sichter) {
    /** Answers its arguments: the panel checks the bridge (and its encoding) with it. */
    Sichter.register("ping", function (args) {
        return { pong: args };
    });
})(Sichter || (Sichter = {}));
