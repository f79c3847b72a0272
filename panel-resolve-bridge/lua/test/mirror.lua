-- Test support: the Lua script's pure rules on cases a test writes, for comparison with the plugin's.
--   luajit mirror.lua cases.json  -> JSON {layouts, keywords, lines, timecodes, json}
local here = arg[0]:match("^(.*[/\\])") or "./"
rawset(_G, "SICHTER_NO_MAIN", true)
local Sichter = dofile(here .. "../Sichter.lua")
local json = Sichter.json
local cases = json.decode(io.open(arg[1], "rb"):read("*a"))
local out = { layouts = json.array(), keywords = json.array(), lines = json.array(), timecodes = json.array(), json = json.array() }
for _, c in ipairs(cases.layouts) do
  local rate = Sichter.parse_rate(c.plan.frameRate)
  local laid = Sichter.layout_markers(c.plan, function(frame) return Sichter.format_timecode(c.start + frame, rate, c.dropFrame) end)
  for _, m in ipairs(laid) do m.color = Sichter.COLOR[m.color] end
  out.layouts[#out.layouts + 1] = json.array(laid)
end
for _, c in ipairs(cases.keywords) do out.keywords[#out.keywords + 1] = Sichter.merge_keywords(c.existing, c.wanted, c.withdrawn) end
for _, c in ipairs(cases.lines) do out.lines[#out.lines + 1] = Sichter.with_sichter_line(c.existing, c.text) end
for _, c in ipairs(cases.timecodes) do
  local rate = Sichter.parse_rate(c.rate)
  local label = Sichter.format_timecode(c.frame, rate, c.dropFrame)
  out.timecodes[#out.timecodes + 1] = { label = label, back = Sichter.parse_timecode(label, rate, c.dropFrame) }
end
for _, text in ipairs(cases.json) do out.json[#out.json + 1] = json.encode(json.decode(text)) end
io.write(json.encode(out))
