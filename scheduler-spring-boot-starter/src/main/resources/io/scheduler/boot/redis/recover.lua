-- Takes over run claims whose lease expired before now (RedisJobStore.recoverExpiredRuns): each
-- gets this scheduler as owner, a new fencing token and a new lease, and is marked recovered. The
-- claim keeps its instance of the job.
-- KEYS: the store's keys in RedisKeys order. ARGV: now, lease end (epoch microseconds), owner, limit.
-- Returns {run id, job id, fencing token, n, n run times (instants), ...}.
local runs, run_leases, sequence = KEYS[8], KEYS[9], KEYS[11]
local now, lease_until, owner, limit = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])

local result = {}
local expired = redis.call('ZRANGEBYSCORE', run_leases, '-inf', '(' .. now, 'LIMIT', 0, limit)
for _, run_id in ipairs(expired) do
  local raw = redis.call('HGET', runs, run_id)
  if not raw then
    redis.call('ZREM', run_leases, run_id)
  else
    local run = cjson.decode(raw)
    run.owner = owner
    run.fence = tostring(redis.call('INCR', sequence))
    run.recovered = true
    redis.call('HSET', runs, run_id, cjson.encode(run))
    redis.call('ZADD', run_leases, lease_until, run_id)
    result[#result + 1] = run_id
    result[#result + 1] = run.job
    result[#result + 1] = run.fence
    result[#result + 1] = tostring(#run.times)
    for _, time in ipairs(run.times) do
      result[#result + 1] = time
    end
  end
end
return result
