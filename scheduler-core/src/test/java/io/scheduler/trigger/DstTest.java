package io.scheduler.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wall-clock model of DESIGN §4 across gaps and overlaps in zones with one-hour, 30-minute and
 * midnight transitions.
 */
class DstTest {

  static Stream<Arguments> transitions() {
    return Stream.of(
        // zone, cron fields, now, expected fire times (ISO offsets)
        Arguments.of(
            "America/New_York gap: daily 02:30 fires at 03:30 EDT",
            "America/New_York",
            Map.of("hour", "2", "minute", "30"),
            "2024-03-09T12:00-05:00",
            List.of("2024-03-10T03:30-04:00", "2024-03-11T02:30-04:00")),
        Arguments.of(
            "America/New_York overlap: daily 01:30 fires twice",
            "America/New_York",
            Map.of("hour", "1", "minute", "30"),
            "2024-11-02T12:00-04:00",
            List.of("2024-11-03T01:30-04:00", "2024-11-03T01:30-05:00", "2024-11-04T01:30-05:00")),
        Arguments.of(
            "America/New_York overlap: hourly runs through both 01:00s",
            "America/New_York",
            Map.of("minute", "0"),
            "2024-11-03T00:00-04:00",
            List.of(
                "2024-11-03T00:00-04:00",
                "2024-11-03T01:00-04:00",
                "2024-11-03T01:00-05:00",
                "2024-11-03T02:00-05:00")),
        Arguments.of(
            "America/New_York gap: every 30 minutes collapses the mapped times",
            "America/New_York",
            Map.of("minute", "*/30"),
            "2024-03-10T01:00-05:00",
            List.of(
                "2024-03-10T01:00-05:00",
                "2024-03-10T01:30-05:00",
                "2024-03-10T03:00-04:00",
                "2024-03-10T03:30-04:00",
                "2024-03-10T04:00-04:00")),
        Arguments.of(
            "Europe/Berlin gap: daily 02:30 fires at 03:30 CEST",
            "Europe/Berlin",
            Map.of("hour", "2", "minute", "30"),
            "2024-03-30T12:00+01:00",
            List.of("2024-03-31T03:30+02:00", "2024-04-01T02:30+02:00")),
        Arguments.of(
            "Europe/Berlin overlap: daily 02:30 fires twice",
            "Europe/Berlin",
            Map.of("hour", "2", "minute", "30"),
            "2024-10-26T12:00+02:00",
            List.of("2024-10-27T02:30+02:00", "2024-10-27T02:30+01:00", "2024-10-28T02:30+01:00")),
        Arguments.of(
            "Australia/Lord_Howe 30-minute gap: 02:15 fires at 02:45 +11:00",
            "Australia/Lord_Howe",
            Map.of("hour", "2", "minute", "15"),
            "2024-10-05T12:00+10:30",
            List.of("2024-10-06T02:45+11:00", "2024-10-07T02:15+11:00")),
        Arguments.of(
            "Australia/Lord_Howe 30-minute overlap: 01:45 fires twice",
            "Australia/Lord_Howe",
            Map.of("hour", "1", "minute", "45"),
            "2024-04-06T12:00+11:00",
            List.of("2024-04-07T01:45+11:00", "2024-04-07T01:45+10:30", "2024-04-08T01:45+10:30")),
        Arguments.of(
            "America/Havana midnight gap: daily 00:00 fires at 01:00 CDT",
            "America/Havana",
            Map.of("hour", "0"),
            "2024-03-09T12:00-05:00",
            List.of("2024-03-10T01:00-04:00", "2024-03-11T00:00-04:00")),
        Arguments.of(
            "America/Havana midnight overlap: daily 00:30 fires twice",
            "America/Havana",
            Map.of("hour", "0", "minute", "30"),
            "2024-11-02T12:00-04:00",
            List.of("2024-11-03T00:30-04:00", "2024-11-03T00:30-05:00", "2024-11-04T00:30-05:00")),
        Arguments.of(
            "America/Sao_Paulo historic midnight gap: daily 00:00 keeps its day",
            "America/Sao_Paulo",
            Map.of("hour", "0"),
            "2018-11-03T12:00-03:00",
            List.of("2018-11-04T01:00-02:00", "2018-11-05T00:00-02:00")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transitions")
  void cronFollowsTheWallClockModel(
      String name, String zone, Map<String, String> fields, String now, List<String> expected) {
    ZoneId zoneId = ZoneId.of(zone);
    Trigger trigger = Triggers.create("cron", fields, zoneId);

    List<ZonedDateTime> fires =
        OracleVectors.walk(
            trigger, OffsetDateTime.parse(now).atZoneSameInstant(zoneId), expected.size());

    assertThat(fires)
        .extracting(ZonedDateTime::toOffsetDateTime)
        .containsExactlyElementsOf(expected.stream().map(OffsetDateTime::parse).toList());
  }

  @Test
  void dstOverlapFirstRunsAFixedTimeJobOnceOnFallBackDays() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Trigger once =
        Triggers.create(
            "cron", Map.of("hour", "1", "minute", "30", "dst_overlap", "first"), newYork);

    List<ZonedDateTime> fires =
        OracleVectors.walk(once, ZonedDateTime.of(2024, 11, 2, 12, 0, 0, 0, newYork), 3);

    assertThat(fires)
        .extracting(f -> f.toOffsetDateTime().toString())
        .containsExactly(
            "2024-11-03T01:30-04:00", "2024-11-04T01:30-05:00", "2024-11-05T01:30-05:00");
  }

  @Test
  void withDstOverlapSetsTheFallBackPolicyOfAParsedExpression() {
    ZoneId newYork = ZoneId.of("America/New_York");
    CronTrigger both = CronTrigger.parse("30 1 * * *", newYork);
    ZonedDateTime start = ZonedDateTime.of(2024, 11, 2, 12, 0, 0, 0, newYork);

    assertThat(OracleVectors.walk(both.withDstOverlap(DstOverlap.FIRST), start, 3))
        .extracting(f -> f.toOffsetDateTime().toString())
        .containsExactly(
            "2024-11-03T01:30-04:00", "2024-11-04T01:30-05:00", "2024-11-05T01:30-05:00");
    assertThat(
            OracleVectors.walk(
                both.withDstOverlap(DstOverlap.FIRST).withDstOverlap(DstOverlap.BOTH), start, 3))
        .extracting(f -> f.toOffsetDateTime().toString())
        .containsExactly(
            "2024-11-03T01:30-04:00", "2024-11-03T01:30-05:00", "2024-11-04T01:30-05:00");
  }

  @Test
  void dstOverlapFirstStillRunsHourlyJobsOncePerWallHour() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Trigger hourly =
        CronTrigger.builder().minute("0").timezone(newYork).dstOverlap(DstOverlap.FIRST).build();

    List<ZonedDateTime> fires =
        OracleVectors.walk(hourly, ZonedDateTime.of(2024, 11, 3, 0, 0, 0, 0, newYork), 4);

    assertThat(fires)
        .extracting(f -> f.toOffsetDateTime().toString())
        .containsExactly(
            "2024-11-03T00:00-04:00",
            "2024-11-03T01:00-04:00",
            "2024-11-03T02:00-05:00",
            "2024-11-03T03:00-05:00");
  }

  @Test
  void aNowInsideTheSecondPassDoesNotRepeatTheFirstPass() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Trigger every15 = Triggers.create("cron", Map.of("minute", "*/15"), newYork);
    ZonedDateTime secondPass =
        OffsetDateTime.parse("2024-11-03T01:20-05:00").atZoneSameInstant(newYork);

    assertThat(every15.nextFireTime(null, secondPass).orElseThrow().toOffsetDateTime())
        .hasToString("2024-11-03T01:30-05:00");
  }

  @Test
  void intervalTriggersCountElapsedTimeAcrossDst() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Trigger daily =
        Triggers.create(
            "interval", Map.of("days", 1, "start_date", "2024-03-09 21:00:00"), newYork);

    List<ZonedDateTime> fires =
        OracleVectors.walk(daily, ZonedDateTime.of(2024, 3, 9, 0, 0, 0, 0, newYork), 2);

    assertThat(fires)
        .extracting(f -> f.toOffsetDateTime().toString())
        .containsExactly("2024-03-09T21:00-05:00", "2024-03-10T22:00-04:00");
  }

  @Test
  void calendarIntervalSkipsADayWhoseTimeFallsInTheGap() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Trigger daily =
        Triggers.create(
            "calendarinterval",
            Map.of("days", 1, "hour", 2, "minute", 30, "start_date", "2024-03-09"),
            newYork);

    List<ZonedDateTime> fires =
        OracleVectors.walk(daily, ZonedDateTime.of(2024, 3, 9, 0, 0, 0, 0, newYork), 2);

    assertThat(fires)
        .extracting(f -> f.toOffsetDateTime().toString())
        .containsExactly("2024-03-09T02:30-05:00", "2024-03-11T02:30-04:00");
  }
}
