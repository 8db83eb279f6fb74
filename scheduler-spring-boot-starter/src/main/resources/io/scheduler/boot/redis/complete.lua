-- Ends a run: removes its claim and frees its instance, when it is still held with the given
-- fencing token (RedisJobStore.completeRun). Leaves a short-lived mark of the call, so the same
-- call re-sent by the driver after a reconnect reports success again instead of failure.
-- KEYS: the store's keys in RedisKeys order. ARGV: run id, fencing token, call token, now and the
-- time before which marks are dropped (epoch microseconds).
-- Returns {1}, or {0} having changed nothing.
local runs, run_leases, running, completed = KEYS[8], KEYS[9], KEYS[10], KEYS[12]
local run_id, fence, call, now, forget_before = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]

local raw = redis.call('HGET', runs, run_id)
if not raw then
  if redis.call('ZSCORE', completed, run_id .. ' ' .. call) then
    return {1}
  end
  return {0}
end
local run = cjson.decode(raw)
if run.fence ~= fence then
  return {0}
end
redis.call('HDEL', runs, run_id)
redis.call('ZREM', run_leases, run_id)
if redis.call('HINCRBY', running, run.job, -1) <= 0 then
  redis.call('HDEL', running, run.job)
end
redis.call('ZREMRANGEBYSCORE', completed, '-inf', '(' .. forget_before)
redis.call('ZADD', completed, now, run_id .. ' ' .. call)
return {1}
