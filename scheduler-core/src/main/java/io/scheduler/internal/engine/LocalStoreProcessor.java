package io.scheduler.internal.engine;

import io.scheduler.event.EventType;
import io.scheduler.executor.JobExecutor;
import io.scheduler.job.Job;
import io.scheduler.store.JobStore;
import io.scheduler.store.ReleaseResult;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes a store that this scheduler alone uses: acquires its due jobs in batches, submits their
 * runs, and releases them with their next run times.
 */
final class LocalStoreProcessor implements StoreProcessor {

  private static final Logger log = LoggerFactory.getLogger(SchedulerEngine.LOGGER_NAME);

  private final String alias;
  private final JobStore store;
  private final EngineContext context;
  private final RunDispatcher dispatcher;

  LocalStoreProcessor(
      String alias, JobStore store, EngineContext context, RunDispatcher dispatcher) {
    this.alias = alias;
    this.store = store;
    this.context = context;
    this.dispatcher = dispatcher;
  }

  @Override
  public @Nullable Instant process(Instant now, ZonedDateTime zonedNow) {
    try {
      int acquired;
      do {
        context.processing.lock();
        try {
          List<Job> due = store.acquireDueJobs(now, SchedulerEngine.ACQUIRE_BATCH);
          acquired = due.size();
          processBatch(due, now, zonedNow);
        } finally {
          context.processing.unlock();
        }
      } while (acquired == SchedulerEngine.ACQUIRE_BATCH && context.running());
      return store.nextRunTime().orElse(null);
    } catch (RuntimeException e) {
      log.warn(
          "Error getting due jobs from job store '{}'; retrying in {}",
          alias,
          context.retryInterval,
          e);
      return now.plus(context.retryInterval);
    }
  }

  /** Submits a batch of acquired jobs, then releases them with their next run times at once. */
  private void processBatch(List<Job> due, Instant now, ZonedDateTime zonedNow) {
    List<@Nullable Job> updated = new ArrayList<>(due.size());
    Map<JobExecutor, List<JobRun>> runs = new LinkedHashMap<>();
    try {
      // Jobs of a batch mostly share one executor: looked up once per change of alias, and its runs
      // list with it.
      @Nullable String executorAlias = null;
      @Nullable JobExecutor executor = null;
      List<JobRun> executorRuns = List.of();
      for (Job job : due) {
        if (!job.executor().equals(executorAlias)) {
          executorAlias = job.executor();
          executor = context.executors.get(executorAlias);
          executorRuns =
              executor == null
                  ? List.of()
                  : runs.computeIfAbsent(executor, any -> new ArrayList<>());
        }
        updated.add(processJob(job, executor, now, zonedNow, executorRuns));
      }
    } finally {
      // Jobs not reached (only if an Error escaped) go back unchanged, due again next pass.
      for (int i = updated.size(); i < due.size(); i++) {
        updated.add(due.get(i));
      }
      dispatcher.handOver(runs);
      List<ReleaseResult> results = store.releaseJobs(due, updated);
      boolean debug = log.isDebugEnabled();
      boolean announce = context.events.wants(EventType.JOB_REMOVED);
      if (debug || announce) {
        for (int i = 0; i < results.size(); i++) {
          if (results.get(i) == ReleaseResult.REMOVED) {
            if (debug) {
              log.debug("Removed job \"{}\": its trigger has no more fire times", due.get(i));
            }
            if (announce) {
              context.publishJobRemoved(due.get(i).id(), alias);
            }
          }
        }
      }
    }
  }

  /** Submits one due job's runs; returns its next snapshot, or null to remove it. */
  private @Nullable Job processJob(
      Job job,
      @Nullable JobExecutor executor,
      Instant now,
      ZonedDateTime zonedNow,
      List<JobRun> executorRuns) {
    try {
      if (executor == null) {
        log.error(
            "Executor lookup (\"{}\") failed for job \"{}\" -- removing it from the job store",
            job.executor(),
            job);
        return null;
      }
      DueRuns due = DueRuns.of(job, now, zonedNow);
      DueRuns.@Nullable Skipped skipped = due.skipped();
      if (skipped != null) {
        log.warn("Job \"{}\" {}", job, skipped.describe(due.runTimes().size()));
      }
      @Nullable JobRun run = dispatcher.submit(alias, job, executor, due.runTimes(), now);
      if (run != null) {
        executorRuns.add(run);
      }
      return due.next() == null ? null : job.withNextRunTime(due.next());
    } catch (RuntimeException e) {
      log.error("Error processing job \"{}\"; pausing it", job, e);
      return job.withNextRunTime(null);
    }
  }
}
