-- Test support: loads Sichter.lua as LuaJIT on Windows would (ffi.os "Windows"), so its Winsock
-- declarations go through the real ffi.cdef and its ws2_32 calls into a fake ws2_32 namespace.
-- Every fake function is a C callback typed by the script's own declaration, so LuaJIT converts the
-- script's arguments exactly as it would for the DLL (a wrong type fails here as it would there);
-- those types are answered beside the types of Winsock's documented prototypes (`winsock`). Behind
-- the fakes this machine's BSD sockets play Winsock, so the script reaches a real engine.
--   luajit windows_sockets.lua input.json   -- input: { port, token, closedPort, winsock: {name: prototype} }; prints JSON
local here = arg[0]:match("^(.*[/\\])") or "./"
package.path = here .. "?.lua;" .. package.path
local FfiDouble = require("ffi_double")
local real = FfiDouble.real

local calls = {}
local function record(entry) calls[#calls + 1] = entry end
local ws2 = {}
local kernel32 = {}
-- The ffi module as the script sees it on Windows: ws2_32 to load, kernel32's Sleep in ffi.C.
local double = FfiDouble.new({ os = "Windows", C = kernel32, libraries = { ws2_32 = ws2 } })
package.loaded.ffi = double.ffi

rawset(_G, "SICHTER_NO_MAIN", true)
local Sichter = dofile(here .. "../Sichter.lua")
local json = Sichter.json
local input = json.decode(io.open(arg[1], "rb"):read("*a"))

-- Each fake function is typed by the script's own declaration of it, so the script's calls are
-- converted as LuaJIT converts them on Windows; the test compares those types with Winsock's.
local failing = { socket = false }
local last_error = 0
local typed = double.typed
ws2.WSAStartup = typed("WSAStartup", function(version, data)
  record({ fn = "WSAStartup", version = version, data = data ~= nil })
  return 0
end)
ws2.socket = typed("socket", function(af, kind, protocol)
  record({ fn = "socket", af = af, type = kind, protocol = protocol })
  if failing.socket then
    last_error = 10093 -- WSANOTINITIALISED
    return real.cast("SOCKET", -1)
  end
  return real.C.bsd_socket(af, kind, 0)
end)
ws2.setsockopt = typed("setsockopt", function(s, level, name, value, length)
  local ms = real.cast("const uint32_t *", value)[0]
  record({ fn = "setsockopt", level = level, name = name, ms = ms, length = length })
  -- Winsock's SOL_SOCKET, SO_RCVTIMEO and SO_SNDTIMEO (a DWORD of ms) as this machine's (a timeval).
  local names = { [0x1006] = 20, [0x1005] = 21 }
  if level ~= 0xffff or not names[name] or length ~= 4 then return -1 end
  local tv = real.new("bsd_timeval", { math.floor(ms / 1000), (ms % 1000) * 1000 })
  return real.C.bsd_setsockopt(tonumber(s), 1, names[name], tv, real.sizeof(tv))
end)
ws2.connect = typed("connect", function(s, name, length)
  local bytes = real.cast("const uint8_t *", name)
  local raw = {}
  for i = 0, length - 1 do raw[#raw + 1] = bytes[i] end
  record({ fn = "connect", sockaddr = raw, length = length })
  -- Winsock's sockaddr_in has this machine's layout: family, port (network order), address, zero.
  if real.C.bsd_connect(tonumber(s), name, length) ~= 0 then
    last_error = 10061 -- WSAECONNREFUSED
    return -1
  end
  return 0
end)
local sent = {}
ws2.send = typed("send", function(s, buffer, length, flags)
  sent[#sent + 1] = real.string(buffer, length)
  record({ fn = "send", length = length, flags = flags })
  return tonumber(real.C.bsd_send(tonumber(s), buffer, length, 0x4000))
end)
ws2.recv = typed("recv", function(s, buffer, length, flags)
  local n = tonumber(real.C.bsd_recv(tonumber(s), buffer, length, 0))
  record({ fn = "recv", length = length, flags = flags, got = n > 0 })
  return n
end)
ws2.closesocket = typed("closesocket", function(s)
  record({ fn = "closesocket" })
  return real.C.bsd_close(tonumber(s))
end)
ws2.WSAGetLastError = typed("WSAGetLastError", function() return last_error end)
kernel32.Sleep = typed("Sleep", function(ms) record({ fn = "Sleep", ms = ms }) end)
local ui_language = 0
kernel32.GetUserDefaultUILanguage = typed("GetUserDefaultUILanguage", function()
  record({ fn = "GetUserDefaultUILanguage" })
  return ui_language
end)

local out = { loaded = double.loaded, types = double.types, documented = double.documented(input.winsock) }
local engine = Sichter.engine({ port = input.port, token = input.token })
local info, err = engine.call("engine.info", {})
out.info = { version = info and info.version, error = err }
out.first = calls
out.request = sent[1]
calls, sent = {}, {}
local again, again_error = engine.call("engine.info", {})
local wrong = Sichter.engine({ port = input.port, token = "falsch" })
local _, unauthorized = wrong.call("engine.info", {})
out.second = calls
out.unauthorized = unauthorized
calls = {}
out.closed = { Sichter.net.open(input.closedPort, 1) }
out.closedCalls = calls
calls = {}
failing.socket = true
out.noSocket = { Sichter.net.open(input.port, 1) }
failing.socket = false
calls = {}
Sichter.net.sleep(0.25)
out.sleep = calls
out.again = { version = again and again.version, error = again_error }
out.folders = Sichter.folders(function(name)
  return ({ USERPROFILE = "C:\\Users\\Redaktion", APPDATA = "C:\\Users\\Redaktion\\AppData\\Roaming", LOCALAPPDATA = "C:\\Users\\Redaktion\\AppData\\Local" })[name]
end)
calls = {}
out.locales = {}
for i, langid in ipairs({ 0x0407, 0x0c07, 0x0809, 0x040c }) do
  ui_language = langid
  out.locales[i] = Sichter.locale(function() return nil end)
end
out.uiLanguageCalls = calls
io.write(json.encode(out))
