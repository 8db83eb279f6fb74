package io.scheduler.internal.engine;

import io.scheduler.event.EventType;
import io.scheduler.event.JobSubmitted;
import io.scheduler.event.MaxInstancesReached;
import io.scheduler.executor.JobExecutor;
import io.scheduler.job.Job;
import io.scheduler.store.JobStore;
import io.scheduler.store.RunClaim;
import io.scheduler.store.SharedJobStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns due runs into {@link JobRun}s and hands them to their executors: counts the job's instance
 * (or reports the limit reached), announces the submission, and gives a batch's runs to each
 * executor in one call.
 */
final class RunDispatcher {

  private static final Logger log = LoggerFactory.getLogger(SchedulerEngine.LOGGER_NAME);

  private final EngineContext context;
  private final RunContext runs;
  private final SharedClaims claims;

  RunDispatcher(EngineContext context, RunContext runs, SharedClaims claims) {
    this.context = context;
    this.runs = runs;
    this.claims = claims;
  }

  /**
   * Counts an instance of a due job and returns its run, to queue for {@link #handOver}; null when
   * the job runs its maximum number of instances (reported).
   */
  @Nullable JobRun submit(
      String alias, Job job, JobExecutor executor, List<Instant> runTimes, Instant now) {
    InstanceCounter.Instances instance = context.instances.tryAcquire(job.id(), job.maxInstances());
    if (instance == null) {
      maxInstancesReached(alias, job, runTimes, now);
      return null;
    }
    EventFanOut events = context.events;
    if (events.wants(EventType.JOB_SUBMITTED)) {
      events.publish(new JobSubmitted(job.id(), alias, runTimes, now));
    }
    return new JobRun(runs, executor, job, runTimes, instance, null);
  }

  /**
   * Hands the runs of a batch to their executors, each executor's in one call, in the order the
   * jobs were processed; a run an executor rejects gives back its instance.
   */
  void handOver(Map<JobExecutor, List<JobRun>> batch) {
    for (Map.Entry<JobExecutor, List<JobRun>> entry : batch.entrySet()) {
      List<JobRun> submitted = entry.getValue();
      int accepted;
      try {
        accepted = entry.getKey().executeAll(submitted);
      } catch (RuntimeException e) {
        // A broken executor must not keep the batch from being released.
        log.error("Executor {} failed to take {} run(s)", entry.getKey(), submitted.size(), e);
        accepted = 0;
      }
      for (JobRun rejected : submitted.subList(accepted, submitted.size())) {
        rejected.rejected();
      }
    }
  }

  /** Submits a run claimed in a shared store; the claim is completed when the run ends. */
  void submitClaimed(String alias, SharedJobStore store, Job job, RunClaim claim, Instant now) {
    JobExecutor executor = context.executors.get(job.executor());
    SharedClaims.HeldClaim held = claims.hold(alias, store, claim, now);
    // The store enforced maxInstances when it claimed the run; this only counts it.
    InstanceCounter.Instances instance =
        Objects.requireNonNull(context.instances.tryAcquire(job.id(), Integer.MAX_VALUE));
    context.events.publish(
        EventType.JOB_SUBMITTED, () -> new JobSubmitted(job.id(), alias, claim.runTimes(), now));
    try {
      if (executor == null) {
        throw new RejectedExecutionException("executor '" + job.executor() + "' was removed");
      }
      executor.execute(new JobRun(runs, executor, job, claim.runTimes(), instance, held));
    } catch (RejectedExecutionException e) {
      log.error("Executor \"{}\" rejected job \"{}\"", job.executor(), job, e);
      instance.release();
      claims.complete(held);
    }
  }

  /**
   * Runs a job once, now, outside its schedule: through its executor, counting one of its instances
   * as a scheduled run does (in a shared store by claiming the run there, so {@code maxInstances}
   * holds across schedulers). The job itself is not changed.
   *
   * @return whether the run was submitted; false when the instance limit refused it (reported)
   */
  boolean runNow(String alias, JobStore store, Job job, Instant now) {
    context.requireExecutor(job.executor());
    List<Instant> runTimes = List.of(now);
    @Nullable SharedJobStore shared = store.asShared();
    if (shared != null) {
      Optional<RunClaim> claim = shared.claimRun(job, now, now);
      if (claim.isEmpty()) {
        maxInstancesReached(alias, job, runTimes, now);
        return false;
      }
      submitClaimed(alias, shared, job, claim.get(), now);
      // the processing loop schedules the renewal of the new claim's lease
      context.waiter.signal();
      return true;
    }
    JobExecutor executor = context.executors.get(job.executor());
    @Nullable JobRun run = submit(alias, job, executor, runTimes, now);
    if (run == null) {
      return false;
    }
    handOver(Map.of(executor, List.of(run)));
    return true;
  }

  void maxInstancesReached(String alias, Job job, List<Instant> runTimes, Instant now) {
    log.warn(
        "Execution of job \"{}\" skipped: maximum number of running instances reached ({})",
        job,
        job.maxInstances());
    context.events.publish(
        EventType.JOB_MAX_INSTANCES, () -> new MaxInstancesReached(job.id(), alias, runTimes, now));
  }
}
