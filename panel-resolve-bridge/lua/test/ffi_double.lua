-- Test support: LuaJIT's ffi module as Sichter.lua would see it on another operating system. The
-- real ffi does the work (ffi.cdef parses the script's declarations for real) but for ffi.os, the
-- libraries ffi.load answers and ffi.C, which the test fills with C callbacks typed by the script's
-- own declarations: LuaJIT converts the script's arguments for them exactly as for the real
-- functions, and a declaration's types can be compared with the system's documented prototype.
-- This machine's sockets are declared under names of their own (bsd_*) for the callbacks to use.
local real = require("ffi")

real.cdef([[
int bsd_socket(int domain, int type, int protocol) asm("socket");
int bsd_connect(int fd, const void *addr, uint32_t len) asm("connect");
long bsd_send(int fd, const void *buf, size_t n, int flags) asm("send");
long bsd_recv(int fd, void *buf, size_t n, int flags) asm("recv");
int bsd_close(int fd) asm("close");
int bsd_setsockopt(int fd, int level, int name, const void *value, uint32_t len) asm("setsockopt");
typedef struct { long sec; long usec; } bsd_timeval;
]])

local M = { real = real }

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

-- Return type and parameter list of `name` in a C prototype ("char *strerror(int errnum);").
function M.prototype(declaration, name)
  local result, args = declaration:match("^%s*(.-[%s%*])" .. name .. "%s*%((.*)%)%s*;?%s*$")
  if not result then return nil end
  return trim(result), args
end

-- A prototype's types as LuaJIT reads them, parameter names dropped: "int(uint64_t, const char *)".
function M.signature(result, args)
  local params = {}
  for param in (args .. ","):gmatch("%s*([^,]-)%s*,") do
    local kind = param:match("^(.-[%s%*])%s*[%a_][%w_]*$")
    if not kind or trim(kind) == "" or trim(kind) == "const" or trim(kind) == "unsigned" then kind = param end
    if trim(kind) ~= "void" and trim(kind) ~= "" then params[#params + 1] = tostring(real.typeof(kind)):match("^ctype<(.*)>$") end
  end
  return tostring(real.typeof(result)):match("^ctype<(.*)>$") .. "(" .. table.concat(params, ", ") .. ")"
end

-- options: os ("Windows", "OSX"), C (the table ffi.C answers), libraries ({name = table}).
-- Answers the ffi double (for package.loaded.ffi) and a helper that types a callback by the
-- script's declaration of `name`, noting that declaration's signature in `types`.
function M.new(options)
  local double = { declared = {}, loaded = {}, types = {} }
  double.ffi = setmetatable({
    os = options.os,
    C = options.C,
    cdef = function(declaration)
      double.declared[#double.declared + 1] = declaration
      return real.cdef(declaration)
    end,
    load = function(name)
      double.loaded[#double.loaded + 1] = name
      local library = options.libraries and options.libraries[name]
      if not library then error("cannot load " .. name) end
      return library
    end,
    errno = options.errno or real.errno,
  }, { __index = real })
  function double.typed(name, f)
    for _, declaration in ipairs(double.declared) do
      local result, args = M.prototype(declaration, name)
      if result then
        double.types[name] = M.signature(result, args)
        return real.cast(real.typeof(result .. " (*)(" .. args .. ")"), f)
      end
    end
    error("Sichter.lua does not declare " .. name)
  end
  -- The documented prototypes' signatures, to compare with `types`.
  function double.documented(prototypes)
    local out = {}
    for name, text in pairs(prototypes) do out[name] = M.signature(M.prototype(text, name)) end
    return out
  end
  return double
end

return M
