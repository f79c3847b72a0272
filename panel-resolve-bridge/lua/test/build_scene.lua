-- Test support: builds a scene in the Lua Resolve simulator from its JSON description and reads the
-- markers and metadata back. scene: { version, fieldsNotKept, metadataForms, clips: [{name, filePath, fps, frames,
-- startTimecode, dropFrame, markers: [[frame, color, name, note, duration, customData]], metadata: {field: value}}],
-- timeline: {name, fps, dropFrame, placements: [{clip, inFrame, outFrame, recordFrame, track}], playhead, markers: [...]},
-- page, select: [clip names] }
return function(Simulator, json, scene)
  local sim = Simulator.new({ version = scene.version, fieldsNotKept = scene.fieldsNotKept, metadataForms = scene.metadataForms })
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

  local function markers_of(owner)
    local out = json.array()
    for _, frame in ipairs(owner.markers.frames()) do
      local info = owner.markers.by_frame[frame]
      out[#out + 1] = { frame = frame, color = info.color, duration = info.duration, note = info.note, name = info.name, customData = info.customData }
    end
    return out
  end
  -- What the scene holds now: every clip's markers and metadata, the timeline's markers.
  local function state()
    local out = { clips = {}, timeline = timeline and markers_of(timeline) or json.array() }
    for _, name in ipairs(order) do out.clips[name] = { markers = markers_of(clips[name]), metadata = clips[name].values } end
    return out
  end
  return sim, state
end
