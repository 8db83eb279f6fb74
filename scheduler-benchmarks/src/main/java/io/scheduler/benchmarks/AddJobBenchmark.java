package io.scheduler.benchmarks;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.IntervalTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One {@code addJob} on a running in-memory scheduler, spec building included, as an application
 * writes it: a date job (a day ahead, so nothing runs meanwhile) or an hourly interval job, with
 * the trigger given as an object ({@code DateTrigger.at}, {@code IntervalTrigger.every}) or as
 * alias and options ({@code trigger("date", Map.of("run_date", at))}, the form the README teaches).
 * The store is emptied before each iteration, so it never holds more than one iteration's jobs.
 *
 * <p>Warm: {@code -bm avgt}. Cold: the first invocation in fresh JVMs ({@code -bm ss -wi 0 -i 1 -f
 * 5}, 1,000 adds); the README gives both commands and figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AddJobBenchmark {

  /** The job and how its trigger is given: {@code date}, {@code interval}, and their aliases. */
  @Param({"date", "date-alias", "interval", "interval-alias"})
  public String kind = "date";

  /** The adds of one invocation. */
  static final int ADDS = 1_000;

  private final Runnable task = () -> {};
  private final Instant at = Instant.now().plus(Duration.ofDays(1));
  private final IntervalTrigger hourly = IntervalTrigger.every(Duration.ofHours(1));
  private Scheduler scheduler = BackgroundScheduler.builder().build();

  /** Starts a scheduler with one 8-thread pool, as the engine harness's contender has. */
  @Setup(Level.Trial)
  public void start() {
    scheduler =
        BackgroundScheduler.builder()
            .executor("default", JobExecutors.threadPool(8))
            .timezone(ZoneOffset.UTC)
            .build();
    scheduler.start();
  }

  /** Shuts the scheduler down. */
  @TearDown(Level.Trial)
  public void stop() {
    scheduler.shutdown(false);
  }

  /** Adds {@value #ADDS} jobs, each from a new spec, then empties the store. */
  @Benchmark
  @OperationsPerInvocation(ADDS)
  public void addJob(Blackhole added) {
    for (int i = 0; i < ADDS; i++) {
      added.consume(addOne());
    }
    scheduler.removeAllJobs();
  }

  private Job addOne() {
    JobSpec.Builder spec = JobSpec.builder().task(task);
    switch (kind) {
      case "date" -> spec.trigger(DateTrigger.at(at, ZoneOffset.UTC));
      case "date-alias" -> spec.trigger("date", Map.of("run_date", at));
      case "interval" -> spec.trigger(hourly);
      case "interval-alias" -> spec.trigger("interval", Map.of("hours", 1));
      default -> throw new IllegalArgumentException("kind must be one of the @Param values");
    }
    return scheduler.addJob(spec.build());
  }
}
