-- Replaces a job (RedisJobStore.updateJob): new JSON, version and schedule; an acquisition of the
-- job is superseded (its release will change nothing), so the job can be acquired again at once.
-- KEYS: the store's keys in RedisKeys order. ARGV: channel, origin, id, JobJson, version, schedule
-- ('<score> <instant>', or '' when paused) and, optionally (RedisJobStore.replaceJob), the version
-- the job must still have.
-- Returns {1}, {0} when no job has the id, or {2} when it no longer has the expected version.
local jobs, versions, schedule, run_times, acquired, acquisitions =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local channel, origin, id, json, version, sched, expected =
  ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]

if redis.call('HEXISTS', jobs, id) == 0 then
  return {0}
end
if redis.call('HGET', versions, id) == version then
  return {1} -- already applied by this very call (re-sent after a reconnect)
end
if expected and redis.call('HGET', versions, id) ~= expected then
  return {2}
end
redis.call('HSET', jobs, id, json)
redis.call('HSET', versions, id, version)
redis.call('ZREM', acquired, id)
redis.call('HDEL', acquisitions, id)
if sched ~= '' then
  redis.call('HSET', schedule, id, sched)
  redis.call('ZADD', run_times, string.match(sched, '^(%S+)'), id)
else
  redis.call('HDEL', schedule, id)
  redis.call('ZREM', run_times, id)
end
redis.call('PUBLISH', channel, origin)
return {1}
