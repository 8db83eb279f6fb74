package io.scheduler.testing;

import static io.scheduler.internal.Require.requireArgument;
import static io.scheduler.internal.Require.requireState;

import io.scheduler.AbstractScheduler;
import io.scheduler.SchedulerBuilder;
import io.scheduler.SchedulerState;
import io.scheduler.executor.JobExecutors;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A scheduler for tests: it has no thread of its own and processes due jobs only when the test
 * calls {@link #runDueJobs()} or {@link #advance(Duration)}. Its default executor is {@link
 * JobExecutors#direct()}, so jobs run on the test's thread and are done when those methods return.
 * Every semantic is the real one (misfire grace, coalescing, instance limits, events).
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T08:00:00Z"), ZoneId.of("Europe/Berlin"));
 * ManualScheduler scheduler = ManualScheduler.builder(clock).build();
 * scheduler.start();
 * scheduler.addJob(JobSpec.builder().task(report::send).trigger("interval", Map.of("minutes", 5)).build());
 * scheduler.advanceStepwise(Duration.ofMinutes(15)); // runs at 08:05, 08:10, 08:15
 * }</pre>
 */
public final class ManualScheduler extends AbstractScheduler {

  private final MutableClock clock;

  private ManualScheduler(SchedulerBuilder<ManualScheduler> builder, MutableClock clock) {
    super(builder);
    this.clock = clock;
  }

  /**
   * Returns a builder for a scheduler on {@code clock} (its zone is the default time zone).
   *
   * @param clock the clock the test moves
   * @return a new builder
   */
  public static SchedulerBuilder<ManualScheduler> builder(MutableClock clock) {
    return new SchedulerBuilder<ManualScheduler>(
            builder -> new ManualScheduler(builder, clock), JobExecutors::direct)
        .clock(clock);
  }

  /**
   * Returns the clock this scheduler reads.
   *
   * @return the clock
   */
  public MutableClock mutableClock() {
    return clock;
  }

  /**
   * Runs one pass: submits every job due at the clock's current time.
   *
   * @return when the next job is due, or {@code null} when none is (or the scheduler is paused)
   * @throws IllegalStateException when the scheduler has not been started
   */
  public @Nullable Instant runDueJobs() {
    requireState(state() != SchedulerState.STOPPED, "start the scheduler before running jobs");
    return processDueJobs();
  }

  /**
   * Moves the clock forward in one jump, then runs the due jobs, as if the process had been asleep:
   * runs missed by more than their grace time are skipped, overdue runs coalesce.
   *
   * @param duration how far to move
   */
  public void advance(Duration duration) {
    requireArgument(!duration.isNegative(), "duration must not be negative, but was %s", duration);
    clock.advance(duration);
    runDueJobs();
  }

  /**
   * Moves the clock forward through every due time up to {@code duration} from now, stopping at
   * each to run the jobs due then, so every run happens on time.
   *
   * @param duration how far to move
   */
  public void advanceStepwise(Duration duration) {
    requireArgument(!duration.isNegative(), "duration must not be negative, but was %s", duration);
    Instant target = clock.instant().plus(duration);
    @Nullable Instant next = runDueJobs();
    while (next != null && !next.isAfter(target)) {
      if (next.isAfter(clock.instant())) {
        clock.setInstant(next);
      }
      next = runDueJobs();
    }
    clock.setInstant(target);
    runDueJobs();
  }

  @Override
  protected void startProcessing() {
    // Passes run only when the test asks for them.
  }

  @Override
  protected void stopProcessing() {
    // No thread to stop.
  }
}
