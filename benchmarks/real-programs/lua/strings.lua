-- String building: concatenation through table.concat, string.format, gsub with patterns,
-- string.rep and byte-level scanning.
local parts = {}
for i = 1, 60000 do
  parts[#parts + 1] = string.format("%05d:%s;", i, string.rep(string.char(97 + i % 26), i % 7 + 1))
end
local text = table.concat(parts)

local vowels = select(2, text:gsub("[aeiou]", ""))
local upper = text:sub(1, 60000):upper()
local words = 0
for _ in text:gmatch("%d+:(%a+);") do words = words + 1 end

local swapped = text:sub(1, 200000):gsub("(%d+):(%a+)", "%2=%1")

local hash = 0
for i = 1, #swapped, 7 do
  hash = (hash * 131 + swapped:byte(i)) % 4294967291
end

local lines = {}
for i = 1, 5000 do
  lines[i] = ("row %d | %-8s | %8.3f"):format(i, ("k" .. i):reverse(), i / 7)
end
local report = table.concat(lines, "\n")

print("length", #text, "vowels", vowels, "words", words)
print("upper", upper:sub(1, 20), "hash", hash)
print("report", #report, report:sub(-30))
