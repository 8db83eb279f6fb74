-- Reads the job a recovered run claim runs (RedisJobStore.claimedJob): the stored job, or the
-- snapshot kept with the claim when the release that claimed the run removed the job.
-- KEYS: the store's keys in RedisKeys order. ARGV: run id, job id.
-- Returns {JobJson, version, schedule ('' when paused)}, or {} when there is neither.
local jobs, versions, schedule, runs = KEYS[1], KEYS[2], KEYS[3], KEYS[8]
local run_id, id = ARGV[1], ARGV[2]

local json = redis.call('HGET', jobs, id)
if json then
  return {json, redis.call('HGET', versions, id) or '', redis.call('HGET', schedule, id) or ''}
end
local raw = redis.call('HGET', runs, run_id)
if raw then
  local run = cjson.decode(raw)
  if run.snapshot then
    return {run.snapshot, 'claim ' .. run_id, ''}
  end
end
return {}
