package io.scheduler.boot.actuate;

import io.scheduler.Scheduler;
import io.scheduler.SchedulerState;
import io.scheduler.job.Job;
import io.scheduler.store.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of a scheduler and its job stores.
 *
 * <p>Status: {@code OUT_OF_SERVICE} while the scheduler is stopped (not started yet, or shut down);
 * {@code DOWN} when a job store cannot be reached: a checked store's {@link
 * JobStore#checkAvailable()} throws, or listing the scheduler's jobs fails; otherwise {@code UP},
 * also while job processing is paused.
 *
 * <p>Details: {@code state} ({@code RUNNING}, {@code PAUSED} or {@code STOPPED}); {@code stores}
 * (per checked store: {@code status} and, when down, {@code error}); {@code jobs} (how many);
 * {@code misfireBacklog}; {@code runningInstances} (runs in progress); {@code error} when listing
 * failed.
 *
 * <p>{@code misfireBacklog} is the number of jobs that have a next run time earlier than now minus
 * their misfire grace time: were they processed now, that run would be skipped as missed. Jobs
 * without a grace time never count. A backlog that stays above zero while the scheduler runs means
 * it falls behind its jobs (too few workers, a slow store); after a pause it counts the runs the
 * pause will cost. It is a detail and does not change the status.
 */
public class SchedulerHealthIndicator extends AbstractHealthIndicator {

  private final Scheduler scheduler;
  private final Supplier<Map<String, JobStore>> jobStores;

  /**
   * Creates the indicator.
   *
   * @param scheduler the scheduler
   * @param jobStores the stores whose {@code checkAvailable()} is called, by name, read at every
   *     check
   */
  public SchedulerHealthIndicator(Scheduler scheduler, Supplier<Map<String, JobStore>> jobStores) {
    super("Scheduler health check failed");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.jobStores = Objects.requireNonNull(jobStores, "jobStores");
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    SchedulerState state = scheduler.state();
    builder.withDetail("state", state.name());
    if (state == SchedulerState.STOPPED) {
      builder.outOfService();
      return;
    }
    boolean storeDown = false;
    Map<String, Object> stores = new LinkedHashMap<>();
    for (Map.Entry<String, JobStore> store : jobStores.get().entrySet()) {
      try {
        store.getValue().checkAvailable();
        stores.put(store.getKey(), Map.of("status", "UP"));
      } catch (RuntimeException e) {
        storeDown = true;
        stores.put(store.getKey(), Map.of("status", "DOWN", "error", e.toString()));
      }
    }
    if (!stores.isEmpty()) {
      builder.withDetail("stores", stores);
    }
    List<Job> jobs;
    try {
      jobs = scheduler.getJobs();
    } catch (RuntimeException e) {
      builder.down(e);
      return;
    }
    Instant now = scheduler.clock().instant();
    builder
        .withDetail("jobs", jobs.size())
        .withDetail("misfireBacklog", jobs.stream().filter(job -> isBacklogged(job, now)).count())
        .withDetail(
            "runningInstances",
            scheduler.runningInstances().values().stream().mapToInt(Integer::intValue).sum());
    if (storeDown) {
      builder.down();
    } else {
      builder.up();
    }
  }

  private static boolean isBacklogged(Job job, Instant now) {
    Optional<Instant> next = job.nextRunTime();
    Optional<Duration> grace = job.misfireGraceTime();
    return next.isPresent() && grace.isPresent() && next.get().plus(grace.get()).isBefore(now);
  }
}
