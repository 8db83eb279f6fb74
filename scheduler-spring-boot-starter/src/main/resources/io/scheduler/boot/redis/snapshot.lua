-- Reads every job consistently (RedisJobStore.getAllJobs).
-- KEYS: the store's keys in RedisKeys order.
-- Returns {{id, JobJson, ...}, {id, version, ...}, {id, schedule, ...}}.
return {redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]),
  redis.call('HGETALL', KEYS[3])}
