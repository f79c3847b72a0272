-- Test support: loads Sichter.lua as LuaJIT on macOS would (ffi.os "OSX"), so its declarations of
-- the BSD socket calls go through the real ffi.cdef and its calls into a fake ffi.C whose functions
-- are C callbacks typed by those declarations (see ffi_double.lua). macOS differs from this machine
-- where it matters here: sockaddr_in starts with a length byte, SOL_SOCKET is 0xffff, a timeval
-- holds a 64-bit second and a 32-bit microsecond, SO_NOSIGPIPE exists; the fakes translate, so the
-- script reaches a real engine through this machine's sockets.
--   luajit macos_sockets.lua input.json   -- input: { port, token, closedPort, posix: {name: prototype} }; prints JSON
local here = arg[0]:match("^(.*[/\\])") or "./"
package.path = here .. "?.lua;" .. package.path
local FfiDouble = require("ffi_double")
local real = FfiDouble.real

local calls = {}
local function record(entry) calls[#calls + 1] = entry end
local C = {}
local errno = 0
local double = FfiDouble.new({ os = "OSX", C = C, errno = function() return errno end })
package.loaded.ffi = double.ffi

rawset(_G, "SICHTER_NO_MAIN", true)
local Sichter = dofile(here .. "../Sichter.lua")
local json = Sichter.json
local input = json.decode(io.open(arg[1], "rb"):read("*a"))

local typed = double.typed
local ECONNREFUSED = 61 -- macOS's number
local messages = { [ECONNREFUSED] = real.new("char[?]", 19, "Connection refused") }
C.socket = typed("socket", function(domain, kind, protocol)
  record({ fn = "socket", domain = domain, type = kind, protocol = protocol })
  return real.C.bsd_socket(domain, kind, protocol)
end)
C.setsockopt = typed("setsockopt", function(fd, level, name, value, length)
  if name == 0x1022 then
    record({ fn = "setsockopt", level = level, name = name, value = real.cast("const int *", value)[0], length = length })
    return 0
  end
  local sec, usec = tonumber(real.cast("const int64_t *", value)[0]), real.cast("const int32_t *", value)[2]
  record({ fn = "setsockopt", level = level, name = name, sec = sec, usec = usec, length = length })
  -- macOS's SOL_SOCKET, SO_RCVTIMEO and SO_SNDTIMEO as this machine's.
  local names = { [0x1006] = 20, [0x1005] = 21 }
  if level ~= 0xffff or not names[name] or length ~= 16 then return -1 end
  local tv = real.new("bsd_timeval", { sec, usec })
  return real.C.bsd_setsockopt(fd, 1, names[name], tv, real.sizeof(tv))
end)
C.connect = typed("connect", function(fd, address, length)
  local bytes = real.cast("const uint8_t *", address)
  local raw = {}
  for i = 0, length - 1 do raw[#raw + 1] = bytes[i] end
  record({ fn = "connect", sockaddr = raw, length = length })
  -- This machine's sockaddr_in has a 16-bit family where macOS has a length byte and a family byte.
  local linux = real.new("uint8_t[16]")
  real.copy(linux, bytes, 16)
  linux[0], linux[1] = bytes[1], 0
  if real.C.bsd_connect(fd, linux, 16) ~= 0 then
    errno = ECONNREFUSED
    return -1
  end
  return 0
end)
local sent = {}
C.send = typed("send", function(fd, buffer, length, flags)
  sent[#sent + 1] = real.string(buffer, length)
  record({ fn = "send", length = tonumber(length), flags = flags })
  -- macOS needs no flag (SO_NOSIGPIPE is set on the socket); here MSG_NOSIGNAL does that.
  return real.C.bsd_send(fd, buffer, length, 0x4000)
end)
C.recv = typed("recv", function(fd, buffer, length, flags)
  local n = real.C.bsd_recv(fd, buffer, length, flags)
  record({ fn = "recv", length = tonumber(length), flags = flags, got = n > 0 })
  return n
end)
C.close = typed("close", function(fd)
  record({ fn = "close" })
  return real.C.bsd_close(fd)
end)
C.usleep = typed("usleep", function(usec)
  record({ fn = "usleep", usec = usec })
  return 0
end)
C.strerror = typed("strerror", function(number) return messages[number] end)

local out = { types = double.types, documented = double.documented(input.posix) }
local engine = Sichter.engine({ port = input.port, token = input.token })
local info, err = engine.call("engine.info", {})
out.info = { version = info and info.version, error = err }
out.calls = calls
out.request = sent[1]
calls = {}
out.closed = { Sichter.net.open(input.closedPort, 1.5) }
out.closedCalls = calls
calls = {}
Sichter.net.sleep(0.25)
out.sleep = calls
out.folders = Sichter.folders(function(name) return ({ HOME = "/Users/redaktion" })[name] end)
io.write(json.encode(out))
