-- Test support: runs Sichter.lua in LuaJIT against the Lua Resolve simulator.
--   luajit run_scene.lua scene.json   -- builds the scene, runs Sichter `runs` times, prints the outcome as JSON
-- scene.json: see build_scene.lua; runs, language.
local here = arg[0]:match("^(.*[/\\])") or "./"
package.path = here .. "../../test/simulators/lua/?.lua;" .. package.path
rawset(_G, "SICHTER_NO_MAIN", true)
local Sichter = dofile(here .. "../Sichter.lua")
local Simulator = require("resolve_simulator")
local json = Sichter.json

local scene = json.decode(io.open(arg[1], "rb"):read("*a"))
local sim, state = dofile(here .. "build_scene.lua")(Simulator, json, scene)

local runs = {}
for i = 1, scene.runs or 1 do
  local report, err, clip = Sichter.run({ resolve = sim.resolve, pollSeconds = 0.2, language = scene.language or "de" })
  runs[i] = { report = report, error = err, clip = clip }
end
io.write(json.encode({ runs = runs, state = state() }))
