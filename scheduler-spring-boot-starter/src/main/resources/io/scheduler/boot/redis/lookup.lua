-- Reads one job consistently (RedisJobStore.lookupJob).
-- KEYS: the store's keys in RedisKeys order. ARGV: id.
-- Returns {JobJson, version, schedule ('' when paused)}, or {} when no job has the id.
local jobs, versions, schedule = KEYS[1], KEYS[2], KEYS[3]
local id = ARGV[1]

local json = redis.call('HGET', jobs, id)
if not json then
  return {}
end
return {json, redis.call('HGET', versions, id) or '', redis.call('HGET', schedule, id) or ''}
