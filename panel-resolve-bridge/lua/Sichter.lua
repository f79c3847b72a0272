-- Sichter for DaVinci Resolve, free edition and Studio: Workspace > Scripts > Sichter.
--
-- Sends the current clip to the local Sichter engine (analysed once, when the catalog does not know
-- it yet) and writes the engine's tag plan for it into Resolve by the same rules as the Studio
-- plugin's host adapter (panel-resolve-bridge/adapter): shot markers at source frames on the media
-- pool item and, for a clip picked on the timeline, at their place on the timeline; each marker
-- carries custom data "sichter:<id>" so a second run replaces exactly Sichter's own markers; an
-- editor's marker on a frame moves Sichter's on by a frame; Keywords merged, Description and
-- Comments in Sichter's own line; every write read back.
--
-- It talks to the engine over loopback HTTP (POST /rpc, JSON-RPC, token in an Authorization header)
-- through LuaJIT's ffi and the operating system's sockets: no curl, no console window. The engine
-- writes its token and port into Sichter's folders; this script reads them there. Its window and
-- console speak German or English (see "Words" below).
--
-- Loaded with SICHTER_NO_MAIN set (tests), it only returns its module table.

local ffi = require("ffi")
local bit = require("bit")

local Sichter = { VERSION = "0.1.0" }

---------------------------------------------------------------------------------------------------
-- JSON
---------------------------------------------------------------------------------------------------
local json = {}
Sichter.json = json
-- A table marked with json.array encodes as an array even when empty.
json.array_mt = {}
function json.array(t) return setmetatable(t or {}, json.array_mt) end

local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }

local function is_array(t)
  if getmetatable(t) == json.array_mt then return true end
  local n = #t
  if n == 0 then return false end
  for k in pairs(t) do
    if type(k) ~= "number" or k < 1 or k > n or k ~= math.floor(k) then return false end
  end
  return true
end

