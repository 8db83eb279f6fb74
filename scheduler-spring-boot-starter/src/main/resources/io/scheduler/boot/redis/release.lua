-- Releases acquired jobs and claims their runs, each job in one step (RedisJobStore.releaseAndClaim).
-- For each job:
--   * the job is written (new version and schedule, or deleted) only when its version is still the
--     acquired one and this scheduler still holds the acquisition: 'U' updated, 'R' removed;
--     otherwise 'S' (superseded: it was changed or removed since) or 'L' (lease lost: another
--     scheduler may have acquired it since);
--   * a run is claimed for the run times after the job's claimed_through mark, so no fire time is
--     ever claimed twice, unless the job already has max_instances claims across all schedulers
--     ('max'). A lost lease or a removed job claims nothing. A claim made by the release that
--     removes the job keeps the job's JSON (snapshot), so a takeover can still run it.
-- A release whose run id is already claimed, or whose new version is already stored, ran before
-- (a command re-sent after a reconnect): it reports what it did instead of doing it again.
-- KEYS: the store's keys in RedisKeys order. ARGV: lease end (epoch microseconds), owner, count,
-- then for each job: id, acquired version, acquisition token, new version, 'update' or 'delete',
-- new JobJson ('' when unchanged), new schedule ('' when paused), max instances, run id, number of
-- run times n, then n pairs (run time in epoch microseconds, run time as an instant).
-- Returns for each job: status, claim ('claimed', 'max' or 'none'), fencing token ('' without a
-- claim), index of the first run time claimed.
local jobs, versions, schedule, run_times, acquired, acquisitions, claimed_through =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local runs, run_leases, running, sequence = KEYS[8], KEYS[9], KEYS[10], KEYS[11]
local lease_until, owner, count = ARGV[1], ARGV[2], tonumber(ARGV[3])

local result = {}
local at = 4
for _ = 1, count do
  local id, expected, token, new_version = ARGV[at], ARGV[at + 1], ARGV[at + 2], ARGV[at + 3]
  local action, json, sched = ARGV[at + 4], ARGV[at + 5], ARGV[at + 6]
  local max_instances, run_id, n = tonumber(ARGV[at + 7]), ARGV[at + 8], tonumber(ARGV[at + 9])
  local times_at = at + 10
  at = times_at + 2 * n

  local current = redis.call('HGET', versions, id)
  local replayed = redis.call('HGET', runs, run_id)
  local status, may_claim
  local claim, fence, first = 'none', '', 0

  if replayed then
    local run = cjson.decode(replayed)
    if current == new_version then
      status = 'U'
    elseif action == 'delete' and not current then
      status = 'R'
    else
      status = 'S'
    end
    if run.owner == owner and not run.recovered then
      claim, fence, first = 'claimed', run.fence, n - #run.times
    end
    may_claim = false
  elseif current == new_version then
    status, may_claim = 'U', false
  elseif not current then
    status, may_claim = 'S', false
  elseif current ~= expected then
    status, may_claim = 'S', true
  elseif redis.call('HGET', acquisitions, id) ~= token .. ' ' .. owner then
    status, may_claim = 'L', false
  else
    redis.call('ZREM', acquired, id)
    redis.call('HDEL', acquisitions, id)
    if action == 'delete' then
      status = 'R'
    else
      status = 'U'
      redis.call('HSET', versions, id, new_version)
      if json ~= '' then
        redis.call('HSET', jobs, id, json)
      end
      if sched ~= '' then
        redis.call('HSET', schedule, id, sched)
        redis.call('ZADD', run_times, string.match(sched, '^(%S+)'), id)
      else
        redis.call('HDEL', schedule, id)
        redis.call('ZREM', run_times, id)
      end
    end
    may_claim = true
  end

  if may_claim and n > 0 then
    local mark = redis.call('HGET', claimed_through, id)
    if mark then
      mark = tonumber(mark)
      while first < n and tonumber(ARGV[times_at + 2 * first]) <= mark do
        first = first + 1
      end
    end
    if first < n then
      if tonumber(redis.call('HGET', running, id) or '0') >= max_instances then
        claim = 'max'
      else
        local times = {}
        for k = first, n - 1 do
          times[#times + 1] = ARGV[times_at + 2 * k + 1]
        end
        fence = tostring(redis.call('INCR', sequence))
        redis.call('HINCRBY', running, id, 1)
        local run = {job = id, owner = owner, fence = fence, times = times, recovered = false}
        if status == 'R' then
          -- the job goes now: keep it with its last run, which a takeover may have to run
          run.snapshot = redis.call('HGET', jobs, id)
        end
        redis.call('HSET', runs, run_id, cjson.encode(run))
        redis.call('ZADD', run_leases, lease_until, run_id)
        redis.call('HSET', claimed_through, id, ARGV[times_at + 2 * (n - 1)])
        claim = 'claimed'
      end
    end
  end

  if status == 'R' and not replayed then
    redis.call('HDEL', jobs, id)
    redis.call('HDEL', versions, id)
    redis.call('HDEL', schedule, id)
    redis.call('HDEL', claimed_through, id)
    redis.call('ZREM', run_times, id)
  end

  result[#result + 1] = status
  result[#result + 1] = claim
  result[#result + 1] = fence
  result[#result + 1] = tostring(first)
end
return result
