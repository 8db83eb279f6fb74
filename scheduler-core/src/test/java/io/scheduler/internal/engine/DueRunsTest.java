package io.scheduler.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.Triggers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The coalescing and misfire arithmetic, case by case: (trigger, policy, due, now) to runs. */
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