function json.encode(value)
  local kind = type(value)
  if kind == "nil" then return "null" end
  if kind == "boolean" then return value and "true" or "false" end
  if kind == "number" then
    if value ~= value or value == math.huge or value == -math.huge then error("JSON has no NaN or infinity") end
    if value == math.floor(value) and math.abs(value) < 2 ^ 53 then return string.format("%d", value) end
    return string.format("%.17g", value)
  end
  if kind == "string" then
    return '"' .. value:gsub('[%c"\\]', function(c) return escapes[c] or string.format("\\u%04x", c:byte()) end) .. '"'
  end
  if kind == "table" then
    local parts = {}
    if is_array(value) then
      for i = 1, #value do parts[i] = json.encode(value[i]) end
      return "[" .. table.concat(parts, ",") .. "]"
    end
    local keys = {}
    for k in pairs(value) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    for _, k in ipairs(keys) do
      local v = value[k]
      if v == nil then v = value[tonumber(k)] end
      parts[#parts + 1] = json.encode(k) .. ":" .. json.encode(v)
    end
    return "{" .. table.concat(parts, ",") .. "}"
  end
  error("cannot encode a " .. kind .. " as JSON")
end

local function utf8_char(code)
  if code < 0x80 then return string.char(code) end
  if code < 0x800 then return string.char(0xC0 + bit.rshift(code, 6), 0x80 + bit.band(code, 0x3F)) end
  if code < 0x10000 then
    return string.char(0xE0 + bit.rshift(code, 12), 0x80 + bit.band(bit.rshift(code, 6), 0x3F), 0x80 + bit.band(code, 0x3F))
  end
  return string.char(0xF0 + bit.rshift(code, 18), 0x80 + bit.band(bit.rshift(code, 12), 0x3F),
    0x80 + bit.band(bit.rshift(code, 6), 0x3F), 0x80 + bit.band(code, 0x3F))
end

function json.decode(text)
  local pos = 1
  local function fail(what) error(string.format("invalid JSON at %d: %s", pos, what)) end
  local function skip() pos = text:find("[^ \t\r\n]", pos) or #text + 1 end
  local value
  local function str()
    local out = {}
    pos = pos + 1
    while true do
      local c = text:sub(pos, pos)
      if c == "" then fail("unterminated string") end
      if c == '"' then pos = pos + 1 break end
      if c == "\\" then
        local e = text:sub(pos + 1, pos + 1)
        local simple = { b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" }
        if simple[e] then
          out[#out + 1] = simple[e]
          pos = pos + 2
        elseif e == "u" then
          local code = tonumber(text:sub(pos + 2, pos + 5), 16) or fail("bad \\u escape")
          pos = pos + 6
          if code >= 0xD800 and code <= 0xDBFF and text:sub(pos, pos + 1) == "\\u" then
            local low = tonumber(text:sub(pos + 2, pos + 5), 16)
            if low and low >= 0xDC00 and low <= 0xDFFF then
              code = 0x10000 + (code - 0xD800) * 0x400 + (low - 0xDC00)
              pos = pos + 6
            end
          end
          out[#out + 1] = utf8_char(code)
        else
          fail("bad escape")
        end
      else
        local stop = text:find('["\\]', pos) or #text + 1
        out[#out + 1] = text:sub(pos, stop - 1)
        pos = stop
      end
    end
    return table.concat(out)
  end
  function value()
    skip()
    local c = text:sub(pos, pos)
    if c == "{" then
      local t = {}
      pos = pos + 1
      skip()
      if text:sub(pos, pos) == "}" then pos = pos + 1 return t end
      while true do
        skip()
        if text:sub(pos, pos) ~= '"' then fail("expected a key") end
        local k = str()
        skip()
        if text:sub(pos, pos) ~= ":" then fail("expected :") end
        pos = pos + 1
        t[k] = value()
        skip()
        local d = text:sub(pos, pos)
        pos = pos + 1
        if d == "}" then return t end
        if d ~= "," then fail("expected , or }") end
      end
    elseif c == "[" then
      local t = json.array()
      pos = pos + 1
      skip()
      if text:sub(pos, pos) == "]" then pos = pos + 1 return t end
      while true do
        t[#t + 1] = value()
        skip()
        local d = text:sub(pos, pos)
        pos = pos + 1
        if d == "]" then return t end
        if d ~= "," then fail("expected , or ]") end
      end
    elseif c == '"' then
      return str()
    elseif text:sub(pos, pos + 3) == "true" then pos = pos + 4 return true
    elseif text:sub(pos, pos + 4) == "false" then pos = pos + 5 return false
    elseif text:sub(pos, pos + 3) == "null" then pos = pos + 4 return nil
    end
    local number = text:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
    if not number or number == "" then fail("unexpected " .. c) end
    pos = pos + #number
    return tonumber(number)
  end
  local result = value()
  skip()
  if pos <= #text then fail("trailing text") end
  return result
end

---------------------------------------------------------------------------------------------------
-- Text: the comparisons the plugin makes with String.normalize("NFC") and toLocaleLowerCase.
-- Lua has neither: common decomposed Latin letters are composed and Latin-1 letters lowered;
-- other scripts compare by their bytes (a limit of the free edition, see README).
---------------------------------------------------------------------------------------------------
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
Sichter.trim = trim

local COMPOSE = {}
do
  -- base letter .. combining mark (U+0308 diaeresis, U+0301 acute, U+0300 grave, U+0302 circumflex, U+0327 cedilla, U+030A ring, U+0303 tilde)
  local marks = { ["\204\136"] = { A = 0xC4, O = 0xD6, U = 0xDC, a = 0xE4, o = 0xF6, u = 0xFC, E = 0xCB, e = 0xEB, I = 0xCF, i = 0xEF, y = 0xFF },
    ["\204\129"] = { A = 0xC1, E = 0xC9, I = 0xCD, O = 0xD3, U = 0xDA, a = 0xE1, e = 0xE9, i = 0xED, o = 0xF3, u = 0xFA, Y = 0xDD, y = 0xFD },
    ["\204\128"] = { A = 0xC0, E = 0xC8, I = 0xCC, O = 0xD2, U = 0xD9, a = 0xE0, e = 0xE8, i = 0xEC, o = 0xF2, u = 0xF9 },
    ["\204\130"] = { A = 0xC2, E = 0xCA, I = 0xCE, O = 0xD4, U = 0xDB, a = 0xE2, e = 0xEA, i = 0xEE, o = 0xF4, u = 0xFB },
    ["\204\167"] = { C = 0xC7, c = 0xE7 }, ["\204\138"] = { A = 0xC5, a = 0xE5 },
    ["\204\131"] = { A = 0xC3, N = 0xD1, O = 0xD5, a = 0xE3, n = 0xF1, o = 0xF5 } }
  for mark, letters in pairs(marks) do
    for letter, code in pairs(letters) do COMPOSE[letter .. mark] = utf8_char(code) end
  end
end

local function compose(s)
  return (s:gsub("([A-Za-z])(\204[\128-\167])", function(letter, mark) return COMPOSE[letter .. mark] or (letter .. mark) end))
end

local function lower(s)
  s = s:lower()
  -- U+00C0..U+00DE (but U+00D7 ×) are C3 80..C3 9E; their small letters are 0x20 further.
  return (s:gsub("\195([\128-\158])", function(c)
    local b = c:byte()
    if b == 0x97 then return "\195" .. c end
    return "\195" .. string.char(b + 0x20)
  end))
end

local function keyword_key(word) return lower(trim(compose(word))) end
Sichter.keyword_key = keyword_key

---------------------------------------------------------------------------------------------------
-- Frame rates and timecode labels
---------------------------------------------------------------------------------------------------
local NTSC = { ["23.976"] = { 24000, 1001 }, ["23.98"] = { 24000, 1001 }, ["29.97"] = { 30000, 1001 }, ["59.94"] = { 60000, 1001 } }

local function parse_rate(text)
  text = trim(tostring(text or ""))
  local num, den = text:match("^(%d+)%s*/%s*(%d+)$")
  if num then return { num = tonumber(num), den = tonumber(den) } end
  local whole, fraction = text:match("^(%d+)%.?(%d*)$")
  if not whole then return nil end
  fraction = fraction:gsub("0+$", "")
  if fraction == "" then return { num = tonumber(whole), den = 1 } end
  local pair = NTSC[tostring(tonumber(whole)) .. "." .. fraction]
  return pair and { num = pair[1], den = pair[2] } or nil
end
Sichter.parse_rate = parse_rate

local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
local function reduce(rate) local g = gcd(rate.num, rate.den) return { num = rate.num / g, den = rate.den / g } end
local function same_rate(a, b) a, b = reduce(a), reduce(b) return a.num == b.num and a.den == b.den end
local function rate_text(rate) rate = reduce(rate) return string.format("%d/%d", rate.num, rate.den) end
local function supports_drop(rate) rate = reduce(rate) return rate.den == 1001 and (rate.num == 30000 or rate.num == 60000) end

local function scheme(rate, drop)
  local n = math.floor(rate.num / rate.den + 0.5)
  local d = drop and (n == 60 and 4 or 2) or 0
  return { n = n, d = d, drop = drop and d > 0, per_day = n * 86400 - (drop and d * (24 * 60 - 24 * 6) or 0) }
end

function Sichter.format_timecode(frames, rate, drop)
  local s = scheme(rate, drop)
  frames = frames % s.per_day
  if s.drop then
    local per10 = s.n * 600 - 9 * s.d
    local tens, rest = math.floor(frames / per10), frames % per10
    frames = frames + 9 * s.d * tens + (rest > s.d and s.d * math.floor((rest - s.d) / (s.n * 60 - s.d)) or 0)
  end
  local digits = s.n > 100 and "%03d" or "%02d"
  return string.format("%02d:%02d:%02d" .. (s.drop and ";" or ":") .. digits,
    math.floor(frames / (s.n * 3600)) % 24, math.floor(frames / (s.n * 60)) % 60, math.floor(frames / s.n) % 60, frames % s.n)
end

function Sichter.parse_timecode(text, rate, drop)
  local h, m, sec, f = tostring(text or ""):match("^%s*(%d%d?)[:;](%d%d)[:;](%d%d)[:;.,](%d%d%d?)%s*$")
  if not h then return nil end
  local s = scheme(rate, drop)
  h, m, sec, f = tonumber(h), tonumber(m), tonumber(sec), tonumber(f)
  local frames = ((h * 60 + m) * 60 + sec) * s.n + f
  if s.drop then
    local minutes = h * 60 + m
    frames = frames - s.d * (minutes - math.floor(minutes / 10))
  end
  return frames
end

---------------------------------------------------------------------------------------------------
-- The tag plan laid out as markers (the Premiere panel's layoutClipMarkers, the plugin's mergeSameFrame)
---------------------------------------------------------------------------------------------------
local MAIN_KEYWORDS = 3

local function stable_sort(list, key)
  local indexed = {}
  for i, v in ipairs(list) do indexed[i] = { v = v, i = i } end
  table.sort(indexed, function(a, b)
    local ka, kb = key(a.v), key(b.v)
    if ka ~= kb then return ka < kb end
    return a.i < b.i
  end)
  local out = {}
  for i, e in ipairs(indexed) do out[i] = e.v end
  return out
end

local function distinct_labels(tags)
  local seen, labels = {}, {}
  for _, tag in ipairs(tags) do
    local label = trim(tag.name)
    local key = lower(compose(label))
    if label ~= "" and not seen[key] then
      seen[key] = true
      labels[#labels + 1] = label
    end
  end
  return labels
end

local function first_n(list, n)
  local out = {}
  for i = 1, math.min(n, #list) do out[i] = list[i] end
  return out
end

local function layout_marker(anchor, tags, timecode)
  local keywords = distinct_labels(tags)
  local first
  for _, tag in ipairs(tags) do
    if trim(tag.name) ~= "" then first = tag break end
  end
  local lines = {}
  local text = #keywords > 0 and table.concat(keywords, ", ") or anchor.comment
  if text ~= "" then lines[#lines + 1] = text end
  local at = timecode(anchor.startFrame)
  if at ~= "" then lines[#lines + 1] = at end
  return {
    startFrame = anchor.startFrame,
    durationFrames = anchor.durationFrames,
    name = #keywords > 0 and table.concat(first_n(keywords, MAIN_KEYWORDS), ", ") or anchor.name,
    comments = table.concat(lines, "\n"),
    color = first and first.color or anchor.color,
  }
end

function Sichter.layout_markers(plan, timecode)
  local shots, tags = {}, {}
  for _, m in ipairs(plan.markers or {}) do
    if m.kind == "shot" then shots[#shots + 1] = m else tags[#tags + 1] = m end
  end
  shots = stable_sort(shots, function(m) return m.startFrame end)
  local laid = {}
  if #shots == 0 then
    for _, tag in ipairs(stable_sort(tags, function(m) return m.startFrame end)) do laid[#laid + 1] = layout_marker(tag, { tag }, timecode) end
  else
    for index, shot in ipairs(shots) do
      local next_shot = shots[index + 1]
      local inside = {}
      for _, tag in ipairs(tags) do
        if (index == 1 or tag.startFrame >= shot.startFrame) and (next_shot == nil or tag.startFrame < next_shot.startFrame) then
          inside[#inside + 1] = tag
        end
      end
      laid[#laid + 1] = layout_marker(shot, inside, timecode)
    end
  end
  -- Resolve keeps one marker per frame: markers starting on the same frame become one.
  local merged, by_frame = {}, {}
  for _, marker in ipairs(stable_sort(laid, function(m) return m.startFrame end)) do
    local there = by_frame[marker.startFrame]
    if there then
      local names, notes = {}, {}
      for _, n in ipairs({ there.name, marker.name }) do if n ~= "" then names[#names + 1] = n end end
      for _, c in ipairs({ there.comments, marker.comments }) do if c ~= "" then notes[#notes + 1] = c end end
      there.name = table.concat(names, ", ")
      there.comments = table.concat(notes, "\n")
      there.durationFrames = math.max(there.durationFrames, marker.durationFrames)
    else
      by_frame[marker.startFrame] = marker
      merged[#merged + 1] = marker
    end
  end
  return merged
end

-- Resolve's colours by the plan's tag-source colours; Resolve has no orange or white.
Sichter.COLOR = { blue = "Blue", green = "Green", yellow = "Yellow", red = "Red", purple = "Purple", orange = "Sand", white = "Cream", cyan = "Cyan" }

---------------------------------------------------------------------------------------------------
-- Keywords and Sichter's own lines
---------------------------------------------------------------------------------------------------
local function parse_keywords(value)
  local words = {}
  for part in (tostring(value or "") .. ","):gmatch("([^,]*),") do
    local word = trim(part)
    if word ~= "" then words[#words + 1] = word end
  end
  return words
end
Sichter.parse_keywords = parse_keywords

-- Keeps what is there, adds the plan's missing keywords, takes out only the withdrawn ones.
function Sichter.merge_keywords(existing, wanted, withdrawn)
  local words = {}
  for _, w in ipairs(wanted or {}) do for _, part in ipairs(parse_keywords(w)) do words[#words + 1] = part end end
  local current = parse_keywords(existing)
  local wanted_keys, ours_keys = {}, {}
  for _, w in ipairs(words) do wanted_keys[keyword_key(w)] = true end
  for _, w in ipairs(withdrawn or {}) do ours_keys[keyword_key(w)] = true end
  local removed = {}
  for _, k in ipairs(current) do
    if ours_keys[keyword_key(k)] and not wanted_keys[keyword_key(k)] then removed[k] = true end
  end
  local subject, kept_keys = {}, {}
  for _, k in ipairs(current) do
    if not removed[k] then
      subject[#subject + 1] = k
      kept_keys[keyword_key(k)] = true
    end
  end
  for _, w in ipairs(words) do
    local t = trim(w)
    local key = keyword_key(t)
    if key ~= "" and not kept_keys[key] then
      kept_keys[key] = true
      subject[#subject + 1] = t
    end
  end
  return table.concat(subject, ", ")
end

Sichter.LINE_PREFIX = "Sichter: "
function Sichter.with_sichter_line(existing, text)
  local own = trim((tostring(text or ""):gsub("%s*[\r\n]+%s*", " ")))
  local lines = {}
  if existing ~= "" then
    for line in (existing .. "\n"):gmatch("([^\n]*)\n") do
      line = line:gsub("\r$", "")
      if line:sub(1, #Sichter.LINE_PREFIX) ~= Sichter.LINE_PREFIX then lines[#lines + 1] = line end
    end
  end
  while #lines > 0 and trim(lines[#lines]) == "" do lines[#lines] = nil end
  if own ~= "" then lines[#lines + 1] = Sichter.LINE_PREFIX .. own end
  return table.concat(lines, "\n")
end

---------------------------------------------------------------------------------------------------
-- Resolve: objects, version, the current clip
---------------------------------------------------------------------------------------------------
local function call(object, method, ...)
  if object == nil or type(object[method]) ~= "function" then return nil end
  local ok, result = pcall(object[method], object, ...)
  if ok then return result end
  return nil
end

local function text_of(v) if v == nil then return "" end return tostring(v) end
local function frame_of(v) local n = tonumber(v) if not n then error("Resolve answered " .. tostring(v) .. " for a frame") end return math.floor(n + 0.5) end

local function version_of(resolve)
  local v = call(resolve, "GetVersion") or {}
  return { tonumber(v[1]) or 0, tonumber(v[2]) or 0, tonumber(v[3]) or 0 }
end

local function at_least(version, minimum)
  for i = 1, 3 do
    if version[i] ~= minimum[i] then return version[i] > minimum[i] end
  end
  return true
end

local API = { pool_selection = { 19, 0, 2 }, timeline_selection = { 21, 0, 4 } }

local function project_of(resolve) return call(call(resolve, "GetProjectManager"), "GetCurrentProject") end

local function track_of(timeline, item)
  local id, start = text_of(call(item, "GetUniqueId")), frame_of(call(item, "GetStart"))
  for track = 1, tonumber(call(timeline, "GetTrackCount", "video")) or 0 do
    for _, candidate in ipairs(call(timeline, "GetItemListInTrack", "video", track) or {}) do
      if frame_of(call(candidate, "GetStart")) == start and text_of(call(candidate, "GetUniqueId")) == id then return track end
    end
  end
  return nil
end

local function reference_of_item(item)
  local path = text_of(call(item, "GetClipProperty", "File Path"))
  if path == "" then return nil end
  local name = text_of(call(item, "GetName"))
  return { mediaPath = path, name = name ~= "" and name or path, hostItemId = text_of(call(item, "GetUniqueId")) }
end

local function reference_of_instance(timeline, item)
  local media = call(item, "GetMediaPoolItem")
  local clip = media and reference_of_item(media)
  if not clip then return nil end
  local timeline_start = frame_of(call(timeline, "GetStartFrame"))
  local start, finish = frame_of(call(item, "GetStart")), frame_of(call(item, "GetEnd"))
  local in_frame = frame_of(call(item, "GetLeftOffset"))
  local rate = parse_rate(call(timeline, "GetSetting", "timelineFrameRate"))
  clip.source = { inFrame = in_frame, outFrame = in_frame + (finish - start) }
  clip.sequence = {
    sequenceName = text_of(call(timeline, "GetName")),
    frameRate = rate and rate_text(rate) or "",
    startFrame = start - timeline_start,
    endFrame = finish - timeline_start,
    track = (track_of(timeline, item) or 1) - 1,
  }
  return clip
end

-- The clip the editor works on: the Media page's selection there; elsewhere the selected timeline
-- clip (21.0.4 on) or the one under the playhead, then the media pool selection.
function Sichter.current_clip(resolve)
  local project = project_of(resolve)
  if not project then return nil end
  local version = version_of(resolve)
  local pool, timeline = call(project, "GetMediaPool"), call(project, "GetCurrentTimeline")
  local function from_pool()
    if not pool or not at_least(version, API.pool_selection) or type(pool.GetSelectedClips) ~= "function" then return nil end
    for _, item in ipairs(call(pool, "GetSelectedClips") or {}) do
      local ref = reference_of_item(item)
      if ref then return ref end
    end
  end
  local function from_timeline()
    if not timeline then return nil end
    if at_least(version, API.timeline_selection) and type(timeline.GetSelectedClips) == "function" then
      for _, item in ipairs(call(timeline, "GetSelectedClips") or {}) do
        local ref = reference_of_instance(timeline, item)
        if ref then return ref end
      end
    end
    local item = call(timeline, "GetCurrentVideoItem")
    return item and reference_of_instance(timeline, item) or nil
  end
  if text_of(call(resolve, "GetCurrentPage")) == "media" then return from_pool() or from_timeline() end
  return from_timeline() or from_pool()
end

local function all_items(pool)
  local out, pending = {}, { call(pool, "GetRootFolder") }
  while #pending > 0 do
    local folder = table.remove(pending, 1)
    for _, clip in ipairs(call(folder, "GetClipList") or {}) do out[#out + 1] = clip end
    for _, sub in ipairs(call(folder, "GetSubFolderList") or {}) do pending[#pending + 1] = sub end
  end
  return out
end

local function find_item(pool, clip)
  local items = all_items(pool)
  if clip.hostItemId and clip.hostItemId ~= "" then
    for _, item in ipairs(items) do if text_of(call(item, "GetUniqueId")) == clip.hostItemId then return item end end
  end
  for _, item in ipairs(items) do if text_of(call(item, "GetClipProperty", "File Path")) == clip.mediaPath then return item end end
  return nil
end

---------------------------------------------------------------------------------------------------
-- Markers
---------------------------------------------------------------------------------------------------
local HOST = "DaVinci Resolve"

local function read_markers(owner)
  local out = {}
  for key, info in pairs(call(owner, "GetMarkers") or {}) do
    local frame = tonumber(key)
    if frame and type(info) == "table" then
      out[#out + 1] = { frame = math.floor(frame + 0.5), color = text_of(info.color), name = text_of(info.name), note = text_of(info.note),
        duration = tonumber(info.duration) or 1, customData = text_of(info.customData) }
    end
  end
  table.sort(out, function(a, b) return a.frame < b.frame end)
  return out
end

local function placed_as_wanted(marker, wanted, all, is_ours)
  local shift = marker.frame - wanted.frame
  if shift < 0 or marker.frame > wanted.lastFrame then return false end
  for frame = wanted.frame, marker.frame - 1 do
    local holder
    for _, m in ipairs(all) do if m.frame == frame then holder = m break end end
    if not holder or is_ours(holder) then return false end
  end
  return marker.customData == wanted.customData and marker.name == wanted.name and marker.note == wanted.note
    and marker.color == wanted.color and marker.duration == math.max(1, wanted.duration - shift)
end

-- Adds one marker and reads it back; an editor's marker on the frame moves it on by one frame.
local function place_marker(owner, wanted, taken)
  for frame = wanted.frame, wanted.lastFrame do
    if not taken[frame] then
      local duration = math.max(1, wanted.duration - (frame - wanted.frame))
      local added = call(owner, "AddMarker", frame, wanted.color, wanted.name, wanted.note, duration, wanted.customData)
      for k in pairs(taken) do taken[k] = nil end
      for _, m in ipairs(read_markers(owner)) do taken[m.frame] = m end
      local there = taken[frame]
      if added then
        if there and there.customData == wanted.customData and there.name == wanted.name and there.color == wanted.color then
          return { status = "written", frame = frame }
        end
        return { status = "not-kept", found = there }
      end
      if not there then return { status = "refused" } end
    end
  end
  local occupant = taken[wanted.frame]
  if not occupant then
    for frame = wanted.frame, wanted.lastFrame do if taken[frame] then occupant = taken[frame] break end end
  end
  return occupant and { status = "occupied", occupant = occupant } or { status = "refused" }
end

local function marker_report(placed, wanted, label)
  local target = label .. ": " .. wanted.name
  if placed.status == "written" then
    return { kind = "marker", status = "written", target = target, frame = wanted.clipFrame + (placed.frame - wanted.frame) }
  elseif placed.status == "occupied" then
    return { kind = "marker", status = "skipped", target = target, frame = wanted.clipFrame,
      error = { code = "SICHTER_E_MARKER_FRAME_OCCUPIED", params = { target = label, name = wanted.name, from = wanted.frame, to = wanted.lastFrame, occupant = placed.occupant.name } } }
  elseif placed.status == "refused" then
    return { kind = "marker", status = "failed", target = target, frame = wanted.clipFrame,
      error = { code = "SICHTER_E_HOST_WRITE_REFUSED", params = { host = HOST, what = 'the marker "' .. wanted.name .. '"', target = label .. ", frame " .. wanted.frame } } }
  end
  return { kind = "marker", status = "failed", target = target, frame = wanted.clipFrame,
    error = { code = "SICHTER_E_HOST_WRITE_NOT_KEPT", params = { host = HOST, what = 'the marker "' .. wanted.name .. '"', target = label .. ", frame " .. wanted.frame,
      found = placed.found and placed.found.name or "no marker" } } }
end

-- Sichter's markers on one owner become what `wanted` says; markers that are not Sichter's stay.
local function apply_marker_set(owner, label, wanted, is_ours)
  local before = read_markers(owner)
  local ours, uses = {}, {}
  for _, m in ipairs(before) do
    uses[m.customData] = (uses[m.customData] or 0) + 1
    if is_ours(m) then ours[#ours + 1] = m end
  end
  local kept, kept_data = {}, {}
  for i, w in ipairs(wanted) do
    if uses[w.customData] == 1 then
      for _, m in ipairs(ours) do
        if placed_as_wanted(m, w, before, is_ours) then kept[i] = m kept_data[w.customData] = true break end
      end
    end
  end
  local doomed = {}
  for _, m in ipairs(ours) do
    if not kept_data[m.customData] then doomed[m.customData] = (doomed[m.customData] or 0) + 1 end
  end
  local items = {}
  local deleted = false
  -- DeleteMarkerByCustomData deletes only the FIRST match: a loop, at most as often as the value occurs.
  for custom, count in pairs(doomed) do
    deleted = true
    for _ = 1, count do
      if not call(owner, "DeleteMarkerByCustomData", custom) then break end
    end
  end
  local after = deleted and read_markers(owner) or before
  local left = {}
  for _, m in ipairs(after) do if doomed[m.customData] then left[#left + 1] = m.name end end
  if #left > 0 then
    items[#items + 1] = { kind = "marker", status = "failed", target = label .. ": " .. table.concat(left, ", "),
      error = { code = "SICHTER_E_HOST_WRITE_NOT_KEPT", params = { host = HOST, what = "the deletion of Sichter's earlier markers", target = label, found = #left .. " still there" } } }
  end
  local taken = {}
  for _, m in ipairs(after) do taken[m.frame] = m end
  for i, w in ipairs(wanted) do
    if kept[i] then
      items[#items + 1] = { kind = "marker", status = "unchanged", target = label .. ": " .. w.name, frame = w.clipFrame + (kept[i].frame - w.frame) }
    else
      items[#items + 1] = marker_report(place_marker(owner, w, taken), w, label)
    end
  end
  return items
end

local function clip_markers(item, label, laid)
  local frames = tonumber(call(item, "GetClipProperty", "Frames"))
  local length = (frames and frames > 0 and frames == math.floor(frames)) and frames or 2 ^ 52
  local inside = {}
  for _, m in ipairs(laid) do if m.startFrame < length then inside[#inside + 1] = m end end
  local wanted = {}
  for index, m in ipairs(inside) do
    local duration = math.max(1, math.min(m.durationFrames, length - m.startFrame))
    local next_frame = inside[index + 1] and inside[index + 1].startFrame or length
    wanted[index] = { clipFrame = m.startFrame, frame = m.startFrame, lastFrame = math.min(m.startFrame + duration - 1, next_frame - 1),
      duration = duration, color = Sichter.COLOR[m.color] or "Cream", name = m.name, note = m.comments,
      customData = "sichter:f" .. m.startFrame }
  end
  return apply_marker_set(item, label, wanted, function(m) return m.customData:sub(1, 8) == "sichter:" end)
end

local function timeline_markers(resolve, item, clip, laid, clip_rate)
  local placement = clip.sequence
  if not placement then return {} end
  local function skipped(why) return { { kind = "marker", status = "skipped", target = placement.sequenceName .. ": " .. why } } end
  local timeline = call(project_of(resolve), "GetCurrentTimeline")
  if not timeline or text_of(call(timeline, "GetName")) ~= placement.sequenceName then return skipped("timeline not open") end
  local rate = parse_rate(call(timeline, "GetSetting", "timelineFrameRate"))
  if not rate or not same_rate(rate, clip_rate) then
    return skipped(string.format("timeline at %.3f fps, clip at %.3f fps", rate and rate.num / rate.den or 0, clip_rate.num / clip_rate.den))
  end
  local media_id = text_of(call(item, "GetUniqueId"))
  local timeline_start = frame_of(call(timeline, "GetStartFrame"))
  local instance
  for _, candidate in ipairs(call(timeline, "GetItemListInTrack", "video", placement.track + 1) or {}) do
    local media = call(candidate, "GetMediaPoolItem")
    if frame_of(call(candidate, "GetStart")) - timeline_start == placement.startFrame and media and text_of(call(media, "GetUniqueId")) == media_id then
      instance = { start = placement.startFrame, finish = frame_of(call(candidate, "GetEnd")) - timeline_start, inFrame = frame_of(call(candidate, "GetLeftOffset")) }
      break
    end
  end
  if not instance then return skipped("clip not found at its place") end
  local key = media_id .. "@" .. instance.start
  local inside = {}
  for _, m in ipairs(laid) do
    if m.startFrame >= instance.inFrame and m.startFrame < instance.inFrame + (instance.finish - instance.start) then inside[#inside + 1] = m end
  end
  local wanted = {}
  for index, m in ipairs(inside) do
    local frame = instance.start + (m.startFrame - instance.inFrame)
    local next_frame = inside[index + 1] and instance.start + (inside[index + 1].startFrame - instance.inFrame) or instance.finish
    local duration = math.max(1, math.min(m.durationFrames, instance.finish - frame))
    wanted[index] = { clipFrame = m.startFrame, frame = frame, lastFrame = math.min(frame + duration - 1, next_frame - 1), duration = duration,
      color = Sichter.COLOR[m.color] or "Cream", name = m.name, note = m.comments, customData = "sichter:" .. key .. "/f" .. m.startFrame }
  end
  return apply_marker_set(timeline, placement.sequenceName, wanted, function(m)
    local owner, record = m.customData:match("^sichter:(.+)@(%-?%d+)/f%d+$")
    if owner ~= media_id then return false end
    return tonumber(record) == instance.start or (m.frame >= instance.start and m.frame < instance.finish)
  end)
end

---------------------------------------------------------------------------------------------------
-- Clip metadata: 21.1's dict forms first, the older key/value forms as fallback, always read back
---------------------------------------------------------------------------------------------------
local function read_field(item, field)
  local all = call(item, "GetMetadata")
  if type(all) == "table" then
    local value = all[field]
    return type(value) == "string" and value or ""
  end
  local one = call(item, "GetMetadata", field)
  return type(one) == "string" and one or nil
end

local function write_field(item, field, value)
  local accepted, found = false, nil
  for _, form in ipairs({ function() return call(item, "SetMetadata", { [field] = value }) end, function() return call(item, "SetMetadata", field, value) end }) do
    if form() then
      accepted = true
      found = read_field(item, field)
      if found == value then return { status = "written" } end
    end
  end
  return accepted and { status = "not-kept", found = found } or { status = "refused" }
end

local function apply_field(item, label, field, kind, next_value)
  local target = label .. ": " .. field
  local existing = read_field(item, field)
  if existing == nil then
    return { kind = kind, status = "failed", target = target, error = { code = "SICHTER_E_HOST_WRITE_REFUSED", params = { host = HOST, what = field .. " (it cannot be read)", target = label } } }
  end
  local value = next_value(existing)
  if value == existing then return { kind = kind, status = "unchanged", target = target .. " = " .. value } end
  local write = write_field(item, field, value)
  if write.status == "written" then return { kind = kind, status = "written", target = target .. " = " .. value } end
  if write.status == "refused" then
    return { kind = kind, status = "failed", target = target, error = { code = "SICHTER_E_HOST_WRITE_REFUSED", params = { host = HOST, what = field, target = label } } }
  end
  return { kind = kind, status = "failed", target = target, error = { code = "SICHTER_E_HOST_WRITE_NOT_KEPT", params = { host = HOST, what = field, target = label, found = write.found or "" } } }
end

-- Writes a tag plan into Resolve; answers the per-item report the plugin gives ({clipPath, items}).
function Sichter.apply_plan(resolve, plan, clip)
  local report = { clipPath = plan.clipPath, items = {} }
  local pool = call(project_of(resolve), "GetMediaPool")
  local item = pool and find_item(pool, clip)
  if not item then
    report.items[1] = { kind = "marker", status = "failed", target = clip.mediaPath, error = { code = "SICHTER_E_FILE_NOT_FOUND", params = { path = clip.mediaPath } } }
    return report
  end
  local label = text_of(call(item, "GetName"))
  if label == "" then label = clip.name end
  local rate = parse_rate(plan.frameRate)
  local flag = text_of(call(item, "GetClipProperty", "Drop frame"))
  local drop = flag == "1" or (flag ~= "0" and supports_drop(rate))
  local start = Sichter.parse_timecode(call(item, "GetClipProperty", "Start TC"), rate, drop) or 0
  local laid = Sichter.layout_markers(plan, function(frame) return Sichter.format_timecode(start + frame, rate, drop) end)
  local function add(items) for _, i in ipairs(items) do report.items[#report.items + 1] = i end end
  add(clip_markers(item, label, laid))
  add(timeline_markers(resolve, item, clip, laid, rate))
  add({
    apply_field(item, label, "Keywords", "keywords", function(existing) return Sichter.merge_keywords(existing, plan.keywords, plan.withdrawnKeywords) end),
    apply_field(item, label, "Description", "description", function(existing) return Sichter.with_sichter_line(existing, plan.description) end),
    apply_field(item, label, "Comments", "description", function(existing) return Sichter.with_sichter_line(existing, plan.logComment) end),
  })
  return report
end

---------------------------------------------------------------------------------------------------
-- Sockets through LuaJIT's ffi: BSD sockets on macOS and Linux, Winsock on Windows. Loopback only.
---------------------------------------------------------------------------------------------------
-- Resolve runs every script in one Lua state: another script (or an earlier run of this one) may
-- have declared the same name already. Any other error (a declaration LuaJIT cannot parse) is ours.
local function cdef(declaration)
  local ok, err = pcall(ffi.cdef, declaration)
  if not ok and not tostring(err):find("attempt to redefine", 1, true) then error(err, 2) end
end
local net = {}
Sichter.net = net

if ffi.os == "Windows" then
  cdef("typedef uintptr_t SOCKET;")
  cdef("int WSAStartup(uint16_t version, void *data);")
  cdef("SOCKET socket(int af, int type, int protocol);")
  cdef("int connect(SOCKET s, const void *name, int namelen);")
  cdef("int send(SOCKET s, const char *buf, int len, int flags);")
  cdef("int recv(SOCKET s, char *buf, int len, int flags);")
  cdef("int closesocket(SOCKET s);")
  cdef("int setsockopt(SOCKET s, int level, int optname, const char *optval, int optlen);")
  cdef("int WSAGetLastError(void);")
  cdef("void Sleep(uint32_t ms);")
  cdef("typedef struct { uint16_t family; uint16_t port; uint8_t addr[4]; uint8_t zero[8]; } sichter_sockaddr_in;")
  local ws2 = ffi.load("ws2_32")
  local started = false
  local INVALID = ffi.cast("SOCKET", -1)
  function net.sleep(seconds) ffi.C.Sleep(math.floor(seconds * 1000)) end
  function net.open(port, timeout)
    if not started then
      local data = ffi.new("uint8_t[1024]")
      if ws2.WSAStartup(0x0202, data) ~= 0 then return nil, "WSAStartup failed" end
      started = true
    end
    local s = ws2.socket(2, 1, 6)
    if s == INVALID then return nil, "socket failed (" .. ws2.WSAGetLastError() .. ")" end
    local ms = ffi.new("uint32_t[1]", math.floor(timeout * 1000))
    ws2.setsockopt(s, 0xffff, 0x1006, ffi.cast("const char *", ms), 4)
    ws2.setsockopt(s, 0xffff, 0x1005, ffi.cast("const char *", ms), 4)
    local addr = ffi.new("sichter_sockaddr_in")
    addr.family = 2
    addr.port = bit.bor(bit.lshift(bit.band(port, 0xff), 8), bit.rshift(port, 8))
    addr.addr[0], addr.addr[1], addr.addr[2], addr.addr[3] = 127, 0, 0, 1
    if ws2.connect(s, addr, ffi.sizeof(addr)) ~= 0 then
      local code = ws2.WSAGetLastError()
      ws2.closesocket(s)
      return nil, "connect failed (" .. code .. ")"
    end
    return {
      send = function(data) return ws2.send(s, data, #data, 0) end,
      recv = function(buffer, size) return ws2.recv(s, buffer, size, 0) end,
      close = function() ws2.closesocket(s) end,
    }
  end
else
  cdef("int socket(int domain, int type, int protocol);")
  cdef("int connect(int fd, const void *addr, uint32_t len);")
  cdef("long send(int fd, const void *buf, size_t n, int flags);")
  cdef("long recv(int fd, void *buf, size_t n, int flags);")
  cdef("int close(int fd);")
  cdef("int setsockopt(int fd, int level, int name, const void *value, uint32_t len);")
  cdef("int usleep(uint32_t usec);")
  cdef("char *strerror(int errnum);")
  local osx = ffi.os == "OSX"
  if osx then
    cdef("typedef struct { uint8_t len; uint8_t family; uint16_t port; uint8_t addr[4]; uint8_t zero[8]; } sichter_sockaddr_in;")
    cdef("typedef struct { int64_t sec; int32_t usec; int32_t pad; } sichter_timeval;")
  else
    cdef("typedef struct { uint16_t family; uint16_t port; uint8_t addr[4]; uint8_t zero[8]; } sichter_sockaddr_in;")
    cdef("typedef struct { long sec; long usec; } sichter_timeval;")
  end
  local C = ffi.C
  local SOL_SOCKET = osx and 0xffff or 1
  local SO_RCVTIMEO = osx and 0x1006 or 20
  local SO_SNDTIMEO = osx and 0x1005 or 21
  -- A peer that hung up must not end Resolve with SIGPIPE.
  local MSG_NOSIGNAL = osx and 0 or 0x4000
  function net.sleep(seconds) C.usleep(math.floor(seconds * 1e6)) end
  function net.open(port, timeout)
    local fd = C.socket(2, 1, 0)
    if fd < 0 then return nil, "socket failed: " .. ffi.string(C.strerror(ffi.errno())) end
    local tv = ffi.new("sichter_timeval")
    tv.sec = math.floor(timeout)
    tv.usec = math.floor((timeout % 1) * 1e6)
    C.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv, ffi.sizeof(tv))
    C.setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, tv, ffi.sizeof(tv))
    if osx then C.setsockopt(fd, SOL_SOCKET, 0x1022, ffi.new("int[1]", 1), 4) end -- SO_NOSIGPIPE
    local addr = ffi.new("sichter_sockaddr_in")
    if osx then addr.len = ffi.sizeof(addr) end
    addr.family = 2
    addr.port = bit.bor(bit.lshift(bit.band(port, 0xff), 8), bit.rshift(port, 8))
    addr.addr[0], addr.addr[1], addr.addr[2], addr.addr[3] = 127, 0, 0, 1
    if C.connect(fd, addr, ffi.sizeof(addr)) ~= 0 then
      local why = ffi.string(C.strerror(ffi.errno()))
      C.close(fd)
      return nil, "connect failed: " .. why
    end
    return {
      send = function(data) return tonumber(C.send(fd, data, #data, MSG_NOSIGNAL)) end,
      recv = function(buffer, size) return tonumber(C.recv(fd, buffer, size, 0)) end,
      close = function() C.close(fd) end,
    }
  end
end

-- One HTTP/1.1 exchange with Connection: close; answers status, headers (lower-case names) and body,
-- or nil and why: the socket's own words, or the key of one of the script's texts.
function net.post(port, path, headers, body, timeout)
  local socket, why = net.open(port, timeout or 30)
  if not socket then return nil, why end
  local lines = { "POST " .. path .. " HTTP/1.1", "Host: 127.0.0.1:" .. port, "Connection: close", "Content-Length: " .. #body }
  for name, value in pairs(headers) do lines[#lines + 1] = name .. ": " .. value end
  local request = table.concat(lines, "\r\n") .. "\r\n\r\n" .. body
  local sent = 0
  while sent < #request do
    local n = socket.send(request:sub(sent + 1))
    if not n or n <= 0 then socket.close() return nil, "notTaken" end
    sent = sent + n
  end
  local chunks, buffer = {}, ffi.new("char[65536]")
  while true do
    local n = socket.recv(buffer, 65536)
    if not n or n < 0 then socket.close() return nil, "noAnswer" end
    if n == 0 then break end
    chunks[#chunks + 1] = ffi.string(buffer, n)
  end
  socket.close()
  local response = table.concat(chunks)
  local head, rest = response:match("^(.-)\r\n\r\n(.*)$")
  if not head then return nil, "notHttp" end
  local status = tonumber(head:match("^HTTP/%d%.%d (%d%d%d)"))
  local answer_headers = {}
  for name, value in head:gmatch("\r\n([^:\r\n]+):%s*([^\r\n]*)") do answer_headers[name:lower()] = value end
  local length = tonumber(answer_headers["content-length"])
  if length then rest = rest:sub(1, length) end
  return { status = status, headers = answer_headers, body = rest }
end

---------------------------------------------------------------------------------------------------
-- Words: everything the script says to the editor, in German and English, and which of the two.
-- Resolve's scripting API tells a script nothing about Resolve's own UI language, so the script
-- goes by Sichter's SICHTER_LANG, else the system's: LC_ALL, LC_MESSAGES, LANG on macOS and Linux,
-- the user's UI language on Windows, then the C library's locale; English for anything else.
---------------------------------------------------------------------------------------------------
local TEXTS = {
  de = {
    windowTitle = "Sichter – Sichtung",
    starting = "Sichter …",
    cancel = "Abbrechen",
    close = "Schließen",
    progress = "{clip}: {percent} %",
    progressStage = "{clip} – {stage}: {percent} %",
    summary = "Sichter: {written} geschrieben, {unchanged} unverändert, {skipped} übersprungen, {failed} fehlgeschlagen.",
    outcome = "Sichter: {message} ({code})",
    cancelled = "Abgebrochen: Es wurde nichts geschrieben.",
    noEngine = "Die Sichter-Engine lief für diesen Benutzer noch nicht: Starten Sie sie (npm start oder npx sichter serve) und führen Sie Sichter erneut aus.",
    noClip = "Kein Clip: Wählen Sie einen im Media Pool aus oder stellen Sie den Abspielkopf in der Timeline auf einen Clip.",
    engineUnreachable = "Sichter-Engine an Port {port}: {why}",
    notTaken = "die Engine hat die Anfrage nicht angenommen",
    noAnswer = "keine Antwort der Engine in der Zeit",
    notHttp = "die Antwort der Engine ist kein HTTP",
    analysisEnded = "Die Analyse endete: {state}.",
    ["state.failed"] = "fehlgeschlagen",
    ["state.cancelled"] = "abgebrochen",
    ["state.interrupted"] = "unterbrochen",
    engineError = "Die Sichter-Engine meldet einen Fehler.",
    notInResolve = "Sichter: Dieses Skript in DaVinci Resolve starten (Arbeitsbereich > Skripte).",
    noWindow = "Sichter: kein Fenster ({why}); der Fortschritt folgt hier.",
    -- The engine's stages as the panel names them (shared/ui's messages).
    ["stage.queued"] = "Wartet in der Warteschlange",
    ["stage.probe"] = "Datei wird gelesen",
    ["stage.decode"] = "Dekodieren",
    ["stage.shots"] = "Einstellungen finden",
    ["stage.refine"] = "Schnitte genau setzen",
    ["stage.keyframes"] = "Schlüsselbilder wählen",
    ["stage.ocr"] = "Texteinblendungen lesen",
    ["stage.keywords"] = "Schlagwörter finden",
    ["stage.plan"] = "Marker planen",
    ["stage.catalog"] = "Im Katalog speichern",
    ["stage.write"] = "Metadaten schreiben",
  },
  en = {
    windowTitle = "Sichter – logging",
    starting = "Sichter …",
    cancel = "Cancel",
    close = "Close",
    progress = "{clip}: {percent} %",
    progressStage = "{clip} – {stage}: {percent} %",
    summary = "Sichter: {written} written, {unchanged} unchanged, {skipped} skipped, {failed} failed.",
    outcome = "Sichter: {message} ({code})",
    cancelled = "Cancelled: nothing was written.",
    noEngine = "The Sichter engine has not run for this user yet: start it (npm start, or npx sichter serve) and run Sichter again.",
    noClip = "No clip: select one in the media pool, or put the playhead over a clip on the timeline.",
    engineUnreachable = "Sichter engine on port {port}: {why}",
    notTaken = "the engine did not take the request",
    noAnswer = "no answer from the engine in time",
    notHttp = "the engine's answer is not HTTP",
    analysisEnded = "The analysis ended {state}.",
    ["state.failed"] = "failed",
    ["state.cancelled"] = "cancelled",
    ["state.interrupted"] = "interrupted",
    engineError = "The Sichter engine reports an error.",
    notInResolve = "Sichter: run this script from DaVinci Resolve (Workspace > Scripts).",
    noWindow = "Sichter: no window ({why}); progress follows here.",
    ["stage.queued"] = "Waiting in the queue",
    ["stage.probe"] = "Reading the file",
    ["stage.decode"] = "Decoding",
    ["stage.shots"] = "Finding shots",
    ["stage.refine"] = "Placing cuts exactly",
    ["stage.keyframes"] = "Choosing keyframes",
    ["stage.ocr"] = "Reading on-screen text",
    ["stage.keywords"] = "Finding keywords",
    ["stage.plan"] = "Planning markers",
    ["stage.catalog"] = "Saving to the catalog",
    ["stage.write"] = "Writing metadata",
  },
}
Sichter.TEXTS = TEXTS

-- The engine's message per error code, word for word as the engine has them (shared/protocol's
-- messages): the engine words its errors in English only, so the German ones travel with the script.
local ENGINE_MESSAGES = {
  SICHTER_E_USAGE = { en = "{detail}",
    de = "{detail}" },
  SICHTER_E_FILE_NOT_FOUND = { en = "File not found: {path}",
    de = "Datei nicht gefunden: {path}" },
  SICHTER_E_PERMISSION_DENIED = { en = "No permission to read {path}",
    de = "Keine Leseberechtigung für {path}" },
  SICHTER_E_NOT_A_FILE = { en = "Not a regular file: {path}",
    de = "Keine reguläre Datei: {path}" },
  SICHTER_E_PROBE_EMPTY_FILE = { en = "The file is empty (0 bytes): {path}",
    de = "Die Datei ist leer (0 Byte): {path}" },
  SICHTER_E_PROBE_NOT_MEDIA = { en = "Not a media file that ffmpeg can read: {path}",
    de = "Keine Mediendatei, die ffmpeg lesen kann: {path}" },
  SICHTER_E_PROBE_NOT_VIDEO = { en = "The file has no video stream ({streams}): {path}",
    de = "Die Datei hat keine Videospur ({streams}): {path}" },
  SICHTER_E_PROBE_CORRUPT = { en = "The video stream cannot be decoded (damaged or truncated?): {path}",
    de = "Die Videospur lässt sich nicht dekodieren (beschädigt oder abgeschnitten?): {path}" },
  SICHTER_E_TOOL_MISSING = { en = "{tool} cannot be started from {binary}. Reinstall with `npm install` or set {envVar}.",
    de = "{tool} lässt sich nicht starten ({binary}). Mit `npm install` neu installieren oder {envVar} setzen." },
  SICHTER_E_TOOL_FAILED = { en = "{tool} failed on {path}: {detail}",
    de = "{tool} ist bei {path} gescheitert: {detail}" },
  SICHTER_E_CANCELLED = { en = "Cancelled.",
    de = "Abgebrochen." },
  SICHTER_E_TIMECODE_INVALID = { en = "Invalid timecode or frame rate: {detail}",
    de = "Ungültiger Timecode oder ungültige Bildrate: {detail}" },
  SICHTER_E_OUTPUT_NOT_WRITABLE = { en = "Cannot write to {path}: {detail}",
    de = "{path} ist nicht beschreibbar: {detail}" },
  SICHTER_E_XMP_UNSUPPORTED_FORMAT = { en = "Cannot embed metadata into {format} files ({path}); use a sidecar (the default) instead.",
    de = "In {format}-Dateien lassen sich keine Metadaten einbetten ({path}); stattdessen eine Sidecar-Datei verwenden (Standard)." },
  SICHTER_E_XMP_WRITE_FAILED = { en = "Writing metadata for {path} failed, nothing was changed: {detail}",
    de = "Schreiben der Metadaten für {path} fehlgeschlagen, nichts wurde verändert: {detail}" },
  SICHTER_E_CATALOG_UNAVAILABLE = { en = "The catalog at {path} cannot be used: {detail}",
    de = "Der Katalog unter {path} ist nicht nutzbar: {detail}" },
  SICHTER_E_CATALOG_TOO_NEW = { en = "The catalog at {path} was written by a newer Sichter (schema {found}, this one knows {known}). Update Sichter.",
    de = "Der Katalog unter {path} stammt von einem neueren Sichter (Schema {found}, bekannt ist {known}). Bitte Sichter aktualisieren." },
  SICHTER_E_NOT_IN_CATALOG = { en = "Not in the catalog: {what}",
    de = "Nicht im Katalog: {what}" },
  SICHTER_E_QUERY_INVALID = { en = "Cannot understand the search: {detail}",
    de = "Die Suche ist nicht verständlich: {detail}" },
  SICHTER_E_OCR_MODEL_UNAVAILABLE = { en = "The text recognition model cannot be loaded: {detail}",
    de = "Das Texterkennungsmodell lässt sich nicht laden: {detail}" },
  SICHTER_E_ANALYZER_FAILED = { en = "{analyzer} failed on {path}: {detail}",
    de = "{analyzer} ist bei {path} gescheitert: {detail}" },
  SICHTER_E_INTERNAL = { en = "Internal error: {detail}",
    de = "Interner Fehler: {detail}" },
  SICHTER_E_UNAUTHORIZED = { en = "The engine refused the connection: the access token is missing or wrong. `npx sichter token` prints the current one; `npm start` prints a new pairing link.",
    de = "Die Engine hat die Verbindung abgelehnt: Das Zugangstoken fehlt oder ist falsch. `npx sichter token` zeigt das gültige; `npm start` zeigt einen neuen Verbindungslink." },
  SICHTER_E_ORIGIN_REFUSED = { en = "The engine refused a connection from {origin}.",
    de = "Die Engine hat eine Verbindung von {origin} abgelehnt." },
  SICHTER_E_INVALID_REQUEST = { en = "Not a valid engine request: {detail}",
    de = "Keine gültige Anfrage an die Engine: {detail}" },
  SICHTER_E_INVALID_PARAMS = { en = "Invalid parameters for {method}: {detail}",
    de = "Ungültige Parameter für {method}: {detail}" },
  SICHTER_E_METHOD_NOT_FOUND = { en = "The engine does not know {method}. Do client and engine have the same version?",
    de = "Die Engine kennt {method} nicht. Haben Client und Engine dieselbe Version?" },
  SICHTER_E_MESSAGE_TOO_LARGE = { en = "The message is too large ({size} characters, at most {limit}).",
    de = "Die Nachricht ist zu groß ({size} Zeichen, höchstens {limit})." },
  SICHTER_E_RATE_LIMITED = { en = "Too many requests; try again in a moment.",
    de = "Zu viele Anfragen; bitte gleich noch einmal versuchen." },
  SICHTER_E_JOB_NOT_FOUND = { en = "No job {jobId}.",
    de = "Kein Auftrag {jobId}." },
  SICHTER_E_JOB_NOT_FINISHED = { en = "Job {jobId} has no result (state: {state}).",
    de = "Auftrag {jobId} hat kein Ergebnis (Zustand: {state})." },
  SICHTER_E_REQUEST_TIMEOUT = { en = "The engine did not answer {method} within {seconds} s.",
    de = "Die Engine hat auf {method} nicht innerhalb von {seconds} s geantwortet." },
  SICHTER_E_CONNECTION_CLOSED = { en = "The connection to the engine was closed. Is the engine running?",
    de = "Die Verbindung zur Engine wurde getrennt. Läuft die Engine?" },
  SICHTER_E_SHUTTING_DOWN = { en = "The engine is shutting down and takes no new work.",
    de = "Die Engine wird beendet und nimmt keine neuen Aufträge an." },
  SICHTER_E_RESPONSE_INVALID = { en = "The engine's answer to {method} is not understood: {detail}. Do client and engine have the same version?",
    de = "Die Antwort der Engine auf {method} ist unverständlich: {detail}. Haben Client und Engine dieselbe Version?" },
  SICHTER_E_PORT_IN_USE = { en = "Port {port} on 127.0.0.1 is in use (is the engine already running?). Start with --port to choose another.",
    de = "Port {port} auf 127.0.0.1 ist belegt (läuft die Engine schon?). Mit --port lässt sich ein anderer wählen." },
  SICHTER_E_EXTENSION_MANIFEST_INVALID = { en = "The extension in {path} has an invalid manifest: {detail}",
    de = "Die Erweiterung in {path} hat ein ungültiges Manifest: {detail}" },
  SICHTER_E_EXTENSION_ENGINE_MISMATCH = { en = "The extension {extension} in {path} needs Sichter {range}, but this engine is {version}; it was not loaded.",
    de = "Die Erweiterung {extension} in {path} braucht Sichter {range}, diese Engine ist aber {version}; sie wurde nicht geladen." },
  SICHTER_E_EXTENSION_FAILED = { en = "Extension {extension} failed: {detail}",
    de = "Die Erweiterung {extension} ist fehlgeschlagen: {detail}" },
  SICHTER_E_EXTENSION_TIMEOUT = { en = "Extension {extension} did not finish in time and was stopped: {detail}",
    de = "Die Erweiterung {extension} wurde nicht rechtzeitig fertig und wurde beendet: {detail}" },
  SICHTER_E_EXTENSION_OUT_OF_MEMORY = { en = "Extension {extension} used more memory than allowed and was stopped: {detail}",
    de = "Die Erweiterung {extension} brauchte mehr Speicher als erlaubt und wurde beendet: {detail}" },
  SICHTER_E_EXTENSION_CRASHED = { en = "Extension {extension} ended unexpectedly: {detail}",
    de = "Die Erweiterung {extension} wurde unerwartet beendet: {detail}" },
  SICHTER_E_EXTENSION_NOT_FOUND = { en = "No installed extension {extension}. \"sichter extensions list\" shows what is installed.",
    de = "Keine installierte Erweiterung {extension}. \"sichter extensions list\" zeigt, was installiert ist." },
  SICHTER_E_CONFIG_INVALID = { en = "The settings file {file} is invalid: {detail}",
    de = "Die Einstellungsdatei {file} ist ungültig: {detail}" },
  SICHTER_E_PRIVACY_LOCAL_ONLY = { en = "Sichter is in local-only mode: nothing is sent to {provider}. Enable the provider in the settings to use it.",
    de = "Sichter arbeitet nur lokal: an {provider} wird nichts gesendet. Aktivieren Sie den Anbieter in den Einstellungen, um ihn zu nutzen." },
  SICHTER_E_PRIVACY_INSECURE_ENDPOINT = { en = "Refused to send to {url}: endpoints off this machine must use HTTPS.",
    de = "Senden an {url} verweigert: Gegenstellen außerhalb dieses Rechners müssen HTTPS verwenden." },
  SICHTER_E_PRIVACY_REDIRECT_REFUSED = { en = "{provider} answered with a redirect to {location}; Sichter does not follow redirects.",
    de = "{provider} hat auf {location} umgeleitet; Sichter folgt keinen Umleitungen." },
  SICHTER_E_PRIVACY_CERTIFICATE_INVALID = { en = "The TLS certificate of {url} could not be verified: {detail}",
    de = "Das TLS-Zertifikat von {url} konnte nicht geprüft werden: {detail}" },
  SICHTER_E_PRIVACY_IMAGE_REFUSED = { en = "An image was not sent because it breaks the privacy rules: {detail}",
    de = "Ein Bild wurde nicht gesendet, weil es gegen die Datenschutzregeln verstößt: {detail}" },
  SICHTER_E_PROVIDER_NOT_CONFIGURED = { en = "Keyword provider {provider} is missing a setting: {detail}",
    de = "Dem Schlagwortanbieter {provider} fehlt eine Einstellung: {detail}" },
  SICHTER_E_PROVIDER_UNAVAILABLE = { en = "Keyword provider {provider} could not be reached: {detail}",
    de = "Der Schlagwortanbieter {provider} war nicht erreichbar: {detail}" },
  SICHTER_E_PROVIDER_RATE_LIMITED = { en = "Keyword provider {provider} is rate-limiting requests: {detail}",
    de = "Der Schlagwortanbieter {provider} begrenzt die Anfragen: {detail}" },
  SICHTER_E_PROVIDER_REJECTED = { en = "Keyword provider {provider} refused the request: {detail}",
    de = "Der Schlagwortanbieter {provider} hat die Anfrage abgelehnt: {detail}" },
  SICHTER_E_PROVIDER_RESPONSE_INVALID = { en = "Keyword provider {provider} gave an answer that does not match its format: {detail}",
    de = "Die Antwort des Schlagwortanbieters {provider} entspricht nicht dem erwarteten Format: {detail}" },
  SICHTER_E_PROVIDER_CIRCUIT_OPEN = { en = "Keyword provider {provider} failed repeatedly; it is paused until {until}.",
    de = "Der Schlagwortanbieter {provider} ist wiederholt fehlgeschlagen und pausiert bis {until}." },
  SICHTER_E_XMP_SIDECAR_READ_ONLY = { en = "The sidecar {path} is read-only, so Sichter left it unchanged. To let Sichter add its tags, make the file writable (e.g. chmod u+w), or analyse without XMP (catalog only).",
    de = "Die Sidecar-Datei {path} ist schreibgeschützt, Sichter hat sie nicht verändert. Damit Sichter seine Tags ergänzt, den Schreibschutz aufheben (z. B. chmod u+w) oder ohne XMP analysieren (nur Katalog)." },
  SICHTER_E_XMP_MEDIA_READ_ONLY = { en = "The media file {path} is read-only, so Sichter did not embed metadata into it. To allow embedding, make the file writable (e.g. chmod u+w), or write a sidecar instead (the default).",
    de = "Die Mediendatei {path} ist schreibgeschützt, Sichter hat keine Metadaten eingebettet. Zum Einbetten den Schreibschutz aufheben (z. B. chmod u+w) oder stattdessen eine Sidecar-Datei schreiben (Standard)." },
  SICHTER_E_MEDIA_NOT_ALLOWED = { en = "{path} is not inside a media folder you allowed. Allow its folder with `npx sichter serve --media <folder>` or in media.json in the config folder.",
    de = "{path} liegt in keinem freigegebenen Medienordner. Den Ordner mit `npx sichter serve --media <Ordner>` oder in media.json im Konfigurationsordner freigeben." },
  SICHTER_E_ENGINE_ALREADY_RUNNING = { en = "Another Sichter engine already uses this catalog and these folders (pid {pid}, port {port}). Connect to that one, or stop it before starting another; a second engine needs its own SICHTER_HOME. If no engine is running, delete {file}.",
    de = "Eine andere Sichter-Engine verwendet diesen Katalog und diese Ordner bereits (PID {pid}, Port {port}). Mit ihr verbinden oder sie vor dem Start einer weiteren beenden; eine zweite Engine braucht ein eigenes SICHTER_HOME. Läuft keine Engine, {file} löschen." },
  SICHTER_E_TOOL_KILLED = { en = "{tool} was ended by signal {signal} while working on {path}; this says nothing about the file. The system may have run out of memory, or another program stopped it. Try again.",
    de = "{tool} wurde bei der Arbeit an {path} durch das Signal {signal} beendet; über die Datei sagt das nichts. Vielleicht war der Arbeitsspeicher knapp, oder ein anderes Programm hat es gestoppt. Bitte noch einmal versuchen." },
  SICHTER_E_TOOL_NOT_EXECUTABLE = { en = "{tool} at {binary} may not be run by this user (mode {mode}). Let every user run it with chmod a+rx \"{binary}\" (as its owner or an administrator), or set {envVar} to a {tool} this user may run.",
    de = "{tool} unter {binary} darf von diesem Benutzer nicht ausgeführt werden (Modus {mode}). Mit chmod a+rx \"{binary}\" (als Eigentümer oder Administrator) für alle Benutzer freigeben oder {envVar} auf ein {tool} setzen, das dieser Benutzer ausführen darf." },
  SICHTER_E_CATALOG_READ_ONLY = { en = "The catalog at {path} cannot be written, and Sichter keeps its jobs and analyses there, so it was not opened. Nothing was changed. Fix these files, then start again:{files}",
    de = "Der Katalog unter {path} ist nicht beschreibbar; Sichter speichert dort Aufträge und Analysen und hat ihn deshalb nicht geöffnet. Nichts wurde verändert. Diese Dateien korrigieren, dann neu starten:{files}" },
  SICHTER_E_PATH_INVALID = { en = "This path cannot be used: {problem}. Path: {path}",
    de = "Dieser Pfad ist nicht verwendbar: {problemDe}. Pfad: {path}" },
  SICHTER_E_DISK_FULL = { en = "The disk holding {path} is full ({detail}). Free some space there, then start again.",
    de = "Der Datenträger mit {path} ist voll ({detail}). Dort Platz schaffen, dann neu starten." },
  SICHTER_E_HOST_WRITE_REFUSED = { en = "{host} refused to write {what} on {target}; nothing was changed there.",
    de = "{host} hat das Schreiben von {what} bei {target} abgelehnt; dort wurde nichts verändert." },
  SICHTER_E_HOST_WRITE_NOT_KEPT = { en = "{host} reported {what} on {target} as written, but reading it back gives \"{found}\". This field may not take scripted writes in this version: enter it by hand, or update {host}.",
    de = "{host} hat {what} bei {target} als geschrieben gemeldet, beim Zurücklesen steht dort aber „{found}“. Dieses Feld nimmt in dieser Version vielleicht keine Skript-Änderungen an: von Hand eintragen oder {host} aktualisieren." },
  SICHTER_E_MARKER_FRAME_OCCUPIED = { en = "Frames {from} to {to} of {target} already hold your own markers (\"{occupant}\"), so Sichter did not add its marker \"{name}\". Your markers were left as they are.",
    de = "Die Frames {from} bis {to} von {target} tragen bereits eigene Marker („{occupant}“), deshalb hat Sichter seinen Marker „{name}“ nicht gesetzt. Ihre Marker blieben unverändert." },
  SICHTER_E_HOST_NOT_AVAILABLE = { en = "Sichter cannot reach {host}: {detail}",
    de = "Sichter erreicht {host} nicht: {detail}" },
  SICHTER_E_FRAME_RATE_TOO_LOW = { en = "{path} shows one picture every {seconds} s ({rate} frames per second). Timecode needs at least one frame per second, so its pictures cannot be marked. Convert it to a regular rate first, e.g. ffmpeg -i in -r 25 out.mp4.",
    de = "{path} zeigt nur alle {seconds} s ein Bild ({rate} Bilder pro Sekunde). Timecode braucht mindestens ein Bild pro Sekunde, deshalb lassen sich seine Bilder nicht markieren. Zuerst in eine reguläre Bildrate umwandeln, z. B. ffmpeg -i ein -r 25 aus.mp4." },
  SICHTER_E_MEDIA_TRUNCATED = { en = "{path} is cut short: its container lists {declaredFrames} frames ({declaredSeconds} s), only the first {frames} ({seconds} s) are in the file. The {missingFrames} frames from {timecode} on are missing and were not analysed; copy the file again from its source.",
    de = "{path} ist abgeschnitten: Der Container nennt {declaredFrames} Bilder ({declaredSeconds} s), in der Datei stehen nur die ersten {frames} ({seconds} s). Die {missingFrames} Bilder ab {timecode} fehlen und wurden nicht analysiert; die Datei erneut von der Quelle kopieren." },
}
Sichter.ENGINE_MESSAGES = ENGINE_MESSAGES

-- A template with its {name} placeholders filled; nil when `complete` and a value is missing.
local function fill(template, params, complete)
  local missing = false
  local text = template:gsub("{(%w+)}", function(name)
    local value = params and params[name]
    if value == nil then missing = true return nil end
    return tostring(value)
  end)
  if complete and missing then return nil end
  return text
end

-- The script's own text for `key` in `locale`.
local function say(locale, key, params)
  local template = (TEXTS[locale] or TEXTS.en)[key] or TEXTS.en[key] or key
  return fill(template, params, false)
end
Sichter.say = say

-- The params of an engine error of which only code and text travelled (a job's stored error), read
-- back from the text: the engine words its messages with the English template of the code.
local function params_from_message(template, message)
  local names, parts, pos = {}, { "^" }, 1
  while true do
    local from, to, name = template:find("{(%w+)}", pos)
    parts[#parts + 1] = (template:sub(pos, from and from - 1 or -1):gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0"))
    if not from then break end
    local seen
    for i, n in ipairs(names) do if n == name then seen = i end end
    if seen then
      parts[#parts + 1] = "%" .. seen
    else
      names[#names + 1] = name
      parts[#parts + 1] = "(.-)"
    end
    pos = to + 1
  end
  parts[#parts + 1] = "$"
  if #names == 0 then return {} end
  local values = { message:match(table.concat(parts)) }
  if values[1] == nil then return nil end
  local params = {}
  for i, name in ipairs(names) do params[name] = values[i] end
  return params
end

-- An error {code, message, params?, text?} in the editor's words: the script's own errors carry
-- their text; an engine error gets the engine's message for its code in `locale` (its params sent
-- or read back from the English text), else in English the engine's own text, else a short text.
function Sichter.error_text(err, locale)
  if err.text then return err.text end
  local message = trim(tostring(err.message or ""))
  local known = ENGINE_MESSAGES[err.code]
  if known then
    local params = type(err.params) == "table" and err.params or params_from_message(known.en, message)
    local text = params and fill(known[locale] or known.en, params, true)
    if text then return text end
  end
  if locale == "en" and message ~= "" then return message end
  return say(locale, "engineError")
end

local function is_german(value)
  value = tostring(value or ""):lower()
  -- A mixed C locale ("LC_CTYPE=de_DE.UTF-8;LC_NUMERIC=C;…"): its messages' or characters' part.
  value = value:match("lc_messages=([^;]*)") or value:match("lc_ctype=([^;]*)") or value
  return value:sub(1, 2) == "de" or value:sub(1, 6) == "german"
end

-- kernel32's (LuaJIT's ffi.C holds it on Windows): a LANGID, primary language in the low ten bits.
if ffi.os == "Windows" then cdef("uint16_t GetUserDefaultUILanguage(void);") end

-- Where the system keeps its language; the tests stand in for it.
local SYSTEM = {
  os = ffi.os,
  ui_language = function() return tonumber(ffi.C.GetUserDefaultUILanguage()) end,
  -- Asks, changes nothing.
  setlocale = function() return os.setlocale(nil, "all") end,
}
local LANG_GERMAN = 0x07

-- "de" or "en": Sichter's SICHTER_LANG, else the system's language, else English.
function Sichter.locale(getenv, system)
  getenv = getenv or os.getenv
  system = system or SYSTEM
  local chosen = getenv("SICHTER_LANG")
  if chosen and chosen ~= "" then return is_german(chosen) and "de" or "en" end
  if system.os == "Windows" then
    local ok, id = pcall(system.ui_language)
    if ok and tonumber(id) and tonumber(id) > 0 then return bit.band(tonumber(id), 0x3ff) == LANG_GERMAN and "de" or "en" end
  else
    for _, name in ipairs({ "LC_ALL", "LC_MESSAGES", "LANG" }) do
      local value = getenv(name)
      if value and value ~= "" then return is_german(value) and "de" or "en" end
    end
  end
  local ok, current = pcall(system.setlocale)
  if ok and current and current ~= "" then return is_german(current) and "de" or "en" end
  return "en"
end

---------------------------------------------------------------------------------------------------
-- The engine: its token and port from Sichter's folders, JSON-RPC over POST /rpc
---------------------------------------------------------------------------------------------------
local function join(...) return table.concat({ ... }, ffi.os == "Windows" and "\\" or "/") end

function Sichter.folders(getenv)
  getenv = getenv or os.getenv
  local home = getenv("SICHTER_HOME")
  if home and home ~= "" then return { config = join(home, "config"), data = join(home, "data") } end
  if ffi.os == "Windows" then
    local user = getenv("USERPROFILE") or ""
    local roaming = getenv("APPDATA") or join(user, "AppData", "Roaming")
    local localdata = getenv("LOCALAPPDATA") or join(user, "AppData", "Local")
    return { config = join(roaming, "Sichter", "config"), data = join(localdata, "Sichter", "data") }
  end
  local user = getenv("HOME") or ""
  if ffi.os == "OSX" then
    local base = join(user, "Library", "Application Support", "Sichter")
    return { config = join(base, "config"), data = join(base, "data") }
  end
  return { config = join(getenv("XDG_CONFIG_HOME") or join(user, ".config"), "sichter"),
    data = join(getenv("XDG_DATA_HOME") or join(user, ".local", "share"), "sichter") }
end

local function read_file(path)
  local file = io.open(path, "rb")
  if not file then return nil end
  local text = file:read("*a")
  file:close()
  return text
end

Sichter.DEFAULT_PORT = 7431

function Sichter.discover(getenv)
  local folders = Sichter.folders(getenv)
  local token = read_file(join(folders.config, "engine-token"))
  token = token and trim(token)
  if not token or token == "" then return nil end
  local port = Sichter.DEFAULT_PORT
  local runtime = read_file(join(folders.data, "engine.json"))
  if runtime then
    local ok, value = pcall(json.decode, runtime)
    if ok and type(value) == "table" and tonumber(value.port) then port = tonumber(value.port) end
  end
  return { port = port, token = token }
end

-- A client for the engine: call(method, params) answers result, or nil and {code, message, params}
-- (an engine error) or {code, message, text} (the script's own words, in `locale`: "en" unless given).
function Sichter.engine(address, locale)
  locale = locale or "en"
  local next_id = 0
  local client = {}
  function client.call(method, params, timeout)
    next_id = next_id + 1
    local body = json.encode({ jsonrpc = "2.0", id = next_id, method = method, params = params or {} })
    local answer, why = net.post(address.port, "/rpc", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. address.token }, body, timeout)
    if not answer then
      local text = say(locale, "engineUnreachable", { port = address.port, why = TEXTS.en[why] and say(locale, why) or why })
      return nil, { code = "SICHTER_E_CONNECTION_CLOSED", message = text, text = text }
    end
    local ok, message = pcall(json.decode, answer.body)
    if not ok or type(message) ~= "table" then
      local params = { method = method, detail = "HTTP " .. tostring(answer.status) }
      return nil, { code = "SICHTER_E_RESPONSE_INVALID", message = fill(ENGINE_MESSAGES.SICHTER_E_RESPONSE_INVALID.en, params), params = params }
    end
    if answer.status ~= 200 then return nil, { code = message.code or "SICHTER_E_INTERNAL", message = message.message or ("HTTP " .. answer.status) } end
    if message.error then
      local data = message.error.data or {}
      return nil, { code = data.code or "SICHTER_E_INTERNAL", message = message.error.message or "", params = data.params }
    end
    return message.result
  end
  return client
end

---------------------------------------------------------------------------------------------------
-- One run: analyse the current clip if the catalog lacks it, then apply its plan
---------------------------------------------------------------------------------------------------
local ENDED = { completed = true, failed = true, cancelled = true, interrupted = true }

-- A run in short steps, so that Resolve's UI manager can show progress and hear a cancel between
-- two of them (a script blocks Resolve while it runs). options: resolve, getenv, language of the
-- tags ("de"), locale ("de" or "en") of the script's words (else Sichter.locale's),
-- progress(clip name, fraction, stage in words or nil). task.step() does the next short exchange
-- and answers true once the run has ended: then task.report (the apply report) or task.err
-- {code, message, params?, text?} (Sichter.error_text words it), and task.clip.
-- task.cancel() asks the engine to cancel the analysis under way; nothing is written after it.
function Sichter.start(options)
  local progress = options.progress or function() end
  local language = options.language or "de"
  local locale = TEXTS[options.locale or ""] and options.locale or Sichter.locale(options.getenv)
  local function own(code, key, params)
    local text = say(locale, key, params)
    return { code = code, message = text, text = text }
  end
  local task = { done = false, locale = locale }
  local engine, clip, job_id
  local function finish(report, err)
    task.done, task.report, task.err = true, report, err
    return true
  end
  local function plan_and_apply()
    local planned, err = engine.call("tags.plan", { path = clip.mediaPath, language = language })
    if not planned then return finish(nil, err) end
    progress(clip.name, 1)
    return finish(Sichter.apply_plan(options.resolve, planned.plan, clip))
  end
  local function begin()
    local address = Sichter.discover(options.getenv)
    if not address then
      return finish(nil, own("SICHTER_E_CONNECTION_CLOSED", "noEngine"))
    end
    engine = Sichter.engine(address, locale)
    clip = Sichter.current_clip(options.resolve)
    task.clip = clip
    if not clip then
      return finish(nil, own("SICHTER_E_USAGE", "noClip"))
    end
    progress(clip.name, 0)
    if engine.call("catalog.clip", { path = clip.mediaPath }) then return plan_and_apply() end
    local started, err = engine.call("clip.analyze", { path = clip.mediaPath, options = { write = "none", language = language } })
    if not started then return finish(nil, err) end
    job_id = started.jobId
    return false
  end
  local function poll()
    local job, err = engine.call("job.get", { jobId = job_id })
    if not job then return finish(nil, err) end
    -- A stage the script does not know is shown as the engine names it.
    local stage = job.stage and (TEXTS[locale]["stage." .. job.stage] or job.stage)
    progress(clip.name, job.fraction or 0, stage)
    if not ENDED[job.state] then return false end
    job_id = nil
    if job.state ~= "completed" then
      return finish(nil, job.error or own("SICHTER_E_CANCELLED", "analysisEnded", { state = say(locale, "state." .. job.state) }))
    end
    return plan_and_apply()
  end
  function task.step()
    if task.done then return true end
    if not engine then return begin() end
    return poll()
  end
  function task.cancel()
    if task.done then return end
    if job_id then engine.call("job.cancel", { jobId = job_id }) end
    finish(nil, own("SICHTER_E_CANCELLED", "cancelled"))
  end
  return task
end

-- The whole run at once, waiting pollSeconds (0.5) between two looks at the analysis. Answers the
-- apply report, or nil and an error {code, message}; and the clip.
function Sichter.run(options)
  local sleep = options.sleep or net.sleep
  local task = Sichter.start(options)
  while not task.step() do sleep(options.pollSeconds or 0.5) end
  return task.report, task.err, task.clip
end

---------------------------------------------------------------------------------------------------
-- Inside Resolve: a small window from Resolve's UI manager where there is one, else the console
---------------------------------------------------------------------------------------------------
local function summary(report, locale)
  local counts = { written = 0, unchanged = 0, skipped = 0, failed = 0 }
  local problems = {}
  for _, item in ipairs(report.items) do
    counts[item.status] = (counts[item.status] or 0) + 1
    if item.error then problems[#problems + 1] = item.target .. " (" .. item.error.code .. ")" end
  end
  local text = say(locale or "en", "summary", counts)
  if #problems > 0 then text = text .. "\n" .. table.concat(problems, "\n") end
  return text
end
Sichter.summary = summary

local function outcome_text(task)
  if task.report then return summary(task.report, task.locale) end
  return say(task.locale, "outcome", { message = Sichter.error_text(task.err, task.locale), code = task.err.code })
end

local function progress_text(locale, name, fraction, stage)
  return say(locale, stage and "progressStage" or "progress", { clip = name, stage = stage, percent = math.floor(fraction * 100 + 0.5) })
end

-- Resolve's UI manager, where this Resolve has one: fu.UIManager (or the Fusion object's) and bmd.UIDispatcher.
local function ui_manager(host)
  local fusion = rawget(_G, "fu") or rawget(_G, "fusion")
  if not fusion and host then
    local ok, value = pcall(function() return host:Fusion() end)
    fusion = ok and value or nil
  end
  local ok, ui = pcall(function() return fusion and fusion.UIManager end)
  local bmd = rawget(_G, "bmd")
  if ok and ui and bmd and bmd.UIDispatcher then return ui, bmd end
  return nil
end

Sichter.POLL_MS = 500

-- The run in a small window: the clip and how far its analysis is, a Cancel button that becomes
-- Close once the run has ended. A timer does one step per tick, so Resolve's UI stays live between
-- two steps and the button is heard. Answers the task once the window is closed.
local function run_in_window(host, ui, bmd, locale)
  local disp = bmd.UIDispatcher(ui)
  local window = disp:AddWindow({ ID = "SichterWindow", WindowTitle = say(locale, "windowTitle"), Geometry = { 200, 200, 440, 140 } },
    ui:VGroup({
      ui:Label({ ID = "Status", Text = say(locale, "starting"), WordWrap = true }),
      ui:HGroup({ ui:Button({ ID = "Cancel", Text = say(locale, "cancel") }) }),
    }))
  local items = window:GetItems()
  local task = Sichter.start({ resolve = host, locale = locale,
    progress = function(name, fraction, stage) items.Status.Text = progress_text(locale, name, fraction, stage) end })
  local timer = ui:Timer({ ID = "SichterTick", Interval = Sichter.POLL_MS })
  local function ended()
    timer:Stop()
    items.Status.Text = outcome_text(task)
    items.Cancel.Text = say(locale, "close")
  end
  local function tick()
    if task.done then return end
    local ok, finished = pcall(task.step)
    if not ok then task.done, task.err = true, { code = "SICHTER_E_INTERNAL", message = tostring(finished), params = { detail = tostring(finished) } } end
    if task.done then ended() end
  end
  -- Fusion's UI manager hands a timeout to the window's handler of the timer's ID, or to the dispatcher's.
  window.On.SichterTick.Timeout = tick
  disp.On.Timeout = tick
  window.On.Cancel.Clicked = function()
    if task.done then disp:ExitLoop() return end
    task.cancel()
    ended()
  end
  window.On.SichterWindow.Close = function()
    task.cancel()
    timer:Stop()
    disp:ExitLoop()
  end
  window:Show()
  timer:Start()
  disp:RunLoop()
  window:Hide()
  return task
end

function Sichter.main()
  local host = rawget(_G, "resolve") or (type(rawget(_G, "Resolve")) == "function" and Resolve()) or nil
  local locale = Sichter.locale()
  if not host then print(say(locale, "notInResolve")) return end
  local ui, bmd = ui_manager(host)
  if ui then
    local ok, task = pcall(run_in_window, host, ui, bmd, locale)
    if ok then return task end
    print(say(locale, "noWindow", { why = tostring(task) }))
  end
  -- No UI manager (or it failed): progress and the outcome in Resolve's console.
  local task = Sichter.start({ resolve = host, locale = locale,
    progress = function(name, fraction, stage) print(progress_text(locale, name, fraction, stage)) end })
  while not task.step() do net.sleep(Sichter.POLL_MS / 1000) end
  print(outcome_text(task))
  return task
end

if not rawget(_G, "SICHTER_NO_MAIN") then Sichter.main() end
return Sichter
