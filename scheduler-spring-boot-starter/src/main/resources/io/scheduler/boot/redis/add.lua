-- Adds jobs, all or none (RedisJobStore.addJob/addJobs).
-- KEYS: the store's keys in RedisKeys order. ARGV: channel, origin, count, then for each job:
-- id, JobJson, version, schedule ('<score> <instant>', or '' when paused).
-- Returns {'ok'}, or {'conflict', id} having written nothing. A job whose stored version is the
-- one being added was added by this very call already (a command re-sent after a reconnect).
local jobs, versions, schedule, run_times = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local claimed_through = KEYS[7]
local channel, origin, count = ARGV[1], ARGV[2], tonumber(ARGV[3])

local seen, fresh = {}, {}
for i = 0, count - 1 do
  local at = 4 + i * 4
  local id, version = ARGV[at], ARGV[at + 2]
  if seen[id] then
    return {'conflict', id}
  end
  seen[id] = true
  if redis.call('HEXISTS', jobs, id) == 1 then
    if redis.call('HGET', versions, id) ~= version then
      return {'conflict', id}
    end
  else
    fresh[#fresh + 1] = at
  end
end

for _, at in ipairs(fresh) do
  local id, json, version, sched = ARGV[at], ARGV[at + 1], ARGV[at + 2], ARGV[at + 3]
  redis.call('HSET', jobs, id, json)
  redis.call('HSET', versions, id, version)
  redis.call('HDEL', claimed_through, id)
  if sched ~= '' then
    redis.call('HSET', schedule, id, sched)
    redis.call('ZADD', run_times, string.match(sched, '^(%S+)'), id)
  end
end
if #fresh > 0 then
  redis.call('PUBLISH', channel, origin)
end
return {'ok'}
