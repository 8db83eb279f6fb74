package io.scheduler.testing;

import static io.scheduler.internal.Require.requireArgument;
import static io.scheduler.internal.Require.requireState;

import io.scheduler.Scheduler;
import io.scheduler.SchedulerBuilder;
import io.scheduler.SchedulerState;
import io.scheduler.event.EventType;
import io.scheduler.event.SchedulerListener;
import io.scheduler.executor.JobExecutor;
import io.scheduler.executor.JobExecutors;
import io.scheduler.internal.engine.EngineState;
import io.scheduler.internal.engine.JobOperations;
import io.scheduler.internal.engine.JobQueries;
import io.scheduler.internal.engine.Processing;
import io.scheduler.internal.engine.SchedulerEngine;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.store.JobStore;
import io.scheduler.store.UnloadableJob;
import io.scheduler.trigger.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A scheduler for tests: it has no thread of its own and processes due jobs only when the test
 * calls {@link #runDueJobs()} or {@link #advance(Duration)}. Its default executor is {@link
 * JobExecutors#direct()}, so jobs run on the test's thread and are done when those methods return.
 * Every semantic is the real one (misfire grace, coalescing, instance limits, events): it is the
 * same engine as the other schedulers', whose passes the test runs.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T08:00:00Z"), ZoneId.of("Europe/Berlin"));
 * ManualScheduler scheduler = ManualScheduler.builder(clock).build();
 * scheduler.start();
 * scheduler.addJob(JobSpec.builder().task(report::send).trigger("interval", Map.of("minutes", 5)).build());
 * scheduler.advanceStepwise(Duration.ofMinutes(15)); // runs at 08:05, 08:10, 08:15
 * }</pre>
 */
public final class ManualScheduler implements Scheduler {

  private final SchedulerEngine engine;
  private final JobOperations jobs;
  private final JobQueries queries;
  private final MutableClock clock;

  private ManualScheduler(SchedulerEngine engine, MutableClock clock) {
    this.engine = engine;
    this.jobs = engine.jobs();
    this.queries = engine.queries();
    this.clock = clock;
  }

  /**
   * Returns a builder for a scheduler on {@code clock} (its zone is the default time zone).
   *
   * @param clock the clock the test moves
   * @return a new builder
   */
  public static SchedulerBuilder<ManualScheduler> builder(MutableClock clock) {
    return SchedulerBuilder.<ManualScheduler>forEngine(
            config ->
                new ManualScheduler(new SchedulerEngine(config, Processing.onDemand()), clock),
            JobExecutors::direct)
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
    requireState(engine.state() != EngineState.STOPPED, "start the scheduler before running jobs");
    return engine.processDueJobs();
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
  public Job addJob(JobSpec spec) {
    return jobs.addJob(spec);
  }

  @Override
  public List<Job> addJobs(List<JobSpec> specs) {
    return jobs.addJobs(specs);
  }

  @Override
  public Job modifyJob(String id, Consumer<JobSpec.Builder> changes) {
    return jobs.modifyJob(id, changes);
  }

  @Override
  public Job rescheduleJob(String id, Trigger trigger) {
    return jobs.rescheduleJob(id, trigger);
  }

  @Override
  public Job rescheduleJob(String id, String triggerAlias, Map<String, ?> triggerOptions) {
    return jobs.rescheduleJob(id, triggerAlias, triggerOptions);
  }

  @Override
  public Job pauseJob(String id) {
    return jobs.pauseJob(id);
  }

  @Override
  public Optional<Job> resumeJob(String id) {
    return jobs.resumeJob(id);
  }

  @Override
  public boolean runJob(String id) {
    return jobs.runJob(id);
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
  public void removeAllJobs(String jobStore) {
    jobs.removeAllJobs(jobStore);
  }

  @Override
  public Optional<Job> getJob(String id) {
    return queries.getJob(id);
  }

  @Override
  public List<Job> getJobs() {
    return queries.getJobs();
  }

  @Override
  public List<Job> getJobs(String jobStore) {
    return queries.getJobs(jobStore);
  }

  @Override
  public List<UnloadableJob> getUnloadableJobs() {
    return queries.getUnloadableJobs();
  }

  @Override
  public void printJobs(Appendable out) {
    queries.printJobs(out);
  }

  @Override
  public void start(boolean paused) {
    engine.start(paused);
  }

  @Override
  public void pause() {
    engine.pause();
  }

  @Override
  public void resume() {
    engine.resume();
  }

  @Override
  public void shutdown(boolean wait) {
    engine.shutdown(wait);
  }

  @Override
  public void wakeup() {
    engine.wakeup();
  }

  @Override
  public void addJobStore(String alias, JobStore store) {
    engine.addJobStore(alias, store);
  }

  @Override
  public void removeJobStore(String alias) {
    engine.removeJobStore(alias);
  }

  @Override
  public void addExecutor(String alias, JobExecutor executor) {
    engine.addExecutor(alias, executor);
  }

  @Override
  public void removeExecutor(String alias) {
    engine.removeExecutor(alias);
  }

  @Override
  public void addListener(SchedulerListener listener, EventType... types) {
    engine.addListener(listener, types);
  }

  @Override
  public void removeListener(SchedulerListener listener) {
    engine.removeListener(listener);
  }

  @Override
  public SchedulerState state() {
    return SchedulerState.valueOf(engine.state().name());
  }

  @Override
  public ZoneId timezone() {
    return engine.timezone();
  }

  @Override
  public Clock clock() {
    return engine.clock();
  }

  @Override
  public Map<String, Integer> runningInstances() {
    return engine.runningInstances();
  }

  @Override
  public Map<String, JobStore> jobStores() {
    return engine.jobStores();
  }
}
