-- A DaVinci Resolve scripting host for tests of the Lua script (Resolve cannot run here): the
-- `resolve` global a script under Workspace > Scripts sees, following the documented API as the
-- TypeScript simulator does (test/simulators/resolve/). Method calls use Lua's colon syntax.
--   * timelines count absolute frames from their start timecode (01:00:00:00 at 25 fps = 90000);
--     timeline markers count from the start frame, media pool item markers from the media's first frame;
--   * GetMarkers() answers a table keyed by frame numbers (floats in Resolve; 120.0 and 120 are one key in LuaJIT);
--   * AddMarker answers false on an occupied frame, an unknown colour, a frame outside the owner, a duration below 1;
--   * DeleteMarkerByCustomData deletes only the FIRST marker (in frame order) with that custom data;
--   * fields named in fieldsNotKept answer a write with true and keep nothing;
--   * SetMetadata({...}) and GetMetadata() (dict) from 21.1; SetMetadata(k, v) and GetMetadata(k) before
--     (and, unless keyValue = false, after);
--   * MediaPool:GetSelectedClips from 19.0.2, Timeline:GetSelectedClips from 21.0.4.
local M = {}

local COLORS = {}
for _, name in ipairs({ "Blue", "Cyan", "Green", "Yellow", "Red", "Pink", "Purple", "Fuchsia", "Rose", "Lavender",
  "Sky", "Mint", "Lemon", "Sand", "Cocoa", "Cream" }) do COLORS[name] = true end
M.COLORS = COLORS

local FIELDS = {}
for _, name in ipairs({ "Description", "Comments", "Keywords", "People", "Shot", "Scene", "Take", "Angle",
  "Good Take", "Reel Number", "Camera #", "Clip Name" }) do FIELDS[name] = true end

