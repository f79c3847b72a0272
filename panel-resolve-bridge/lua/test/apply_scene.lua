-- Test support: applies a given tag plan with Sichter.lua's rules (no engine) in LuaJIT against the
-- Lua Resolve simulator, `runs` times, to the current clip.
--   luajit apply_scene.lua input.json   -- input: { scene (see build_scene.lua), plan, runs }; prints JSON
local here = arg[0]:match("^(.*[/\\])") or "./"
package.path = here .. "../../test/simulators/lua/?.lua;" .. package.path
rawset(_G, "SICHTER_NO_MAIN", true)
local Sichter = dofile(here .. "../Sichter.lua")
local Simulator = require("resolve_simulator")
local json = Sichter.json

local input = json.decode(io.open(arg[1], "rb"):read("*a"))
local sim, state = dofile(here .. "build_scene.lua")(Simulator, json, input.scene)
local clip = Sichter.current_clip(sim.resolve)
local reports = json.array()
for i = 1, input.runs or 1 do reports[i] = Sichter.apply_plan(sim.resolve, input.plan, clip) end
io.write(json.encode({ clip = clip, reports = reports, state = state() }))
