-- Test support: runs Sichter.lua in LuaJIT against the Lua Resolve simulator.
--   luajit run_scene.lua scene.json   -- builds the scene, runs Sichter once, prints the outcome as JSON
-- scene.json: { version, clips: [{name, filePath, fps, frames, startTimecode, markers: [[frame, color, name, note, duration, customData]], metadata: {field: value}}],
--               timeline: {name, fps, dropFrame, placements: [{clip, inFrame, outFrame, recordFrame, track}], playhead, markers: [...]}, page, select: [clip names] }
local here = arg[0]:match("^(.*[/\\])") or "./"
package.path = here .. "../../test/simulators/lua/?.lua;" .. package.path
rawset(_G, "SICHTER_NO_MAIN", true)
local Sichter = dofile(here .. "../Sichter.lua")
local Simulator = require("resolve_simulator")
local json = Sichter.json

local scene = json.decode(io.open(arg[1], "rb"):read("*a"))
local sim = Simulator.new({ version = scene.version, fieldsNotKept = scene.fieldsNotKept })
local clips, order = {}, {}
for _, spec in ipairs(scene.clips) do
  local clip = sim.add_clip({ name = spec.name, filePath = spec.filePath, fps = spec.fps, frames = spec.frames, startTimecode = spec.startTimecode, dropFrame = spec.dropFrame })
  for _, m in ipairs(spec.markers or {}) do clip:AddMarker(m[1], m[2], m[3], m[4], m[5], m[6]) end
  for field, value in pairs(spec.metadata or {}) do clip.values[field] = value end
  clips[spec.name] = clip
  order[#order + 1] = spec.name
end
local timeline
if scene.timeline then
  timeline = sim.add_timeline({ name = scene.timeline.name, fps = scene.timeline.fps, dropFrame = scene.timeline.dropFrame })
  for _, p in ipairs(scene.timeline.placements or {}) do
    sim.place(timeline, { clip = clips[p.clip], inFrame = p.inFrame, outFrame = p.outFrame, recordFrame = p.recordFrame, track = p.track })
  end
  sim.set_playhead(timeline, scene.timeline.playhead or 0)
  for _, m in ipairs(scene.timeline.markers or {}) do timeline:AddMarker(m[1], m[2], m[3], m[4], m[5], m[6]) end
end
if scene.page then sim.page = scene.page end
if scene.select then
  local selected = {}
  for _, name in ipairs(scene.select) do selected[#selected + 1] = clips[name] end
  sim.select_pool(unpack(selected))
end

local runs = {}
for i = 1, scene.runs or 1 do
  local report, err, clip = Sichter.run({ resolve = sim.resolve, pollSeconds = 0.2, language = scene.language or "de" })
  runs[i] = { report = report, error = err, clip = clip }
end

local function markers_of(owner)
  local out = json.array()
  for _, frame in ipairs(owner.markers.frames()) do
    local info = owner.markers.by_frame[frame]
    out[#out + 1] = { frame = frame, color = info.color, duration = info.duration, note = info.note, name = info.name, customData = info.customData }
  end
  return out
end
local state = { clips = {}, timeline = timeline and markers_of(timeline) or json.array() }
for _, name in ipairs(order) do state.clips[name] = { markers = markers_of(clips[name]), metadata = clips[name].values } end
io.write(json.encode({ runs = runs, state = state }))
