package io.scheduler.boot.redis;

import static io.scheduler.boot.redis.RedisCodec.isOne;
import static io.scheduler.boot.redis.RedisCodec.micros;
import static io.scheduler.boot.redis.RedisCodec.text;
import static io.scheduler.boot.redis.RedisCodec.token;

import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.Job;
import io.scheduler.store.ReleaseResult;
import io.scheduler.store.RunClaim;
import io.scheduler.store.SharedJobStore.ClaimResult;
import io.scheduler.store.SharedJobStore.Release;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run claims of a {@link RedisJobStore}: reading what {@code release.lua} claimed, renewing,
 * completing and taking over claims. Each claim is kept under {@code <p>runs} with its lease in
 * {@code <p>run_leases}; completions are remembered for a minute or a lease time, whichever is
 * longer, so a completion the driver re-sends succeeds.
 */
final class RedisRuns {

  // How long a completed run's mark answers a re-sent completion, at least.
  private static final Duration COMPLETION_MEMORY = Duration.ofMinutes(1);

  private final RedisScripts scripts;
  private final Duration leaseTime;

  RedisRuns(RedisScripts scripts, Duration leaseTime) {
    this.scripts = scripts;
    this.leaseTime = leaseTime;
  }

  /**
   * What {@code release.lua} reported for one job: its release status, then {@code claimed} (with
   * the fencing token and the index of the first run time claimed), {@code max} or nothing.
   */
  static ClaimResult claimResult(Release release, String runId, List<Object> outcome) {
    ReleaseResult status =
        switch (text(outcome.get(0))) {
          case "U" -> ReleaseResult.UPDATED;
          case "R" -> ReleaseResult.REMOVED;
          case "L" -> ReleaseResult.LEASE_LOST;
          default -> ReleaseResult.SUPERSEDED;
        };
    String claim = text(outcome.get(1));
    if ("claimed".equals(claim)) {
      List<Instant> runTimes = release.runTimes();
      int first = Integer.parseInt(text(outcome.get(3)));
      RunClaim run =
          new RunClaim(
              runId,
              release.acquired().id(),
              Long.parseLong(text(outcome.get(2))),
              runTimes.subList(first, runTimes.size()),
              false);
      return new ClaimResult(status, run, false);
    }
    return new ClaimResult(status, null, "max".equals(claim));
  }

  /** See {@link io.scheduler.store.SharedJobStore#claimRun}. */
  Optional<RunClaim> claim(Job job, Instant runTime, Instant now, String schedulerId) {
    String runId = token() + token();
    List<Object> result =
        scripts.run(
            RedisScripts.CLAIM,
            "claim a run of job '" + job.id() + "'",
            List.of(
                job.id(),
                Integer.toString(job.maxInstances()),
                runId,
                micros(now.plus(leaseTime)),
                schedulerId,
                runTime.toString()));
    return switch (text(result.get(0))) {
      case "claimed" ->
          Optional.of(
              new RunClaim(
                  runId, job.id(), Long.parseLong(text(result.get(1))), List.of(runTime), false));
      case "max" -> Optional.empty();
      default -> throw new JobNotFoundException(job.id(), null);
    };
  }

  /** See {@link io.scheduler.store.SharedJobStore#renewLeases}. */
  List<RunClaim> renew(List<RunClaim> claims, Instant now) {
    if (claims.isEmpty()) {
      return List.of();
    }
    List<String> args = new ArrayList<>(2 + 2 * claims.size());
    args.add(micros(now.plus(leaseTime)));
    args.add(Integer.toString(claims.size()));
    for (RunClaim claim : claims) {
      args.add(claim.runId());
      args.add(Long.toString(claim.fencingToken()));
    }
    List<Object> lost = scripts.run(RedisScripts.RENEW, "renew run leases", args);
    List<RunClaim> notHeld = new ArrayList<>(lost.size());
    for (Object index : lost) {
      notHeld.add(claims.get(Integer.parseInt(text(index))));
    }
    return notHeld;
  }

  /** See {@link io.scheduler.store.SharedJobStore#completeRun}. */
  boolean complete(RunClaim claim, Instant now) {
    Duration memory = leaseTime.compareTo(COMPLETION_MEMORY) > 0 ? leaseTime : COMPLETION_MEMORY;
    List<Object> result =
        scripts.run(
            RedisScripts.COMPLETE,
            "complete the run of job '" + claim.jobId() + "'",
            List.of(
                claim.runId(),
                Long.toString(claim.fencingToken()),
                token(),
                micros(now),
                micros(now.minus(memory))));
    return isOne(result.get(0));
  }

  /** See {@link io.scheduler.store.SharedJobStore#recoverExpiredRuns}. */
  List<RunClaim> recover(Instant now, int limit, String schedulerId) {
    List<Object> found =
        scripts.run(
            RedisScripts.RECOVER,
            "recover expired runs",
            List.of(
                micros(now), micros(now.plus(leaseTime)), schedulerId, Integer.toString(limit)));
    List<RunClaim> claims = new ArrayList<>();
    int i = 0;
    while (i + 3 < found.size()) {
      String runId = text(found.get(i));
      String jobId = text(found.get(i + 1));
      long fence = Long.parseLong(text(found.get(i + 2)));
      int count = Integer.parseInt(text(found.get(i + 3)));
      List<Instant> runTimes = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        runTimes.add(Instant.parse(text(found.get(i + 4 + k))));
      }
      claims.add(new RunClaim(runId, jobId, fence, runTimes, true));
      i += 4 + count;
    }
    return claims;
  }
}