local function version_fields(text)
  local parts = {}
  for part in tostring(text):gmatch("%d+") do parts[#parts + 1] = tonumber(part) end
  return { parts[1] or 0, parts[2] or 0, parts[3] or 0, parts[4] or 0, "" }
end

local function at_least(version, minimum)
  local wanted = version_fields(minimum)
  for i = 1, 3 do
    if version[i] ~= wanted[i] then return version[i] > wanted[i] end
  end
  return true
end

local function is_whole(value)
  return type(value) == "number" and value == math.floor(value)
end

-- Timecode labels (drop-frame for 29.97 and 59.94 when asked).
local function nominal(rate) return math.floor(rate.num / rate.den + 0.5) end

local function parse_rate(text)
  local known = { ["23.976"] = { 24000, 1001 }, ["29.97"] = { 30000, 1001 }, ["59.94"] = { 60000, 1001 } }
  local pair = known[text]
  if pair then return { num = pair[1], den = pair[2] } end
  return { num = tonumber(text), den = 1 }
end

local function timecode_to_frames(text, rate, drop)
  local h, m, s, f = text:match("^(%d+)[:;](%d+)[:;](%d+)[:;.,](%d+)$")
  if not h then return nil end
  h, m, s, f = tonumber(h), tonumber(m), tonumber(s), tonumber(f)
  local n = nominal(rate)
  local frames = ((h * 60 + m) * 60 + s) * n + f
  if drop then
    local d = n == 60 and 4 or 2
    local minutes = h * 60 + m
    frames = frames - d * (minutes - math.floor(minutes / 10))
  end
  return frames
end

local function frames_to_timecode(frames, rate, drop)
  local n = nominal(rate)
  local sep = ":"
  if drop then
    local d = n == 60 and 4 or 2
    local per10 = n * 600 - 9 * d
    local D, Mo = math.floor(frames / per10), frames % per10
    frames = frames + 9 * d * D + (Mo > d and d * math.floor((Mo - d) / (n * 60 - d)) or 0)
    sep = ";"
  end
  local f = frames % n
  local s = math.floor(frames / n) % 60
  local m = math.floor(frames / (n * 60)) % 60
  local h = math.floor(frames / (n * 3600)) % 24
  return string.format("%02d:%02d:%02d%s%02d", h, m, s, sep, f)
end
M.frames_to_timecode = frames_to_timecode

-- Markers of one owner; `length()` is how many frames it has.
local function new_markers(length)
  local self = { by_frame = {} }
  function self.add(frame, color, name, note, duration, custom)
    if not is_whole(frame) or frame < 0 or frame >= length() then return false end
    if not COLORS[color] then return false end
    if not is_whole(duration) or duration < 1 then return false end
    if type(name) ~= "string" or type(note) ~= "string" then return false end
    custom = custom or ""
    if self.by_frame[frame] then return false end
    self.by_frame[frame] = { color = color, duration = duration, note = note, name = name, customData = custom }
    return true
  end
  function self.frames()
    local frames = {}
    for frame in pairs(self.by_frame) do frames[#frames + 1] = frame end
    table.sort(frames)
    return frames
  end
  function self.dict()
    local out = {}
    for frame, info in pairs(self.by_frame) do
      out[frame + 0.0] = { color = info.color, duration = info.duration, note = info.note, name = info.name, customData = info.customData }
    end
    return out
  end
  function self.delete_by_custom(custom)
    for _, frame in ipairs(self.frames()) do
      if self.by_frame[frame].customData == custom then
        self.by_frame[frame] = nil
        return true
      end
    end
    return false
  end
  return self
end

local function marker_methods(object, markers)
  function object:AddMarker(frame, color, name, note, duration, custom) return markers.add(frame, color, name, note, duration, custom) end
  function object:GetMarkers() return markers.dict() end
  function object:DeleteMarkerByCustomData(custom) return markers.delete_by_custom(custom) end
  function object:DeleteMarkerAtFrame(frame)
    if markers.by_frame[frame] then markers.by_frame[frame] = nil return true end
    return false
  end
end

function M.new(options)
  options = options or {}
  local version = version_fields(options.version or "21.1")
  local forms = { dict = at_least(version, "21.1"), keyValue = true }
  if options.metadataForms then
    if options.metadataForms.dict ~= nil then forms.dict = options.metadataForms.dict end
    if options.metadataForms.keyValue ~= nil then forms.keyValue = options.metadataForms.keyValue end
  end
  local not_kept = {}
  for _, field in ipairs(options.fieldsNotKept or {}) do not_kept[field] = true end
  local next_id = 0
  local function id(prefix) next_id = next_id + 1 return prefix .. "-" .. next_id end

  local sim = { version = version, page = "edit", timelines = {}, selected_pool = {} }
  local root = { clips = {}, folders = {}, name = "Master" }
  local function folder_object(folder)
    local object = {}
    function object:GetName() return folder.name end
    function object:GetClipList()
      local out = {}
      for i, clip in ipairs(folder.clips) do out[i] = clip end
      return out
    end
    function object:GetSubFolderList()
      local out = {}
      for i, sub in ipairs(folder.folders) do out[i] = folder_object(sub) end
      return out
    end
    return object
  end

  local pool = {}
  function pool:GetRootFolder() return folder_object(root) end
  if at_least(version, "19.0.2") then
    function pool:GetSelectedClips()
      local out = {}
      for i, clip in ipairs(sim.selected_pool) do out[i] = clip end
      return out
    end
    function pool:SetSelectedClip(item)
      sim.selected_pool = { item }
      return true
    end
  end

  local project = {}
  function project:GetName() return "Sichter" end
  function project:GetMediaPool() return pool end
  function project:GetCurrentTimeline() return sim.current end
  local manager = {}
  function manager:GetCurrentProject() return sim.project_open ~= false and project or nil end

  local resolve = {}
  function resolve:GetProjectManager() return manager end
  function resolve:GetVersion() return { version[1], version[2], version[3], version[4], version[5] } end
  function resolve:GetVersionString() return string.format("%d.%d.%d.%d", version[1], version[2], version[3], version[4]) end
  function resolve:GetProductName() return "DaVinci Resolve" end
  function resolve:GetCurrentPage() return sim.page end
  function resolve:OpenPage(name) sim.page = name return true end
  sim.resolve = resolve

  -- Test side: arrange and inspect.
  function sim.add_clip(spec)
    local values = {}
    local clip = { spec = spec, values = values, uid = id("mpi") }
    local markers = new_markers(function() return spec.frames end)
    clip.markers = markers
    marker_methods(clip, markers)
    function clip:GetName() return spec.name end
    function clip:GetUniqueId() return self.uid end
    function clip:GetClipProperty(key)
      local properties = { ["Clip Name"] = spec.name, ["File Path"] = spec.filePath, FPS = spec.fps, Frames = tostring(spec.frames),
        ["Start TC"] = spec.startTimecode or "00:00:00:00", ["Drop frame"] = spec.dropFrame and "1" or "0", Type = "Video" }
      if key == nil then return properties end
      return properties[key] or ""
    end
    function clip:GetMetadata(field)
      if field == nil then
        if not forms.dict then return nil end
        local out = {}
        for k, v in pairs(values) do if v ~= "" then out[k] = v end end
        return out
      end
      if not forms.keyValue then return nil end
      return values[field] or ""
    end
    function clip:SetMetadata(field_or_dict, value)
      if type(field_or_dict) == "string" then
        if not forms.keyValue or type(value) ~= "string" or not FIELDS[field_or_dict] then return false end
        if not not_kept[field_or_dict] then values[field_or_dict] = value end
        return true
      end
      if not forms.dict or type(field_or_dict) ~= "table" or value ~= nil then return false end
      local any = false
      for k, v in pairs(field_or_dict) do
        if not FIELDS[k] or type(v) ~= "string" then return false end
        any = true
      end
      if not any then return false end
      for k, v in pairs(field_or_dict) do if not not_kept[k] then values[k] = v end end
      return true
    end
    root.clips[#root.clips + 1] = clip
    return clip
  end

  function sim.add_timeline(spec)
    local rate = parse_rate(spec.fps)
    local timeline = { spec = spec, rate = rate, tracks = { {} }, uid = id("tl"), selected = {} }
    timeline.start = timecode_to_frames(spec.startTimecode or "01:00:00:00", rate, spec.dropFrame)
    timeline.playhead = timeline.start
    local function end_frame()
      local last = timeline.start
      for _, track in ipairs(timeline.tracks) do
        for _, item in ipairs(track) do if item.finish > last then last = item.finish end end
      end
      return last
    end
    local markers = new_markers(function() return end_frame() - timeline.start end)
    timeline.markers = markers
    marker_methods(timeline, markers)
    function timeline:GetName() return spec.name end
    function timeline:GetUniqueId() return self.uid end
    function timeline:GetStartFrame() return self.start end
    function timeline:GetEndFrame() return end_frame() end
    function timeline:GetSetting(name)
      if name == "timelineFrameRate" then return spec.fps end
      if name == "timelineDropFrameTimecode" then return spec.dropFrame and "1" or "0" end
      return ""
    end
    function timeline:GetTrackCount(kind) return kind == "video" and #self.tracks or 0 end
    function timeline:GetItemListInTrack(kind, index)
      local out = {}
      if kind ~= "video" or not self.tracks[index] then return out end
      for i, item in ipairs(self.tracks[index]) do out[i] = item end
      table.sort(out, function(a, b) return a.begin < b.begin end)
      return out
    end
    function timeline:GetCurrentVideoItem()
      for t = #self.tracks, 1, -1 do
        for _, item in ipairs(self.tracks[t]) do
          if item.begin <= self.playhead and self.playhead < item.finish then return item end
        end
      end
      return nil
    end
    function timeline:GetCurrentTimecode() return frames_to_timecode(self.playhead, rate, spec.dropFrame) end
    function timeline:SetCurrentTimecode(text)
      local frame = type(text) == "string" and timecode_to_frames(text, rate, spec.dropFrame)
      if not frame or frame < self.start or frame > end_frame() then return false end
      self.playhead = frame
      return true
    end
    if at_least(version, "21.0.4") then
      function timeline:GetSelectedClips()
        local out = {}
        for i, item in ipairs(self.selected) do out[i] = item end
        return out
      end
    end
    sim.timelines[#sim.timelines + 1] = timeline
    sim.current = sim.current or timeline
    return timeline
  end

  function sim.place(timeline, spec)
    local track = spec.track or 1
    while #timeline.tracks < track do timeline.tracks[#timeline.tracks + 1] = {} end
    local item = { clip = spec.clip, uid = id("tli"), inFrame = spec.inFrame }
    item.begin = timeline.start + spec.recordFrame
    item.finish = item.begin + (spec.outFrame - spec.inFrame)
    function item:GetName() return spec.clip.spec.name end
    function item:GetUniqueId() return self.uid end
    function item:GetStart() return self.begin end
    function item:GetEnd() return self.finish end
    function item:GetLeftOffset() return self.inFrame end
    function item:GetMediaPoolItem() return self.clip end
    table.insert(timeline.tracks[track], item)
    return item
  end

  function sim.set_playhead(timeline, frame_from_start) timeline.playhead = timeline.start + frame_from_start end
  function sim.select_pool(...) sim.selected_pool = { ... } end
  function sim.close_project() sim.project_open = false end
  return sim
end

return M
