package io.scheduler.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.trigger.CronTrigger;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.Triggers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The coalescing and misfire arithmetic, case by case: (trigger, policy, due, now) to runs; jobs
 * far behind (due in 1970, or at {@link Instant#MIN}) in bounded time; and the skip ahead compared
 * with the one-by-one walk on many cases where the walk is feasible.
 */
class DueRunsTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Trigger EVERY_MINUTE =
      Triggers.create(
          "interval", Map.of("minutes", 1, "start_date", "2026-03-02T10:00:00+01:00"), BERLIN);
  private static final Trigger UNTIL_10_02 =
      Triggers.create(
          "interval",
          Map.of(
              "minutes",
              1,
              "start_date",
              "2026-03-02T10:00:00+01:00",
              "end_date",
              "2026-03-02T10:02:00+01:00"),
          BERLIN);
  private static final Trigger ONCE_AT_10_00 = DateTrigger.at(at("10:00"), BERLIN);
  private static final Trigger ONCE_AT_10_10 = DateTrigger.at(at("10:10"), BERLIN);

  static Stream<Arguments> cases() {
    return Stream.of(
        row("on time", EVERY_MINUTE, CoalescePolicy.LATEST, "10:00", "10:00", "10:01", "10:00"),
        row(
            "late, latest",
            EVERY_MINUTE,
            CoalescePolicy.LATEST,
            "10:00",
            "10:03:30",
            "10:04",
            "10:03"),
        row(
            "late, earliest",
            EVERY_MINUTE,
            CoalescePolicy.EARLIEST,
            "10:00",
            "10:03:30",
            "10:04",
            "10:00"),
        row(
            "late, all",
            EVERY_MINUTE,
            CoalescePolicy.ALL,
            "10:00",
            "10:03:30",
            "10:04",
            "10:00",
            "10:01",
            "10:02",
            "10:03"),
        row(
            "just before the next",
            EVERY_MINUTE,
            CoalescePolicy.ALL,
            "10:00",
            "10:00:59",
            "10:01",
            "10:00"),
        row(
            "exactly at the next",
            EVERY_MINUTE,
            CoalescePolicy.ALL,
            "10:00",
            "10:01",
            "10:02",
            "10:00",
            "10:01"),
        row(
            "trigger ends",
            UNTIL_10_02,
            CoalescePolicy.ALL,
            "10:00",
            "10:05",
            null,
            "10:00",
            "10:01",
            "10:02"),
        row(
            "one-shot, on time",
            ONCE_AT_10_00,
            CoalescePolicy.LATEST,
            "10:00",
            "10:00",
            null,
            "10:00"),
        row("one-shot, late", ONCE_AT_10_00, CoalescePolicy.ALL, "10:00", "11:00", null, "10:00"),
        // Issue 14: a date job given an earlier next run time runs once (APScheduler's rule).
        row(
            "one-shot moved earlier",
            ONCE_AT_10_10,
            CoalescePolicy.LATEST,
            "10:00",
            "10:00",
            null,
            "10:00"),
        row(
            "one-shot moved earlier, late",
            ONCE_AT_10_10,
            CoalescePolicy.ALL,
            "10:00",
            "10:20",
            null,
            "10:00"),
        // Issue 14: after an off-grid run an interval continues at that run + interval.
        row(
            "interval moved off its grid",
            EVERY_MINUTE,
            CoalescePolicy.ALL,
            "10:00:30",
            "10:02",
            "10:02:30",
            "10:00:30",
            "10:01:30"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void dueRuns(
      String name,
      Trigger trigger,
      CoalescePolicy coalesce,
      Instant due,
      Instant now,
      @Nullable Instant next,
      List<Instant> runTimes) {
    DueRuns runs = DueRuns.of(job(trigger, coalesce, due), now, now.atZone(BERLIN));

    assertThat(runs.runTimes()).containsExactlyElementsOf(runTimes);
    assertThat(runs.next()).isEqualTo(next);
  }

  static Stream<Arguments> misfires() {
    return Stream.of(
        Arguments.of("on time", Duration.ZERO, Duration.ofSeconds(1), null),
        Arguments.of("within grace", Duration.ofMillis(500), Duration.ofSeconds(1), null),
        Arguments.of("exactly the grace", Duration.ofSeconds(1), Duration.ofSeconds(1), null),
        Arguments.of(
            "beyond grace", Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2)),
        Arguments.of("early", Duration.ofSeconds(-5), Duration.ZERO, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("misfires")
  void missedBy(String name, Duration late, Duration grace, @Nullable Duration missedBy) {
    Instant runTime = at("10:00");

    assertThat(DueRuns.missedBy(runTime, grace, runTime.plus(late))).isEqualTo(missedBy);
  }

  @Test
  void aTriggerThatDoesNotMoveForwardIsRefused() {
    Trigger stuck = (previous, now) -> Optional.of(at("10:00").atZone(BERLIN));
    Instant now = at("10:05");

    assertThatThrownBy(
            () ->
                DueRuns.of(job(stuck, CoalescePolicy.LATEST, at("10:00")), now, now.atZone(BERLIN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("which is not after its previous fire time");
  }

  // ------------------------------------------------------------------ far behind

  private static final Instant NOW = at("10:00:00.5");
  private static final Instant AT_10_00 = at("10:00");
  private static final Trigger EVERY_SECOND =
      IntervalTrigger.every(Duration.ofSeconds(1)).withZone(BERLIN);
  private static final Trigger EVERY_FIVE_MINUTES =
      Triggers.create("cron", Map.of("minute", "*/5"), BERLIN);
  private static final Duration NO_GRACE = null;

  static Stream<Arguments> farBehind() {
    long secondsSince1970 = Duration.between(Instant.EPOCH, AT_10_00).getSeconds();
    return Stream.of(
        Arguments.of(
            "1970, every second, latest",
            EVERY_SECOND,
            CoalescePolicy.LATEST,
            Duration.ofSeconds(1),
            Instant.EPOCH,
            List.of(AT_10_00),
            AT_10_00.plusSeconds(1),
            null),
        Arguments.of(
            "1970, every second, earliest",
            EVERY_SECOND,
            CoalescePolicy.EARLIEST,
            Duration.ofSeconds(1),
            Instant.EPOCH,
            List.of(Instant.EPOCH),
            AT_10_00.plusSeconds(1),
            null),
        Arguments.of(
            "1970, every second, all within a 10 s grace",
            EVERY_SECOND,
            CoalescePolicy.ALL,
            Duration.ofSeconds(10),
            Instant.EPOCH,
            seconds(AT_10_00.minusSeconds(9), 10),
            AT_10_00.plusSeconds(1),
            new DueRuns.Skipped(Instant.EPOCH, AT_10_00.minusSeconds(9), secondsSince1970 - 9)),
        Arguments.of(
            "1970, every second, all without grace: the 1000 most recent",
            EVERY_SECOND,
            CoalescePolicy.ALL,
            NO_GRACE,
            Instant.EPOCH,
            seconds(AT_10_00.minusSeconds(999), 1000),
            AT_10_00.plusSeconds(1),
            new DueRuns.Skipped(Instant.EPOCH, AT_10_00.minusSeconds(999), secondsSince1970 - 999)),
        Arguments.of(
            "1970, every second, all beyond grace: the latest, to be reported missed",
            EVERY_SECOND,
            CoalescePolicy.ALL,
            Duration.ofMillis(100),
            Instant.EPOCH,
            List.of(AT_10_00),
            AT_10_00.plusSeconds(1),
            new DueRuns.Skipped(Instant.EPOCH, AT_10_00, secondsSince1970)),
        Arguments.of(
            "Instant.MIN, every second, latest",
            EVERY_SECOND,
            CoalescePolicy.LATEST,
            Duration.ofSeconds(1),
            Instant.MIN,
            List.of(AT_10_00),
            AT_10_00.plusSeconds(1),
            null),
        Arguments.of(
            "Instant.MIN, every second, earliest: read as year 1",
            EVERY_SECOND,
            CoalescePolicy.EARLIEST,
            NO_GRACE,
            Instant.MIN,
            List.of(DueRuns.OLDEST),
            AT_10_00.plusSeconds(1),
            null),
        Arguments.of(
            "1970, cron every 5 minutes, latest",
            EVERY_FIVE_MINUTES,
            CoalescePolicy.LATEST,
            Duration.ofSeconds(1),
            Instant.EPOCH,
            List.of(AT_10_00),
            at("10:05"),
            null),
        Arguments.of(
            "Instant.MIN, cron every 5 minutes, all within an hour's grace",
            EVERY_FIVE_MINUTES,
            CoalescePolicy.ALL,
            Duration.ofHours(1),
            Instant.MIN,
            List.of(
                at("09:05"),
                at("09:10"),
                at("09:15"),
                at("09:20"),
                at("09:25"),
                at("09:30"),
                at("09:35"),
                at("09:40"),
                at("09:45"),
                at("09:50"),
                at("09:55"),
                at("10:00")),
            at("10:05"),
            new DueRuns.Skipped(DueRuns.OLDEST, at("09:05"), -1)),
        Arguments.of(
            "1970, daily calendar interval at 09:00 from 1970, latest",
            Triggers.create(
                "calendarinterval",
                Map.of("days", 1, "hour", 9, "start_date", "1970-01-01"),
                BERLIN),
            CoalescePolicy.LATEST,
            NO_GRACE,
            Instant.EPOCH,
            List.of(at("09:00")),
            at("09:00").plus(Duration.ofDays(1)),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("farBehind")
  void aJobFarBehindSkipsAheadInBoundedTime(
      String name,
      Trigger trigger,
      CoalescePolicy coalesce,
      @Nullable Duration grace,
      Instant due,
      List<Instant> runTimes,
      Instant next,
      DueRuns.@Nullable Skipped skipped) {
    Job job = job(trigger, coalesce, grace, due);

    DueRuns runs =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> DueRuns.of(job, NOW, NOW.atZone(BERLIN)));

    assertThat(runs.runTimes()).containsExactlyElementsOf(runTimes);
    assertThat(runs.next()).isEqualTo(next);
    assertThat(runs.skipped()).isEqualTo(skipped);
  }

  @Test
  void aJobAtMostMaxRunsBehindIsWalkedAndReportsEveryMissedRunAsBefore() {
    Instant due = AT_10_00.minusSeconds(DueRuns.MAX_RUNS - 1);
    Job job = job(EVERY_SECOND, CoalescePolicy.ALL, Duration.ofSeconds(1), due);

    DueRuns runs = DueRuns.of(job, NOW, NOW.atZone(BERLIN));

    assertThat(runs.runTimes()).containsExactlyElementsOf(seconds(due, DueRuns.MAX_RUNS));
    assertThat(runs.skipped()).isNull();
  }

  @Test
  void oneRunTooManySkipsAheadToTheMostRecentThatCanStillRun() {
    Instant due = AT_10_00.minusSeconds(DueRuns.MAX_RUNS);
    Job job = job(EVERY_SECOND, CoalescePolicy.ALL, Duration.ofSeconds(1), due);

    DueRuns runs = DueRuns.of(job, NOW, NOW.atZone(BERLIN));

    assertThat(runs.runTimes()).containsExactly(AT_10_00);
    assertThat(runs.skipped()).isEqualTo(new DueRuns.Skipped(due, AT_10_00, DueRuns.MAX_RUNS));
    assertThat(runs.skipped().describe(1))
        .isEqualTo(
            "was more than 1000 run times behind: skipped 1000 overdue run times from "
                + due
                + " to before "
                + AT_10_00
                + " and submits the 1 most recent that can still run (at most 1000)");
  }

  /**
   * The skip ahead against the one-by-one walk, on cases where the walk is feasible: every built-in
   * trigger kind whose fire times do not depend on when it last fired (intervals by their grid,
   * cron, calendar intervals with a start date, and/or combinations), across the 2026 DST change in
   * Berlin and New York, walking at most 2 to 20 fire times before skipping. Latest and earliest
   * give exactly the walk's result; all gives the walk's most recent run times within the grace
   * time, at most the limit (exactly those for interval triggers).
   */
  @Test
  void skippingAheadGivesWhatTheWalkGives() {
    Random random = new Random(14);
    int compared = 0;
    for (int i = 0; i < 400; i++) {
      ZoneId zone = random.nextBoolean() ? BERLIN : ZoneId.of("America/New_York");
      Case c = randomCase(random, zone);
      Instant due = BASE.plusSeconds(random.nextInt(40 * 86_400));
      Instant now =
          due.plus(Duration.ofSeconds((long) (random.nextDouble() * c.span.getSeconds())));
      CoalescePolicy coalesce = CoalescePolicy.values()[random.nextInt(3)];
      Duration grace =
          switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> Duration.ofSeconds(1);
            default -> c.span.dividedBy(1 + random.nextInt(50));
          };
      int limit = 2 + random.nextInt(19);
      Job job = job(c.trigger, coalesce, grace, due);
      String description =
          c.trigger + " " + coalesce + " grace " + grace + " due " + due + " now " + now + " limit "
              + limit;

      DueRuns walked = DueRuns.of(job, now, now.atZone(zone), Integer.MAX_VALUE);
      DueRuns skipped = DueRuns.of(job, now, now.atZone(zone), limit);

      assertThat(skipped.next()).as(description).isEqualTo(walked.next());
      if (coalesce != CoalescePolicy.ALL || walked.runTimes().size() <= limit) {
        assertThat(skipped.runTimes()).as(description).isEqualTo(walked.runTimes());
        assertThat(skipped.skipped()).as(description).isNull();
        continue;
      }
      compared++;
      List<Instant> all = walked.runTimes();
      List<Instant> eligible = new ArrayList<>();
      for (Instant runTime : all) {
        if (grace == null || DueRuns.missedBy(runTime, grace, now) == null) {
          eligible.add(runTime);
        }
      }
      List<Instant> expected =
          eligible.isEmpty()
              ? List.of(all.get(all.size() - 1))
              : eligible.subList(Math.max(0, eligible.size() - limit), eligible.size());
      List<Instant> got = skipped.runTimes();
      if (c.trigger instanceof IntervalTrigger) {
        assertThat(got).as(description).isEqualTo(expected);
        assertThat(skipped.skipped().count() + got.size()).as(description).isEqualTo(all.size());
      } else {
        assertThat(got).as(description).isNotEmpty().hasSizeLessThanOrEqualTo(limit);
        assertThat(expected).as(description).endsWith(got.toArray(Instant[]::new));
        assertThat(skipped.skipped().count()).as(description).isEqualTo(-1);
      }
      assertThat(skipped.skipped().from()).as(description).isEqualTo(due);
      assertThat(skipped.skipped().until()).as(description).isEqualTo(got.get(0));
    }
    assertThat(compared).as("cases where all skipped ahead").isGreaterThan(50);
  }

  private static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");

  /** A trigger and the span over which its walk stays feasible (a few thousand fire times). */
  private record Case(Trigger trigger, Duration span) {}

  private static Case randomCase(Random random, ZoneId zone) {
    String start = "2026-02-" + (10 + random.nextInt(18)) + "T0" + random.nextInt(10) + ":17:00Z";
    return switch (random.nextInt(10)) {
      case 0 ->
          new Case(
              IntervalTrigger.every(Duration.ofSeconds(1 + random.nextInt(90))).withZone(zone),
              Duration.ofHours(2));
      case 1 ->
          new Case(
              IntervalTrigger.every(Duration.ofMillis(1 + random.nextInt(3000))).withZone(zone),
              Duration.ofMinutes(30));
      case 2 -> {
        Map<String, Object> options = new java.util.HashMap<>();
        options.put("minutes", 1 + random.nextInt(120));
        options.put("start_date", start);
        if (random.nextBoolean()) {
          options.put("end_date", "2026-04-0" + (1 + random.nextInt(9)) + "T12:00:00Z");
        }
        yield new Case(Triggers.create("interval", options, zone), Duration.ofDays(40));
      }
      case 3 ->
          new Case(
              Triggers.create("cron", Map.of("minute", "*/" + (1 + random.nextInt(30))), zone),
              Duration.ofDays(3));
      case 4 ->
          new Case(CronTrigger.fromCrontab("15 1-3,9-17 * * mon-fri", zone), Duration.ofDays(40));
      case 5 ->
          new Case(
              Triggers.create(
                  "cron", Map.of("second", "*/13", "minute", "*/2", "hour", "1-3"), zone),
              Duration.ofDays(2));
      case 6 ->
          new Case(
              Triggers.create(
                  "calendarinterval",
                  Map.of(
                      "days",
                      1 + random.nextInt(3),
                      "hour",
                      2,
                      "minute",
                      30,
                      "start_date",
                      "2026-01-0" + (1 + random.nextInt(9))),
                  zone),
              Duration.ofDays(40));
      case 7 ->
          new Case(
              Triggers.create(
                  "calendarinterval",
                  Map.of("weeks", 1, "hour", 23, "start_date", "2025-12-31"),
                  zone),
              Duration.ofDays(120));
      case 8 ->
          new Case(
              Triggers.and(
                  Triggers.create("cron", Map.of("minute", "*/6"), zone),
                  Triggers.create("cron", Map.of("minute", "*/4"), zone)),
              Duration.ofDays(4));
      default ->
          new Case(
              Triggers.or(
                  Triggers.create("cron", Map.of("minute", "*/7"), zone),
                  Triggers.create("interval", Map.of("minutes", 11, "start_date", start), zone),
                  DateTrigger.at(BASE.plus(Duration.ofDays(random.nextInt(40))), zone)),
              Duration.ofDays(2));
    };
  }

  private static List<Instant> seconds(Instant from, int count) {
    List<Instant> times = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      times.add(from.plusSeconds(i));
    }
    return times;
  }

  private static Arguments row(
      String name,
      Trigger trigger,
      CoalescePolicy coalesce,
      String due,
      String now,
      @Nullable String next,
      String... runTimes) {
    return Arguments.of(
        name,
        trigger,
        coalesce,
        at(due),
        at(now),
        next == null ? null : at(next),
        Arrays.stream(runTimes).map(DueRunsTest::at).toList());
  }

  private static Job job(
      Trigger trigger, CoalescePolicy coalesce, @Nullable Duration grace, Instant due) {
    JobSpec spec =
        JobSpec.builder()
            .id("j")
            .task(() -> {})
            .trigger(trigger)
            .coalesce(coalesce)
            .misfireGraceTime(grace)
            .build();
    return Job.create(spec, "j", context -> null, trigger, JobDefaults.ofDefaults(), due);
  }

  private static Job job(Trigger trigger, CoalescePolicy coalesce, Instant due) {
    JobSpec spec =
        JobSpec.builder().id("j").task(() -> {}).trigger(trigger).coalesce(coalesce).build();
    return Job.create(spec, "j", context -> null, trigger, JobDefaults.ofDefaults(), due);
  }

  /** A wall time on 2026-03-02 in Berlin ({@code HH:mm} or {@code HH:mm:ss}). */
  private static Instant at(String time) {
    return ZonedDateTime.parse(
            "2026-03-02T" + (time.length() == 5 ? time + ":00" : time) + "+01:00[Europe/Berlin]")
        .toInstant();
  }
}
