-- Removes a job and its schedule and acquisition (RedisJobStore.removeJob). Claimed runs of the
-- job stay until they complete, and keep counting against its instance limit.
-- KEYS: the store's keys in RedisKeys order. ARGV: id.
-- Returns {1}, or {0} when no job has the id.
local jobs, versions, schedule, run_times, acquired, acquisitions, claimed_through =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local id = ARGV[1]

if redis.call('HDEL', jobs, id) == 0 then
  return {0}
end
redis.call('HDEL', versions, id)
redis.call('HDEL', schedule, id)
redis.call('HDEL', acquisitions, id)
redis.call('HDEL', claimed_through, id)
redis.call('ZREM', run_times, id)
redis.call('ZREM', acquired, id)
return {1}
