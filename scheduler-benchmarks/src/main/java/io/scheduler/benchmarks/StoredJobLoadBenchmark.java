package io.scheduler.benchmarks;

import io.scheduler.internal.Json;
import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.JobJson;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStoreListener;
import io.scheduler.trigger.CronTrigger;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Loading a stored job: reading its JSON form (as every persistent store keeps it, see {@link
 * JobJson}) with the core's strict reader ({@link Json#read}, {@code JsonText}) and with
 * jackson-core's streaming {@link JsonParser} building the same maps and lists; and, for scale, the
 * whole {@link JobJson#fromJson} (read, trigger, task reference and binding, the job).
 *
 * <p>Three shapes of stored job: {@code date} (a one-shot job, as the persistent benchmarks P1 and
 * P2 store 20,000 of), {@code interval} (with args and kwargs) and {@code cron}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StoredJobLoadBenchmark {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant AT = Instant.parse("2026-03-02T08:00:00.123456Z");
  private static final JsonFactory JSON = new JsonFactory();

  /** The stored job's shape: {@code date}, {@code interval} or {@code cron}. */
  @Param({"date", "interval", "cron"})
  public String shape = "date";

  private String json = "";
  private JobStoreContext context =
      new JobStoreContext(
          "default",
          Clock.systemUTC(),
          ZONE,
          TaskResolver.staticMethods(),
          "bench",
          JobStoreListener.NONE);

  /** A task with positional and keyword parameters, as a stored interval job names it. */
  public static String report(
      String region, int days, boolean dryRun, List<String> recipients, int retries) {
    return region + days + dryRun + recipients + retries;
  }

  /** Writes the shape's job in its stored form and checks that both readers agree on it. */
  @Setup(Level.Trial)
  public void setUp() {
    Job job = job(shape);
    json = JobJson.toJson(job);
    Object ours = Json.read(json);
    Object jackson = readStreaming(json);
    if (!Objects.equals(ours, jackson)) {
      throw new IllegalStateException("the readers disagree on " + json);
    }
    System.out.printf("%s: %d characters: %s%n", shape, json.length(), json);
  }

  /** Reads the JSON text with the core's reader. */
  @Benchmark
  public @Nullable Object jsonText() {
    return Json.read(json);
  }

  /** Reads the JSON text with jackson-core's streaming parser into the same values. */
  @Benchmark
  public @Nullable Object jacksonStreaming() {
    return readStreaming(json);
  }

  /** Loads the whole job as a store does. */
  @Benchmark
  public Job fromJson() {
    return JobJson.fromJson(json, AT, context);
  }

  private static Job job(String shape) {
    ZonedDateTime start = ZonedDateTime.ofInstant(AT, ZONE);
    JobSpec.Builder spec = JobSpec.builder().id("job-" + shape + "-000123").jobStore("default");
    Trigger trigger;
    switch (shape) {
      case "date" -> {
        trigger = DateTrigger.at(AT, ZoneId.of("UTC"));
        spec.task(TaskRef.of("io.scheduler.benchmarks.persistent.RecordingTask::run"));
      }
      case "interval" -> {
        trigger = IntervalTrigger.every(Duration.ofMinutes(5)).withStartDate(start).withZone(ZONE);
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("recipients", List.of("ops@example.com", "dev@example.com"));
        kwargs.put("retries", 2);
        spec.name("Regional report")
            .task(TaskRef.of("io.scheduler.benchmarks.StoredJobLoadBenchmark::report"))
            .args("eu-west", 7, false)
            .kwargs(kwargs)
            .misfireGraceTime(Duration.ofSeconds(30))
            .maxInstances(2);
      }
      case "cron" -> {
        trigger = CronTrigger.parse("0 30 9 * * MON-FRI", ZONE);
        spec.name("Daily report")
            .task(TaskRef.of("io.scheduler.benchmarks.persistent.RecordingTask::run"));
      }
      default ->
          throw new IllegalArgumentException(
              "shape must be date, interval or cron, but was " + shape);
    }
    JobSpec built = spec.trigger(trigger).build();
    TaskRef ref = Objects.requireNonNull(built.taskRef());
    return Job.create(
        built,
        built.id(),
        TaskResolver.staticMethods().resolve(ref, built.args(), built.kwargs()),
        trigger,
        JobDefaults.ofDefaults(),
        AT);
  }

  // ------------------------------------------------------------ the streaming reader measured

  /** Reads one JSON value that makes up the whole text, as {@link Json#read} does. */
  static @Nullable Object readStreaming(String text) {
    try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("unexpected end of text");
      }
      Object value = value(parser, first);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("unexpected content after the value");
      }
      return value;
    }
  }

  private static @Nullable Object value(JsonParser parser, JsonToken token) {
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          object.put(name, value(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        yield array;
      }
      case VALUE_STRING -> parser.getString();
      case VALUE_NUMBER_INT -> parser.getNumberValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IllegalArgumentException("unexpected " + token);
    };
  }
}
