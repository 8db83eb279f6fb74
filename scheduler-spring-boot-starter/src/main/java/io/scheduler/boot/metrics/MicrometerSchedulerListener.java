package io.scheduler.boot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.scheduler.SchedulerBuilder;
import io.scheduler.event.EventType;
import io.scheduler.event.JobLeaseLost;
import io.scheduler.event.JobLoadFailed;
import io.scheduler.event.JobMissed;
import io.scheduler.event.JobRecovered;
import io.scheduler.event.MaxInstancesReached;
import io.scheduler.event.SchedulerEvent;
import io.scheduler.event.SchedulerListener;
import io.scheduler.job.Job;
import io.scheduler.job.JobRunObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Records a scheduler's skipped and recovered runs and the lateness of its runs in Micrometer
 * meters:
 *
 * <ul>
 *   <li>{@value #MISSED} (counter): runs skipped because they would have started later than their
 *       job's misfire grace time ({@code JOB_MISSED} events); tags {@code jobstore} and, when
 *       enabled, {@code job}.
 *   <li>{@value #MAX_INSTANCES} (counter): runs skipped because their job already ran its maximum
 *       number of instances (one per run time of a {@code JOB_MAX_INSTANCES} event); tags {@code
 *       jobstore} and, when enabled, {@code job}.
 *   <li>{@value #RECOVERED} (counter): runs this scheduler took over from a scheduler whose lease
 *       on them expired in a shared store (one per run time of a {@code JOB_RECOVERED} event); tags
 *       {@code jobstore} and, when enabled, {@code job}.
 *   <li>{@value #LEASE_LOST} (counter): changes refused because another scheduler took the job or
 *       run over ({@code JOB_LEASE_LOST} events); same tags.
 *   <li>{@value #LOAD_FAILED} (counter): jobs a persistent store could not load ({@code
 *       JOB_LOAD_FAILED} events); same tags.
 *   <li>{@value #LATENESS} (timer): how late each run started: its start time minus its scheduled
 *       run time, both read from the scheduler's clock (never negative); tags {@code executor},
 *       {@code jobstore} and, when enabled, {@code job}.
 * </ul>
 *
 * <p>The {@code job} tag (the job id) is off unless {@code jobTag} is set: job ids may be generated
 * per job, and a tag value per job would grow the number of time series without bound. Register it
 * with {@link #bindTo(SchedulerBuilder)}; it is thread-safe.
 */
public final class MicrometerSchedulerListener implements SchedulerListener, JobRunObserver {

  /** Counter of runs skipped for starting later than the misfire grace time. */
  public static final String MISSED = "scheduler.job.missed";

  /** Counter of runs skipped because the job already ran its maximum number of instances. */
  public static final String MAX_INSTANCES = "scheduler.job.max.instances";

  /** Counter of runs taken over from another scheduler in a shared store. */
  public static final String RECOVERED = "scheduler.job.recovered";

  /** Counter of changes refused because another scheduler took the job or run over. */
  public static final String LEASE_LOST = "scheduler.job.lease.lost";

  /** Counter of jobs a persistent store could not load. */
  public static final String LOAD_FAILED = "scheduler.job.load.failed";

  /** Timer of how late runs start: start time minus scheduled run time. */
  public static final String LATENESS = "scheduler.job.lateness";

  /** Tag holding the job id (only when enabled). */
  public static final String TAG_JOB = "job";

  /** Tag holding the alias of the job's store. */
  public static final String TAG_JOBSTORE = "jobstore";

  /** Tag holding the alias of the job's executor. */
  public static final String TAG_EXECUTOR = "executor";

  private static final Run NOTHING = (result, error) -> {};

  // A timer records nanoseconds: a run time centuries overdue (a stored next run time of 0 or
  // earlier) is recorded as the longest lateness it can hold instead of overflowing.
  private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

  private final boolean jobTag;
  private final Meter.MeterProvider<Counter> missed;
  private final Meter.MeterProvider<Counter> maxInstances;
  private final Meter.MeterProvider<Counter> recovered;
  private final Meter.MeterProvider<Counter> leaseLost;
  private final Meter.MeterProvider<Counter> loadFailed;
  private final Meter.MeterProvider<Timer> lateness;

  /**
   * Creates the listener.
   *
   * @param registry where the meters are registered
   * @param jobTag whether the meters carry the {@code job} tag
   */
  public MicrometerSchedulerListener(MeterRegistry registry, boolean jobTag) {
    Objects.requireNonNull(registry, "registry");
    this.jobTag = jobTag;
    this.missed =
        Counter.builder(MISSED)
            .description("Runs skipped because they would have started later than the grace time")
            .withRegistry(registry);
    this.maxInstances =
        Counter.builder(MAX_INSTANCES)
            .description("Runs skipped because the job already ran its maximum number of instances")
            .withRegistry(registry);
    this.recovered =
        Counter.builder(RECOVERED)
            .description("Runs taken over from another scheduler whose lease expired")
            .withRegistry(registry);
    this.leaseLost =
        Counter.builder(LEASE_LOST)
            .description("Changes refused because another scheduler took the job or run over")
            .withRegistry(registry);
    this.loadFailed =
        Counter.builder(LOAD_FAILED)
            .description("Jobs a persistent store could not load")
            .withRegistry(registry);
    this.lateness =
        Timer.builder(LATENESS)
            .description("How late runs start: start time minus scheduled run time")
            .withRegistry(registry);
  }

  /**
   * Registers this listener on a scheduler builder, for the events and runs it measures.
   *
   * @param builder the builder
   */
  public void bindTo(SchedulerBuilder<?> builder) {
    builder
        .listener(
            this,
            EventType.JOB_MISSED,
            EventType.JOB_MAX_INSTANCES,
            EventType.JOB_RECOVERED,
            EventType.JOB_LEASE_LOST,
            EventType.JOB_LOAD_FAILED)
        .runObserver(this);
  }

  @Override
  public void onEvent(SchedulerEvent event) {
    if (event instanceof JobMissed miss) {
      missed.withTags(tags(miss.jobId(), miss.jobStore())).increment();
    } else if (event instanceof MaxInstancesReached skip) {
      maxInstances
          .withTags(tags(skip.jobId(), skip.jobStore()))
          .increment(skip.scheduledRunTimes().size());
    } else if (event instanceof JobRecovered recovery) {
      recovered
          .withTags(tags(recovery.jobId(), recovery.jobStore()))
          .increment(recovery.scheduledRunTimes().size());
    } else if (event instanceof JobLeaseLost lost) {
      leaseLost.withTags(tags(lost.jobId(), lost.jobStore())).increment();
    } else if (event instanceof JobLoadFailed failure) {
      loadFailed.withTags(tags(failure.jobId(), failure.jobStore())).increment();
    }
  }

  @Override
  public Run started(Job job, Instant scheduledRunTime, Instant startTime) {
    Duration late = Duration.between(scheduledRunTime, startTime);
    lateness
        .withTags(tags(job.id(), job.jobStore()).and(TAG_EXECUTOR, job.executor()))
        .record(late.isNegative() ? Duration.ZERO : late.compareTo(LONGEST) > 0 ? LONGEST : late);
    return NOTHING;
  }

  private Tags tags(String jobId, String jobStore) {
    Tags tags = Tags.of(TAG_JOBSTORE, jobStore);
    return jobTag ? tags.and(TAG_JOB, jobId) : tags;
  }
}
