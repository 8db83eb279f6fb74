package io.scheduler.benchmarks;

import io.scheduler.internal.Json;
import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.Task;
import io.scheduler.job.TaskRef;
import io.scheduler.store.JobJson;
import io.scheduler.trigger.CronTrigger;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.TriggerJson;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing a job's stored form, as every add to a persistent store does: {@link JobJson#toJson}
 * against the same JSON built as a map and written by the shared mapper (how {@code toJson} wrote
 * it before it wrote into one {@code StringBuilder}; the setup checks that both agree). Shapes:
 * {@code date} (a one-shot job in UTC, as the persistent benchmarks add 20,000 of), {@code
 * interval} (with args and kwargs) and {@code cron}. Add {@code -prof gc} for bytes per write.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JobJsonWriteBenchmark {

  private static final Instant AT = Instant.parse("2026-03-02T08:00:00.123Z");
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** The job's shape: {@code date}, {@code interval} or {@code cron}. */
  @Param({"date", "interval", "cron"})
  public String shape = "date";

  private Job job = job("date");

  /** Builds the shape's job and checks that both ways write the same text. */
  @Setup(Level.Trial)
  public void setUp() {
    job = job(shape);
    if (!toJson().equals(mapper())) {
      throw new IllegalStateException("the writers disagree: " + toJson() + " / " + mapper());
    }
  }

  /** The store's writer. */
  @Benchmark
  public String toJson() {
    return JobJson.toJson(job);
  }

  /** The same JSON as a map through the shared mapper. */
  @Benchmark
  public String mapper() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", JobJson.FORMAT_VERSION);
    json.put("id", job.id());
    json.put("name", job.name());
    json.put("task", job.taskRef().orElseThrow().value());
    json.put("trigger", TriggerJson.toMap(job.trigger()));
    json.put("args", job.args());
    json.put("kwargs", job.kwargs());
    json.put("misfire_grace_time", job.misfireGraceTime().map(Duration::toString).orElse(null));
    json.put("coalesce", job.coalesce().name());
    json.put("max_instances", job.maxInstances());
    json.put("executor", job.executor());
    return Json.write(json);
  }

  private static Job job(String shape) {
    JobSpec.Builder spec =
        JobSpec.builder()
            .id("job-" + shape + "-000123")
            .task(TaskRef.of("io.scheduler.benchmarks.persistent.RecordingTask::run"));
    Trigger trigger =
        switch (shape) {
          case "date" -> DateTrigger.at(AT, ZoneOffset.UTC);
          case "interval" -> {
            spec.args("eu-west", 7, false)
                .kwargs(Map.of("recipients", List.of("ops@example.com", "dev@example.com")))
                .misfireGraceTime(Duration.ofSeconds(30));
            yield IntervalTrigger.every(Duration.ofMinutes(5)).withZone(ZONE);
          }
          case "cron" -> CronTrigger.parse("0 30 9 * * MON-FRI", ZONE);
          default ->
              throw new IllegalArgumentException(
                  "shape must be date, interval or cron, but was " + shape);
        };
    JobSpec built = spec.trigger(trigger).build();
    return Job.create(built, built.id(), Task.of(() -> {}), trigger, JobDefaults.ofDefaults(), AT);
  }
}
