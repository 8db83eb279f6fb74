package io.scheduler.internal.engine;

import io.scheduler.event.EventType;
import io.scheduler.event.JobLeaseLost;
import io.scheduler.event.JobRecovered;
import io.scheduler.job.Job;
import io.scheduler.store.RunClaim;
import io.scheduler.store.SharedJobStore;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes a store shared with other schedulers: records completions it missed, renews the leases
 * of this scheduler's runs, re-runs runs whose scheduler died, then acquires, claims and submits
 * due jobs.
 */
final class SharedStoreProcessor implements StoreProcessor {

  private static final Logger log = LoggerFactory.getLogger(SchedulerEngine.LOGGER_NAME);

  private final String alias;
  private final SharedJobStore store;
  private final EngineContext context;
  private final RunDispatcher dispatcher;
  private final SharedClaims claims;
  // When this scheduler next looks for runs whose scheduler died; only the loop reads and writes
  // it.
  private Instant nextRecovery = Instant.MIN;

  SharedStoreProcessor(
      String alias,
      SharedJobStore store,
      EngineContext context,
      RunDispatcher dispatcher,
      SharedClaims claims) {
    this.alias = alias;
    this.store = store;
    this.context = context;
    this.dispatcher = dispatcher;
    this.claims = claims;
  }

  @Override
  public @Nullable Instant process(Instant now, ZonedDateTime zonedNow) {
    @Nullable Instant next = now.plus(store.pollInterval());
    try {
      claims.recordUnrecordedCompletions();
      claims.renewLeasesIfDue(now);
      context.processing.lock();
      try {
        if (!now.isBefore(nextRecovery)) {
          for (RunClaim claim : store.recoverExpiredRuns(now, SchedulerEngine.ACQUIRE_BATCH)) {
            runRecovered(claim, now);
          }
          // A run's lease outlasts a poll interval, so one look per interval finds an expired one
          // about as soon; passes in between (a stream of adds) skip the query.
          nextRecovery = now.plus(store.pollInterval());
        }
        int acquired;
        do {
          SharedJobStore.AcquiredRuns batch =
              store.acquireAndClaim(
                  now, SchedulerEngine.ACQUIRE_BATCH, due -> releases(due, now, zonedNow));
          acquired = batch.releases().size();
          processClaimResults(batch, now);
        } while (acquired == SchedulerEngine.ACQUIRE_BATCH && context.running());
      } finally {
        context.processing.unlock();
      }
      next = EngineContext.earliest(next, store.nextRunTime().orElse(null));
    } catch (RuntimeException e) {
      log.warn("Error processing job store '{}'; retrying in {}", alias, context.retryInterval, e);
      next = EngineContext.earliest(next, now.plus(context.retryInterval));
    }
    return claims.nextCheck(next, now);
  }

  /** What to release acquired jobs with, in order. */
  private List<SharedJobStore.Release> releases(
      List<Job> due, Instant now, ZonedDateTime zonedNow) {
    List<SharedJobStore.Release> releases = new ArrayList<>(due.size());
    for (Job job : due) {
      releases.add(release(job, now, zonedNow));
    }
    return releases;
  }

  /**
   * What to release an acquired job with: its next snapshot and its runs. It may run again for the
   * same job when the store retries, so it only computes (and logs).
   */
  private SharedJobStore.Release release(Job job, Instant now, ZonedDateTime zonedNow) {
    if (!context.executors.containsKey(job.executor())) {
      log.error(
          "Executor lookup (\"{}\") failed for job \"{}\" -- removing it from the job store",
          job.executor(),
          job);
      return new SharedJobStore.Release(job, null, List.of());
    }
    try {
      DueRuns due = DueRuns.of(job, now, zonedNow);
      DueRuns.@Nullable Skipped skipped = due.skipped();
      if (skipped != null) {
        log.warn("Job \"{}\" {}", job, skipped.describe(due.runTimes().size()));
      }
      return new SharedJobStore.Release(
          job, due.next() == null ? null : job.withNextRunTime(due.next()), due.runTimes());
    } catch (RuntimeException e) {
      log.error("Error processing job \"{}\"; pausing it", job, e);
      return new SharedJobStore.Release(job, job.withNextRunTime(null), List.of());
    }
  }

  /** Reports what the store did with a batch of released jobs and submits the claimed runs. */
  private void processClaimResults(SharedJobStore.AcquiredRuns batch, Instant now) {
    for (int i = 0; i < batch.releases().size(); i++) {
      SharedJobStore.Release release = batch.releases().get(i);
      Job job = release.acquired();
      SharedJobStore.ClaimResult result = batch.results().get(i);
      switch (result.release()) {
        case LEASE_LOST -> {
          log.warn("Lost the acquisition of job \"{}\" to another scheduler; not running it", job);
          context.events.publish(
              EventType.JOB_LEASE_LOST, () -> new JobLeaseLost(job.id(), alias, List.of(), now));
        }
        case REMOVED -> {
          log.debug("Removed job \"{}\": its trigger has no more fire times", job);
          context.publishJobRemoved(job.id(), alias);
        }
        case UPDATED, SUPERSEDED -> {}
      }
      if (result.maxInstancesReached()) {
        dispatcher.maxInstancesReached(alias, job, release.runTimes(), now);
      }
      RunClaim claim = result.claim();
      if (claim != null) {
        dispatcher.submitClaimed(alias, store, job, claim, now);
      }
    }
  }

  /** Re-runs a claim taken over from a scheduler whose lease expired. */
  private void runRecovered(RunClaim claim, Instant now) {
    Optional<Job> job = store.claimedJob(claim);
    if (job.isEmpty() || !context.executors.containsKey(job.get().executor())) {
      log.warn(
          "Dropping the run of job '{}' taken over from a failed scheduler: {}",
          claim.jobId(),
          job.isEmpty() ? "the job was removed" : "its executor is not configured here");
      store.completeRun(claim);
      return;
    }
    log.warn(
        "Recovering the run of job \"{}\" at {} from a scheduler whose lease expired",
        job.get(),
        claim.runTimes());
    context.events.publish(
        EventType.JOB_RECOVERED,
        () -> new JobRecovered(claim.jobId(), alias, claim.runTimes(), now));
    dispatcher.submitClaimed(alias, store, job.get(), claim, now);
  }
}
