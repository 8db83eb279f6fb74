package io.scheduler.benchmarks;

import io.scheduler.trigger.CronTrigger;
import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.Triggers;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.scheduling.support.CronExpression;

/**
 * Next fire time of common cron expressions: scheduler-core's {@link Trigger} side by side with
 * Spring's {@link CronExpression#next}, in the same run.
 *
 * <p>Each invocation starts from the next of {@value #STARTS} instants generated once with a fixed
 * seed (2020 to 2035, Europe/Berlin and America/New_York), so neither branch prediction nor a cache
 * can learn one answer. Both sides compute in the start's zone and answer the first fire time
 * strictly after the start: ours as {@code nextFireTime(start, start)}, Spring's as {@code
 * next(start)}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CronNextFireTimeBenchmark {

  /** How many start instants the benchmark cycles through; a power of two. */
  static final int STARTS = 1024;

  private static final long SEED = 20_240_229L;
  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"));
  private static final long FROM = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
  private static final long UNTIL = Instant.parse("2036-01-01T00:00:00Z").getEpochSecond();

  /** One row of the table: how we build the trigger, and Spring's equivalent expression. */
  private record Row(Function<ZoneId, Trigger> scheduler, String spring) {}

  private static final Map<String, Row> ROWS =
      Map.of(
          "every5min", new Row(zone -> CronTrigger.parse("*/5 * * * *", zone), "0 */5 * * * *"),
          "weekdays9am",
              new Row(zone -> CronTrigger.parse("0 9 * * mon-fri", zone), "0 0 9 * * MON-FRI"),
          "lastDay12", new Row(zone -> CronTrigger.parse("0 0 12 L * ?", zone), "0 0 12 L * ?"),
          "lastFri3am",
              new Row(
                  zone -> Triggers.create("cron", Map.of("day", "last fri", "hour", "3"), zone),
                  "0 0 3 ? * 5L"),
          "feb29Monday",
              new Row(zone -> CronTrigger.parse("0 0 0 29 2 MON", zone), "0 0 0 29 2 MON"));

  /** The expression under test, by row name. */
  @Param({"every5min", "weekdays9am", "lastDay12", "lastFri3am", "feb29Monday"})
  public String row = "every5min";

  /** Who answers: {@code scheduler} (scheduler-core) or {@code spring} (Spring's reference). */
  @Param({"scheduler", "spring"})
  public String impl = "scheduler";

  private ZonedDateTime[] starts = new ZonedDateTime[0];
  private Trigger[] triggers = new Trigger[0];
  private @Nullable CronExpression spring;
  private int next;

  /** Generates the start instants and builds the row's trigger for each zone. */
  @Setup(Level.Trial)
  public void setUp() {
    Row selected = ROWS.get(row);
    if (selected == null) {
      throw new IllegalArgumentException(
          "row must be one of " + ROWS.keySet() + ", but was " + row);
    }
    if (!impl.equals("scheduler") && !impl.equals("spring")) {
      throw new IllegalArgumentException("impl must be scheduler or spring, but was " + impl);
    }
    Map<ZoneId, Trigger> byZone = new HashMap<>();
    for (ZoneId zone : ZONES) {
      byZone.put(zone, selected.scheduler().apply(zone));
    }
    CronExpression reference = CronExpression.parse(selected.spring());

    SplittableRandom random = new SplittableRandom(SEED);
    starts = new ZonedDateTime[STARTS];
    triggers = new Trigger[STARTS];
    for (int i = 0; i < STARTS; i++) {
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      starts[i] = Instant.ofEpochSecond(random.nextLong(FROM, UNTIL)).atZone(zone);
      triggers[i] = byZone.get(zone);
    }
    spring = impl.equals("spring") ? reference : null;
    if (impl.equals("scheduler")) {
      reportDisagreements(reference);
    }
  }

  /** Answers the next fire time after one start instant, rotating through all of them. */
  @Benchmark
  public void nextFireTime(Blackhole blackhole) {
    int i = next++ & (STARTS - 1);
    ZonedDateTime start = starts[i];
    CronExpression reference = spring;
    if (reference != null) {
      blackhole.consume(reference.next(start));
    } else {
      blackhole.consume(triggers[i].nextFireTime(start, start));
    }
  }

  /** Prints, outside the measurement, how often the two sides answer different instants. */
  private void reportDisagreements(CronExpression reference) {
    int disagreements = 0;
    String first = "";
    for (int i = 0; i < STARTS; i++) {
      Optional<Instant> ours =
          triggers[i].nextFireTime(starts[i], starts[i]).map(ZonedDateTime::toInstant);
      @Nullable ZonedDateTime theirs = reference.next(starts[i]);
      Optional<Instant> expected = Optional.ofNullable(theirs).map(ZonedDateTime::toInstant);
      if (!ours.equals(expected)) {
        if (disagreements++ == 0) {
          first = " (first: after " + starts[i] + " ours " + ours + ", Spring " + expected + ")";
        }
      }
    }
    System.out.printf(
        "%s: scheduler and Spring disagree on %d of %d starts%s%n",
        row, disagreements, STARTS, first);
  }
}
