-- Claims one run of a job outside its schedule ("run now", RedisJobStore.claimRun), in one step:
-- the claim is stored as release.lua stores a scheduled run's, unless the job already has
-- max_instances claims across all schedulers. The job itself and its claimed_through mark are not
-- changed (the run is for no fire time of its trigger).
-- KEYS: the store's keys in RedisKeys order. ARGV: job id, max instances, run id, lease end (epoch
-- microseconds), owner, run time as an instant.
-- Returns {'missing'} when no job has the id, {'max'} at the instance limit, else {'claimed', fence}.
local versions, runs, run_leases, running, sequence = KEYS[2], KEYS[8], KEYS[9], KEYS[10], KEYS[11]
local id, max_instances, run_id = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local lease_until, owner, run_time = ARGV[4], ARGV[5], ARGV[6]

if not redis.call('HGET', versions, id) then
  return {'missing'}
end
if tonumber(redis.call('HGET', running, id) or '0') >= max_instances then
  return {'max'}
end
local fence = tostring(redis.call('INCR', sequence))
redis.call('HINCRBY', running, id, 1)
local run = {job = id, owner = owner, fence = fence, times = {run_time}, recovered = false}
redis.call('HSET', runs, run_id, cjson.encode(run))
redis.call('ZADD', run_leases, lease_until, run_id)
return {'claimed', fence}
