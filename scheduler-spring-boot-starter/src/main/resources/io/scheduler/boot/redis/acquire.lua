-- Acquires due jobs for one scheduler until a lease expires (RedisJobStore.acquireDueJobs).
-- First puts back the jobs whose acquisition lease expired (their scheduler died or stalled), except
-- those the calling store instance still holds (it is processing them), then moves the earliest due
-- jobs from run_times to acquired, each with a new acquisition token.
-- KEYS: the store's keys in RedisKeys order. ARGV: now, lease end (epoch microseconds), limit,
-- owner, then the ids of the jobs the caller holds.
-- Returns {id, JobJson, version, schedule, token, ...}, earliest first.
local jobs, versions, schedule, run_times, acquired, acquisitions =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local sequence = KEYS[11]
local now, lease_until, limit, owner = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local held = {}
for i = 5, #ARGV do
  held[ARGV[i]] = true
end

local expired = redis.call('ZRANGEBYSCORE', acquired, '-inf', '(' .. now, 'LIMIT', 0, 1000)
for _, id in ipairs(expired) do
  if not held[id] then
    redis.call('ZREM', acquired, id)
    redis.call('HDEL', acquisitions, id)
    local sched = redis.call('HGET', schedule, id)
    if sched and redis.call('HEXISTS', jobs, id) == 1 then
      redis.call('ZADD', run_times, string.match(sched, '^(%S+)'), id)
    end
  end
end

local result = {}
local due = redis.call('ZRANGEBYSCORE', run_times, '-inf', now, 'LIMIT', 0, limit)
for _, id in ipairs(due) do
  redis.call('ZREM', run_times, id)
  local json = redis.call('HGET', jobs, id)
  local sched = redis.call('HGET', schedule, id)
  if json and sched then
    local token = tostring(redis.call('INCR', sequence))
    redis.call('ZADD', acquired, lease_until, id)
    redis.call('HSET', acquisitions, id, token .. ' ' .. owner)
    result[#result + 1] = id
    result[#result + 1] = json
    result[#result + 1] = redis.call('HGET', versions, id) or ''
    result[#result + 1] = sched
    result[#result + 1] = token
  end
end
return result
