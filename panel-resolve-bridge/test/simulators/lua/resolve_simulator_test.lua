-- Checks that the Lua Resolve simulator keeps the documented rules (run: luajit resolve_simulator_test.lua).
package.path = (arg and arg[0] and arg[0]:match("^(.*[/\\])") or "./") .. "?.lua;" .. package.path
local S = require("resolve_simulator")
local passed = 0
local function check(name, condition)
  if not condition then error("failed: " .. name, 2) end
  passed = passed + 1
end

local sim = S.new({ version = "21.1" })
local clip = sim.add_clip({ name = "A", filePath = "/m/a.mov", fps = "25", frames = 500 })
for _, case in ipairs({ { "24", false, 86400 }, { "25", false, 90000 }, { "29.97", false, 108000 }, { "29.97", true, 107892 } }) do
  check("start frame " .. case[1], sim.add_timeline({ name = "T", fps = case[1], dropFrame = case[2] }):GetStartFrame() == case[3])
end
local timeline = sim.timelines[2] -- 25 fps
sim.current = timeline
local item = sim.place(timeline, { clip = clip, inFrame = 100, outFrame = 300, recordFrame = 50 })
sim.set_playhead(timeline, 60)
check("current video item", timeline:GetCurrentVideoItem() == item)
check("absolute GetStart", item:GetStart() == 90050 and item:GetEnd() == 90250 and item:GetLeftOffset() == 100)
check("file path", item:GetMediaPoolItem():GetClipProperty("File Path") == "/m/a.mov")

check("add", clip:AddMarker(120, "Blue", "n", "", 1, "sichter:a") == true)
check("float key", clip:GetMarkers()[120.0].name == "n")
check("occupied", clip:AddMarker(120, "Red", "x", "", 1, "") == false)
check("unknown colour", clip:AddMarker(121, "Orange", "x", "", 1, "") == false)
check("outside", clip:AddMarker(500, "Blue", "x", "", 1, "") == false)
for _, frame in ipairs({ 30, 10, 20 }) do clip:AddMarker(frame, "Green", "s", "", 1, "sichter:shot") end
check("first match only", clip:DeleteMarkerByCustomData("sichter:shot") == true and clip:GetMarkers()[10] == nil and clip:GetMarkers()[20] ~= nil)
check("timeline markers from start", timeline:AddMarker(0, "Blue", "first", "", 1, "") and not timeline:AddMarker(90000, "Blue", "abs", "", 1, ""))

check("dict set", clip:SetMetadata({ Keywords = "a, b" }) == true and clip:GetMetadata().Keywords == "a, b")
check("key/value", clip:SetMetadata("Comments", "c") and clip:GetMetadata("Comments") == "c")
check("no new field", clip:SetMetadata("Sichter", "x") == false)
local old = S.new({ version = "20.3" })
local oc = old.add_clip({ name = "B", filePath = "/m/b.mov", fps = "25", frames = 10 })
check("no dict before 21.1", oc:SetMetadata({ Keywords = "a" }) == false and oc:GetMetadata() == nil)
local lossy = S.new({ fieldsNotKept = { "Description" } })
local lc = lossy.add_clip({ name = "C", filePath = "/m/c.mov", fps = "25", frames = 10 })
check("not kept", lc:SetMetadata({ Description = "x" }) == true and lc:GetMetadata("Description") == "")
check("selection by version", S.new({ version = "18.6" }).resolve:GetProjectManager():GetCurrentProject():GetMediaPool().GetSelectedClips == nil)
check("timeline selection by version", S.new({ version = "21.0.3" }).add_timeline({ name = "T", fps = "25" }).GetSelectedClips == nil)
print("ok " .. passed)
