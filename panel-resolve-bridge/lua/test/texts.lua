-- Test support: what Sichter.lua says, as JSON: its texts in both languages, its copies of the
-- engine's error messages, the language it picks for given environments and, for the error cases,
-- the text it shows for an error.
--   luajit texts.lua input.json
-- input.json: { locales: [{ env: {NAME: value}, os, uiLanguage, setlocale }], errors: [{ error, locale }] }
local here = arg[0]:match("^(.*[/\\])") or "./"
rawset(_G, "SICHTER_NO_MAIN", true)
local Sichter = dofile(here .. "../Sichter.lua")
local json = Sichter.json

local input = json.decode(io.open(arg[1], "rb"):read("*a"))
local picked = json.array()
for i, case in ipairs(input.locales or {}) do
  picked[i] = Sichter.locale(function(name) return case.env[name] end, {
    os = case.os or "Linux",
    ui_language = function() return case.uiLanguage end,
    setlocale = function() return case.setlocale end,
  })
end
local described = json.array()
for i, case in ipairs(input.errors or {}) do described[i] = Sichter.error_text(case.error, case.locale) end
io.write(json.encode({ texts = Sichter.TEXTS, engineMessages = Sichter.ENGINE_MESSAGES, picked = picked, described = described }))
