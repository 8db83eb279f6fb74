-- Removes every job with its schedule and acquisition (RedisJobStore.removeAllJobs). Claimed runs
-- stay until they complete.
-- KEYS: the store's keys in RedisKeys order. Returns {1}.
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7])
return {1}
