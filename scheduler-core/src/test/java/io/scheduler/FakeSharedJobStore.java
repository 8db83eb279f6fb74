package io.scheduler;

import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.Job;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStores;
import io.scheduler.store.ReleaseResult;
import io.scheduler.store.RunClaim;
import io.scheduler.store.SharedJobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SharedJobStore} in one JVM for engine tests: jobs live in a memory store; run claims in
 * a map; a test plays the other schedulers by adding claims, taking claims over and failing
 * acquisitions. Not thread-safe beyond what {@code ManualScheduler} tests need (one thread).
 */
final class FakeSharedJobStore implements SharedJobStore {

  static final Duration LEASE = Duration.ofSeconds(30);

  private final JobStore jobs = JobStores.memory();
  private final Map<String, Claim> claims = new LinkedHashMap<>();
  private final Set<String> lostAcquisitions = new HashSet<>();
  private @Nullable JobStoreContext context;
  private long tokens;
  int renewals;
  // How many completions fail, after how many succeed; and the sizes of completeRuns calls.
  int failingCompletions;
  int completionsBeforeFailing;
  final List<Integer> completionBatches = new ArrayList<>();
  // Runs once, inside the next completeRuns call, before it completes anything.
  @Nullable Runnable duringNextCompletion;

  /** A claim as the store keeps it: by whom, until when, with which token. */
  static final class Claim {
    final String jobId;
    final List<Instant> runTimes;
    String owner;
    long token;
    Instant leaseUntil;

    Claim(String jobId, List<Instant> runTimes, String owner, long token, Instant leaseUntil) {
      this.jobId = jobId;
      this.runTimes = runTimes;
      this.owner = owner;
      this.token = token;
      this.leaseUntil = leaseUntil;
    }
  }

  Map<String, Claim> claims() {
    return claims;
  }

  /** Another scheduler claims a run of a job, leased until {@code leaseUntil}. */
  String foreignClaim(String jobId, Instant runTime, Instant leaseUntil) {
    String runId = UUID.randomUUID().toString();
    claims.put(runId, new Claim(jobId, List.of(runTime), "other", ++tokens, leaseUntil));
    return runId;
  }

  /** Another scheduler takes a claim over: the holder's token no longer matches. */
  void takeOver(String runId) {
    Claim claim = claims.get(runId);
    claim.owner = "other";
    claim.token = ++tokens;
  }

  /** The next release of the job finds its acquisition taken by another scheduler. */
  void loseAcquisitionOf(String jobId) {
    lostAcquisitions.add(jobId);
  }

  private String me() {
    return context == null ? "?" : context.schedulerId();
  }

  @Override
  public void start(JobStoreContext context) {
    this.context = context;
    jobs.start(context);
  }

  @Override
  public Duration leaseTime() {
    return LEASE;
  }

  @Override
  public Duration pollInterval() {
    return Duration.ofMinutes(5);
  }

  @Override
  public List<ClaimResult> releaseAndClaim(List<Release> releases, Instant now) {
    List<ClaimResult> results = new ArrayList<>();
    for (Release release : releases) {
      String id = release.acquired().id();
      if (lostAcquisitions.remove(id)) {
        results.add(new ClaimResult(ReleaseResult.LEASE_LOST, null, false));
        continue;
      }
      ReleaseResult result = jobs.releaseJob(release.acquired(), release.updated());
      if (release.runTimes().isEmpty()) {
        results.add(new ClaimResult(result, null, false));
        continue;
      }
      long running = claims.values().stream().filter(c -> c.jobId.equals(id)).count();
      if (running >= release.acquired().maxInstances()) {
        results.add(new ClaimResult(result, null, true));
        continue;
      }
      String runId = UUID.randomUUID().toString();
      long token = ++tokens;
      claims.put(runId, new Claim(id, release.runTimes(), me(), token, now.plus(LEASE)));
      results.add(
          new ClaimResult(
              result, new RunClaim(runId, id, token, release.runTimes(), false), false));
    }
    return results;
  }

  @Override
  public Optional<RunClaim> claimRun(Job job, Instant runTime, Instant now) {
    if (jobs.lookupJob(job.id()).isEmpty()) {
      throw new JobNotFoundException(job.id(), null);
    }
    long running = claims.values().stream().filter(c -> c.jobId.equals(job.id())).count();
    if (running >= job.maxInstances()) {
      return Optional.empty();
    }
    String runId = UUID.randomUUID().toString();
    long token = ++tokens;
    claims.put(runId, new Claim(job.id(), List.of(runTime), me(), token, now.plus(LEASE)));
    return Optional.of(new RunClaim(runId, job.id(), token, List.of(runTime), false));
  }

  @Override
  public List<RunClaim> renewLeases(List<RunClaim> held, Instant now) {
    renewals++;
    List<RunClaim> lost = new ArrayList<>();
    for (RunClaim claim : held) {
      Claim stored = claims.get(claim.runId());
      if (stored == null || stored.token != claim.fencingToken() || !stored.owner.equals(me())) {
        lost.add(claim);
      } else {
        stored.leaseUntil = now.plus(LEASE);
      }
    }
    return lost;
  }

  @Override
  public boolean completeRun(RunClaim claim) {
    if (failingCompletions > 0 && completionsBeforeFailing-- <= 0) {
      failingCompletions--;
      throw new IllegalStateException("store unreachable");
    }
    Claim stored = claims.get(claim.runId());
    if (stored == null || stored.token != claim.fencingToken() || !stored.owner.equals(me())) {
      return false;
    }
    claims.remove(claim.runId());
    return true;
  }

  @Override
  public List<RunClaim> completeRuns(List<RunClaim> ended) {
    completionBatches.add(ended.size());
    Runnable hook = duringNextCompletion;
    duringNextCompletion = null;
    if (hook != null) {
      hook.run();
    }
    return SharedJobStore.super.completeRuns(ended);
  }

  @Override
  public List<RunClaim> recoverExpiredRuns(Instant now, int limit) {
    List<RunClaim> recovered = new ArrayList<>();
    for (Map.Entry<String, Claim> entry : claims.entrySet()) {
      Claim claim = entry.getValue();
      if (recovered.size() < limit && claim.leaseUntil.isBefore(now)) {
        claim.owner = me();
        claim.token = ++tokens;
        claim.leaseUntil = now.plus(LEASE);
        recovered.add(new RunClaim(entry.getKey(), claim.jobId, claim.token, claim.runTimes, true));
      }
    }
    return recovered;
  }

  @Override
  public void addJob(Job job) {
    jobs.addJob(job);
  }

  @Override
  public void updateJob(Job job) {
    jobs.updateJob(job);
  }

  @Override
  public void removeJob(String id) {
    jobs.removeJob(id);
  }

  @Override
  public void removeAllJobs() {
    jobs.removeAllJobs();
  }

  @Override
  public Optional<Job> lookupJob(String id) {
    return jobs.lookupJob(id);
  }

  @Override
  public List<Job> getAllJobs() {
    return jobs.getAllJobs();
  }

  @Override
  public List<Job> acquireDueJobs(Instant now, int limit) {
    return jobs.acquireDueJobs(now, limit);
  }

  @Override
  public ReleaseResult releaseJob(Job acquired, @Nullable Job updated) {
    throw new UnsupportedOperationException("the engine releases shared jobs with releaseAndClaim");
  }

  @Override
  public Optional<Instant> nextRunTime() {
    return jobs.nextRunTime();
  }
}
