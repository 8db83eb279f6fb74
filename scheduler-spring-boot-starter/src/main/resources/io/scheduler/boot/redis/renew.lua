-- Extends the leases of run claims still held with the given fencing tokens
-- (RedisJobStore.renewLeases).
-- KEYS: the store's keys in RedisKeys order. ARGV: lease end (epoch microseconds), count, then for
-- each claim: run id, fencing token.
-- Returns the 0-based positions of the claims no longer held (taken over or completed).
local runs, run_leases = KEYS[8], KEYS[9]
local lease_until, count = ARGV[1], tonumber(ARGV[2])

local lost = {}
for k = 0, count - 1 do
  local run_id, fence = ARGV[3 + 2 * k], ARGV[4 + 2 * k]
  local raw = redis.call('HGET', runs, run_id)
  if raw and cjson.decode(raw).fence == fence then
    redis.call('ZADD', run_leases, lease_until, run_id)
  else
    lost[#lost + 1] = tostring(k)
  end
end
return lost
