-- Resolve's UI manager for tests of the Lua script (Resolve cannot run here): the `fu.UIManager` and
-- `bmd.UIDispatcher` a script under Workspace > Scripts sees, as Fusion's UI manager documents them.
--   * elements are made with colon calls and one table, ui:Label{ID = "Status", Text = "…"}; a group's
--     children are the table's array part (ui:VGroup{ ui:Label{…}, ui:Button{…} });
--   * disp:AddWindow(props, root) (or the root as props[1]) answers a window: win:Show(), win:Hide(),
--     win:GetItems() (elements by ID, their properties writable: items.Status.Text = "…"),
--     win.On.<element ID>.Clicked and win.On.<window ID>.Close take the event handlers;
--   * ui:Timer{ID, Interval (ms), SingleShot} with timer:Start()/Stop(); a timeout goes to
--     win.On.<timer ID>.Timeout, or to disp.On.Timeout where no window has a handler for it;
--   * disp:RunLoop() handles events until a handler calls disp:ExitLoop().
-- The editor is scripted: `user` is a list of actions, each taken once, as soon as its condition
-- holds: { click = "<button ID>", whenText = "<Lua pattern>" } clicks once any element has shown a
-- text matching the pattern; { close = true, whenText = … } closes the window. Time passes for real
-- (`sleep(seconds)`) from one timeout to the next. A RunLoop with no timer running and no action
-- left to take would wait forever in Resolve: here it is an error.
local M = {}

local KINDS = { VGroup = "group", HGroup = "group", Label = "element", Button = "element", LineEdit = "element", TextEdit = "element", VGap = "element", HGap = "element" }

function M.new(options)
  options = options or {}
  local sleep = options.sleep or function() end
  local user = options.user or {}
  local sim = { log = {}, texts = {}, windows = {} }
  local ui = {}
  local timers = {}
  local now = 0

  local function record(entry) sim.log[#sim.log + 1] = entry end

  local function element(kind, spec)
    if type(spec) ~= "table" then error("ui:" .. kind .. " takes one table of properties", 3) end
    local props, children = {}, {}
    for key, value in pairs(spec) do
      if type(key) == "number" then children[key] = value else props[key] = value end
    end
    local node = { kind = kind, props = props, children = children }
    -- Properties read and written through the element, as a script does with items.Status.Text.
    node.proxy = setmetatable({}, {
      __index = function(_, key) return props[key] end,
      __newindex = function(_, key, value)
        props[key] = value
        if key == "Text" then
          sim.texts[#sim.texts + 1] = tostring(value)
          record({ event = "text", id = props.ID, value = tostring(value) })
        end
      end,
    })
    return node
  end

  for kind in pairs(KINDS) do
    ui[kind] = function(self, spec)
      if self ~= ui then error("ui:" .. kind .. " is a method: call it with a colon", 2) end
      return element(kind, spec)
    end
  end

  function ui:Timer(spec)
    if self ~= ui then error("ui:Timer is a method: call it with a colon", 2) end
    if type(spec) ~= "table" or type(spec.ID) ~= "string" then error("ui:Timer needs an ID", 2) end
    local timer = { ID = spec.ID, Interval = spec.Interval or 0, SingleShot = spec.SingleShot == true, running = false, due = 0 }
    function timer:Start() self.running, self.due = true, now + self.Interval / 1000 end
    function timer:Stop() self.running = false end
    timers[#timers + 1] = timer
    return timer
  end

  local function new_handlers()
    return setmetatable({}, {
      __index = function(table, id)
        local events = {}
        rawset(table, id, events)
        return events
      end,
    })
  end

  function sim.dispatcher(manager)
    if manager ~= ui then error("bmd.UIDispatcher takes fu.UIManager", 2) end
    local disp = { On = {} }
    local running = false

    function disp:AddWindow(props, root)
      if type(props) ~= "table" or type(props.ID) ~= "string" then error("AddWindow needs a window ID", 2) end
      root = root or props[1]
      if type(root) ~= "table" or not root.kind then error("AddWindow needs one root element", 2) end
      local items = {}
      local function collect(node)
        if node.props.ID then
          if items[node.props.ID] then error("two elements with the ID " .. node.props.ID, 3) end
          items[node.props.ID] = node.proxy
        end
        for _, child in ipairs(node.children) do collect(child) end
      end
      collect(root)
      for _, node in pairs(items) do
        if node.Text then sim.texts[#sim.texts + 1] = tostring(node.Text) end
      end
      local win = { ID = props.ID, title = props.WindowTitle, On = new_handlers(), shown = false, items = items }
      function win:GetItems() return items end
      function win:Show() self.shown = true record({ event = "show", id = props.ID }) end
      function win:Hide() self.shown = false record({ event = "hide", id = props.ID }) end
      sim.windows[#sim.windows + 1] = win
      return win
    end

    function disp:ExitLoop()
      running = false
      record({ event = "exit" })
    end

    local function shown_matching(pattern)
      for _, text in ipairs(sim.texts) do
        if text:find(pattern) then return true end
      end
      return false
    end

    -- The editor's next action whose condition holds, taken once.
    local function take_action()
      for _, action in ipairs(user) do
        if not action.taken and (not action.whenText or shown_matching(action.whenText)) then
          action.taken = true
          for _, win in ipairs(sim.windows) do
            if win.shown then
              if action.click then
                local button = win.items[action.click]
                if not button then error("the editor clicks " .. action.click .. ", which the window does not have") end
                if button.Enabled == false then
                  record({ event = "click-disabled", id = action.click })
                else
                  record({ event = "click", id = action.click })
                  local handler = rawget(win.On, action.click) and win.On[action.click].Clicked
                  if handler then handler({ who = action.click, what = "Clicked", window = win.ID }) end
                end
              elseif action.close then
                record({ event = "close", id = win.ID })
                local handler = rawget(win.On, win.ID) and win.On[win.ID].Close
                if handler then handler({ who = win.ID, what = "Close", window = win.ID }) end
                win.shown = false
              end
              return true
            end
          end
          error("the editor acts with no window shown")
        end
      end
      return false
    end

    local function fire(timer)
      if timer.SingleShot then timer.running = false else timer.due = timer.due + math.max(timer.Interval, 1) / 1000 end
      for _, win in ipairs(sim.windows) do
        local handler = rawget(win.On, timer.ID) and win.On[timer.ID].Timeout
        if handler then return handler({ who = timer.ID, what = "Timeout" }) end
      end
      if disp.On.Timeout then disp.On.Timeout({ who = timer.ID, what = "Timeout" }) end
    end

    function disp:RunLoop()
      running = true
      record({ event = "run" })
      while running do
        if not take_action() then
          local next_timer
          for _, timer in ipairs(timers) do
            if timer.running and (not next_timer or timer.due < next_timer.due) then next_timer = timer end
          end
          if not next_timer then error("RunLoop waits for an event that never comes: no timer runs and the editor has nothing left to do") end
          if next_timer.due > now then
            sleep(next_timer.due - now)
            now = next_timer.due
          end
          fire(next_timer)
        end
      end
    end

    return disp
  end

  sim.ui = ui
  sim.fu = { UIManager = ui }
  sim.bmd = { UIDispatcher = function(manager) return sim.dispatcher(manager) end }
  return sim
end

return M
