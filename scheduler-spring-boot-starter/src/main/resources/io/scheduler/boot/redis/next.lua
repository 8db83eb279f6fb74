-- When a scheduler should look into the store next (RedisJobStore.nextRunTime): the earliest of
-- the next run time of the scheduled jobs, the end of the acquisition lease of jobs acquired by
-- others (they are due, and become acquirable when it ends) and the end of the earliest run lease
-- (a claim that may have to be taken over then). So acquisitions and claims of a scheduler that
-- died are taken over as soon as their lease ends, not a poll interval later.
-- KEYS: the store's keys in RedisKeys order. ARGV: the ids of the jobs the caller holds.
-- Returns {score (epoch microseconds)}, or {} when nothing is scheduled, acquired or claimed.
local run_times, acquired, run_leases = KEYS[4], KEYS[5], KEYS[9]

local held = {}
for i = 1, #ARGV do
  held[ARGV[i]] = true
end
local earliest = nil
local function consider(score)
  score = tonumber(score)
  if earliest == nil or score < earliest then
    earliest = score
  end
end

local first = redis.call('ZRANGE', run_times, 0, 0, 'WITHSCORES')
if first[2] then
  consider(first[2])
end
local others = redis.call('ZRANGE', acquired, 0, #ARGV, 'WITHSCORES')
for i = 1, #others, 2 do
  if not held[others[i]] then
    consider(others[i + 1] + 1) -- acquirable once the lease has ended
    break
  end
end
local lease = redis.call('ZRANGE', run_leases, 0, 0, 'WITHSCORES')
if lease[2] then
  consider(lease[2] + 1)
end
if earliest == nil then
  return {}
end
return {string.format('%.0f', earliest)}
