-- Test support: runs Sichter.lua as Resolve runs it from Workspace > Scripts (Sichter.main with the
-- `resolve` global), in LuaJIT against the Lua Resolve simulator and, when `ui` is set, the
-- simulated UI manager (`fu` and `bmd` globals) with a scripted editor.
--   luajit run_window.lua input.json   -- prints the outcome as JSON (report, error, the UI manager's
--   log, every text an element showed, the windows' titles, what was printed, the scene's state)
-- input.json: { scene (see build_scene.lua), ui: true|false, user: [{click, close, whenText}], pollMs }
local here = arg[0]:match("^(.*[/\\])") or "./"
package.path = here .. "../../test/simulators/lua/?.lua;" .. package.path
rawset(_G, "SICHTER_NO_MAIN", true)
local Sichter = dofile(here .. "../Sichter.lua")
local Simulator = require("resolve_simulator")
local UiManager = require("ui_manager_simulator")
local json = Sichter.json

local input = json.decode(io.open(arg[1], "rb"):read("*a"))
local sim, state = dofile(here .. "build_scene.lua")(Simulator, json, input.scene)
Sichter.POLL_MS = input.pollMs or Sichter.POLL_MS

local ui
rawset(_G, "resolve", sim.resolve)
if input.ui then
  ui = UiManager.new({ sleep = Sichter.net.sleep, user = input.user or {} })
  rawset(_G, "fu", ui.fu)
  rawset(_G, "bmd", ui.bmd)
end
-- Resolve's console: what the script prints.
local printed = json.array()
rawset(_G, "print", function(...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
  printed[#printed + 1] = table.concat(parts, "\t")
end)

local task = Sichter.main()
-- Every text an element showed, its first ones too, and the windows' titles.
local titles = json.array()
for _, win in ipairs(ui and ui.windows or {}) do titles[#titles + 1] = win.title end
io.write(json.encode({
  shown = ui and ui.texts or json.array(),
  titles = titles,
  report = task and task.report,
  error = task and task.err,
  log = ui and ui.log or json.array(),
  printed = printed,
  state = state(),
}))
