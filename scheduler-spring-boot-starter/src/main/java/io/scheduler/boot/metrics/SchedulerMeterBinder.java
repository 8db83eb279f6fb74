package io.scheduler.boot.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.scheduler.Scheduler;
import io.scheduler.SchedulerState;
import java.util.Locale;
import java.util.Objects;

/**
 * Gauges of a scheduler's jobs:
 *
 * <ul>
 *   <li>{@value #JOBS}: the number of jobs, tagged {@code state}: {@code scheduled} (with a next
 *       run time), {@code paused} (without one) or, while the scheduler is stopped, {@code pending}
 *       (added but not yet scheduled).
 *   <li>{@value #RUNNING}: the number of runs in progress, over all jobs ({@link
 *       Scheduler#runningInstances()}).
 * </ul>
 *
 * <p>The job gauges list the scheduler's jobs each time they are read (once per state); a store
 * that fails makes them read {@code NaN}.
 */
public final class SchedulerMeterBinder implements MeterBinder {

  /** Gauge of the number of jobs, by {@value #TAG_STATE}. */
  public static final String JOBS = "scheduler.jobs";

  /** Gauge of the number of runs in progress. */
  public static final String RUNNING = "scheduler.jobs.running";

  /** Tag holding the job state: {@code scheduled}, {@code paused} or {@code pending}. */
  public static final String TAG_STATE = "state";

  private final Scheduler scheduler;

  /**
   * Creates the binder.
   *
   * @param scheduler the scheduler to measure
   */
  public SchedulerMeterBinder(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (JobState state : JobState.values()) {
      Gauge.builder(JOBS, scheduler, s -> count(s, state))
          .description("Jobs by state")
          .tag(TAG_STATE, state.tagValue())
          .register(registry);
    }
    Gauge.builder(RUNNING, scheduler, SchedulerMeterBinder::running)
        .description("Runs in progress")
        .register(registry);
  }

  private static double count(Scheduler scheduler, JobState state) {
    boolean stopped = scheduler.state() == SchedulerState.STOPPED;
    if (stopped != (state == JobState.PENDING)) {
      return 0;
    }
    if (stopped) {
      return scheduler.getJobs().size();
    }
    boolean paused = state == JobState.PAUSED;
    return scheduler.getJobs().stream().filter(job -> job.isPaused() == paused).count();
  }

  private static double running(Scheduler scheduler) {
    return scheduler.runningInstances().values().stream().mapToInt(Integer::intValue).sum();
  }

  private enum JobState {
    SCHEDULED,
    PAUSED,
    PENDING;

    String tagValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
