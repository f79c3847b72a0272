-- Checks that the simulated UI manager keeps the documented rules (run: luajit ui_manager_simulator_test.lua).
package.path = (arg and arg[0] and arg[0]:match("^(.*[/\\])") or "./") .. "?.lua;" .. package.path
local U = require("ui_manager_simulator")
local passed = 0
local function check(name, condition)
  if not condition then error("failed: " .. name, 2) end
  passed = passed + 1
end
local function fails(f) return not pcall(f) end

local slept = 0
local sim = U.new({ sleep = function(s) slept = slept + s end, user = { { click = "Go", whenText = "^ready$" }, { close = true, whenText = "^clicked$" } } })
local ui, disp = sim.fu.UIManager, sim.bmd.UIDispatcher(sim.fu.UIManager)
check("colon calls only", fails(function() return ui.Label({ Text = "x" }) end))
check("window needs an ID", fails(function() disp:AddWindow({}, ui:VGroup({})) end))
check("unique element IDs", fails(function() disp:AddWindow({ ID = "W0" }, ui:VGroup({ ui:Label({ ID = "A" }), ui:Label({ ID = "A" }) })) end))
local win = disp:AddWindow({ ID = "W", WindowTitle = "T" }, ui:VGroup({ ui:Label({ ID = "L", Text = "start" }), ui:Button({ ID = "Go", Text = "Go" }) }))
local items = win:GetItems()
local ticks, by_dispatcher = 0, 0
local timer = ui:Timer({ ID = "Tick", Interval = 250 })
local other = ui:Timer({ ID = "Other", Interval = 1000, SingleShot = true })
win.On.Tick.Timeout = function()
  ticks = ticks + 1
  if ticks == 2 then items.L.Text = "ready" end
end
disp.On.Timeout = function(ev) if ev.who == "Other" then by_dispatcher = by_dispatcher + 1 end end
win.On.Go.Clicked = function() items.L.Text = "clicked" end
win.On.W.Close = function() timer:Stop() disp:ExitLoop() end
win:Show()
timer:Start()
other:Start()
disp:RunLoop()
check("timer ticks until the editor acts", ticks == 2 and slept == 0.5)
check("click after the text", sim.log[#sim.log - 3].event == "click" and items.L.Text == "clicked")
check("close handler ends the loop", sim.log[#sim.log].event == "exit")
check("a timer not yet due does not fire", by_dispatcher == 0)

local idle = U.new({})
local idle_disp = idle.bmd.UIDispatcher(idle.fu.UIManager)
idle_disp:AddWindow({ ID = "W" }, idle.fu.UIManager:VGroup({ idle.fu.UIManager:Button({ ID = "B", Text = "b" }) })):Show()
check("a loop with nothing to wait for is an error", fails(function() idle_disp:RunLoop() end))

local later = U.new({ user = { { click = "B" } } })
local lui = later.fu.UIManager
local ldisp = later.bmd.UIDispatcher(lui)
local lwin = ldisp:AddWindow({ ID = "W" }, lui:HGroup({ lui:Button({ ID = "B", Text = "b", Enabled = false }) }))
local single = lui:Timer({ ID = "Once", Interval = 10, SingleShot = true })
local heard = 0
ldisp.On.Timeout = function() heard = heard + 1 ldisp:ExitLoop() end
lwin.On.B.Clicked = function() error("a disabled button was clicked") end
lwin:Show()
single:Start()
ldisp:RunLoop()
check("a disabled button hears no click", later.log[3].event == "click-disabled")
check("dispatcher hears a timer no window handles", heard == 1)
print("ok " .. passed)
