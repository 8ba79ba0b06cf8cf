-- Table-heavy work: array parts, hash parts with string and integer keys, table.sort with a
-- comparator, and many short-lived tables for the collector.
local N = 60000

local points = {}
for i = 1, N do
  points[i] = { x = (i * 7919) % 1000, y = (i * 104729) % 997, id = "p" .. i }
end

table.sort(points, function(a, b)
  if a.x ~= b.x then return a.x < b.x end
  if a.y ~= b.y then return a.y < b.y end
  return a.id < b.id
end)

local buckets = {}
for _, p in ipairs(points) do
  local key = p.x // 10
  local bucket = buckets[key]
  if bucket == nil then
    bucket = { count = 0, sum = 0 }
    buckets[key] = bucket
  end
  bucket.count = bucket.count + 1
  bucket.sum = bucket.sum + p.y
end

local index = {}
for _, p in ipairs(points) do index[p.id] = p end
local found = 0
for i = 1, N, 3 do
  if index["p" .. i].x == (i * 7919) % 1000 then found = found + 1 end
end

local checksum = 0
for key = 0, 99 do
  local b = buckets[key]
  if b then checksum = (checksum * 31 + b.count * 1000 + b.sum) % 1000000007 end
end

local matrix = {}
for i = 1, 120 do
  local row = {}
  for j = 1, 120 do row[j] = (i * j) % 17 end
  matrix[i] = row
end
local trace = 0
for round = 1, 3 do
  local next = {}
  for i = 1, 120 do
    local row, src = {}, matrix[i]
    for j = 1, 120 do row[j] = (src[j] + (matrix[j][i] or 0) + round) % 101 end
    next[i] = row
  end
  matrix = next
end
for i = 1, 120 do trace = trace + matrix[i][i] end

print("first", points[1].id, "last", points[N].id)
print("found", found, "checksum", checksum, "trace", trace)
