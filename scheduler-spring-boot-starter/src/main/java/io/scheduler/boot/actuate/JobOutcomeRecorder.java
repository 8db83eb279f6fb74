package io.scheduler.boot.actuate;

import io.scheduler.SchedulerBuilder;
import io.scheduler.event.AllJobsRemoved;
import io.scheduler.event.EventType;
import io.scheduler.event.JobAdded;
import io.scheduler.event.JobExecuted;
import io.scheduler.event.JobFailed;
import io.scheduler.event.JobMissed;
import io.scheduler.event.JobRemoved;
import io.scheduler.event.MaxInstancesReached;
import io.scheduler.event.SchedulerEvent;
import io.scheduler.event.SchedulerListener;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Remembers how each job's last run ended, for the {@code scheduler} endpoint. It holds one entry
 * per job that ran since this process started, and only for jobs that exist: an entry goes when its
 * job is removed, when its store is cleared, and at every full listing ({@link #retainOnly}); a run
 * that ends after its job was removed (a one-shot job's last run) is not recorded. Thread-safe;
 * register it with {@link #bindTo(SchedulerBuilder)}.
 */
public final class JobOutcomeRecorder implements SchedulerListener {

  /** The {@code outcome} of a run that completed normally. */
  public static final String SUCCESS = "success";

  /** The {@code outcome} of a run that threw (or whose stage failed). */
  public static final String ERROR = "error";

  /** The {@code outcome} of a run skipped for being later than the misfire grace time. */
  public static final String MISSED = "missed";

  /** The {@code outcome} of runs skipped because the job ran its maximum number of instances. */
  public static final String MAX_INSTANCES = "max_instances";

  // How many removed job ids are remembered, to ignore runs that end after their job was removed.
  private static final int REMOVED_IDS = 1024;

  private final Map<String, Entry> outcomes = new ConcurrentHashMap<>();
  private final Set<String> recentlyRemoved =
      Collections.newSetFromMap(
          new LinkedHashMap<String, Boolean>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > REMOVED_IDS;
            }
          });

  /**
   * Registers this recorder on a scheduler builder, for the events it needs.
   *
   * @param builder the builder
   */
  public void bindTo(SchedulerBuilder<?> builder) {
    builder.listener(
        this,
        EventType.JOB_EXECUTED,
        EventType.JOB_ERROR,
        EventType.JOB_MISSED,
        EventType.JOB_MAX_INSTANCES,
        EventType.JOB_ADDED,
        EventType.JOB_REMOVED,
        EventType.ALL_JOBS_REMOVED);
  }

  @Override
  public void onEvent(SchedulerEvent event) {
    if (event instanceof JobExecuted executed) {
      record(executed.jobId(), executed.jobStore(), SUCCESS, executed, executed.scheduledRunTime());
    } else if (event instanceof JobFailed failed) {
      record(
          failed.jobId(),
          failed.jobStore(),
          new JobOutcome(
              ERROR, failed.time(), failed.scheduledRunTime(), failed.exception().toString()));
    } else if (event instanceof JobMissed missed) {
      record(missed.jobId(), missed.jobStore(), MISSED, missed, missed.scheduledRunTime());
    } else if (event instanceof MaxInstancesReached skipped) {
      Instant last = skipped.scheduledRunTimes().get(skipped.scheduledRunTimes().size() - 1);
      record(skipped.jobId(), skipped.jobStore(), MAX_INSTANCES, skipped, last);
    } else if (event instanceof JobAdded added) {
      synchronized (recentlyRemoved) {
        recentlyRemoved.remove(added.jobId());
      }
      outcomes.remove(added.jobId());
    } else if (event instanceof JobRemoved removed) {
      synchronized (recentlyRemoved) {
        recentlyRemoved.add(removed.jobId());
        outcomes.remove(removed.jobId());
      }
    } else if (event instanceof AllJobsRemoved cleared) {
      @Nullable String store = cleared.jobStore();
      outcomes.values().removeIf(entry -> store == null || entry.jobStore.equals(store));
    }
  }

  /**
   * Returns how a job's last run ended.
   *
   * @param jobId the job id
   * @return the outcome, or empty when the job has not run since this process started
   */
  public Optional<JobOutcome> lastOutcome(String jobId) {
    Entry entry = outcomes.get(jobId);
    return entry == null ? Optional.empty() : Optional.of(entry.outcome);
  }

  /**
   * Forgets the outcomes of jobs that no longer exist.
   *
   * @param jobIds the ids of every existing job
   */
  public void retainOnly(Collection<String> jobIds) {
    Set<String> existing = new HashSet<>(jobIds);
    outcomes.keySet().removeIf(id -> !existing.contains(id));
  }

  private void record(
      String jobId, String jobStore, String outcome, SchedulerEvent event, Instant runTime) {
    record(jobId, jobStore, new JobOutcome(outcome, event.time(), runTime, null));
  }

  private void record(String jobId, String jobStore, JobOutcome outcome) {
    synchronized (recentlyRemoved) {
      if (!recentlyRemoved.contains(jobId)) {
        outcomes.put(jobId, new Entry(jobStore, outcome));
      }
    }
  }

  /**
   * How a run of a job ended.
   *
   * @param outcome {@value #SUCCESS}, {@value #ERROR}, {@value #MISSED} or {@value #MAX_INSTANCES}
   * @param time when it ended (or was skipped), from the scheduler's clock
   * @param scheduledRunTime the run time concerned (the last one, for skipped runs)
   * @param error the exception, as {@code class: message}, for {@value #ERROR}; otherwise {@code
   *     null}
   */
  public record JobOutcome(
      String outcome, Instant time, Instant scheduledRunTime, @Nullable String error) {}

  private record Entry(String jobStore, JobOutcome outcome) {}
}
