package io.scheduler.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.exception.InvalidTriggerException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The stable JSON form: documented shape, and a round trip that keeps equality and behaviour. */
class TriggerJsonTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static Stream<Trigger> triggers() {
    ZonedDateTime start = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, BERLIN);
    return Stream.of(
        Triggers.create("cron", Map.of("day_of_week", "mon-fri", "hour", 5, "minute", 30), BERLIN),
        Triggers.create(
            "cron",
            Map.of(
                "day", "last fri",
                "hour", "3",
                "start_date", "2026-01-01",
                "end_date", "2027-01-01 00:00:00",
                "jitter", 30,
                "dst_overlap", "first"),
            BERLIN),
        CronTrigger.parse("0 0 12 L * ?", BERLIN),
        CronTrigger.fromCrontab("*/5 * * * 1-5", ZoneId.of("America/New_York")),
        CronTrigger.parse("@hourly", BERLIN),
        IntervalTrigger.every(Duration.ofMillis(90_500)).withStartDate(start).withZone(BERLIN),
        IntervalTrigger.every(Duration.ofHours(2)).withJitter(Duration.ofSeconds(5)),
        CalendarIntervalTrigger.every(0, 1, 0, 0)
            .at(LocalTime.of(9, 30))
            .withZone(BERLIN)
            .withStartDate(LocalDate.of(2026, 1, 31))
            .withEndDate(LocalDate.of(2030, 1, 1)),
        DateTrigger.at(start),
        Triggers.and(
            CronTrigger.builder().day("1-7").timezone(BERLIN).build(),
            CronTrigger.builder().dayOfWeek("mon").hour("8").timezone(BERLIN).build()),
        Triggers.or(DateTrigger.at(start), CronTrigger.parse("0 9 * * *", BERLIN))
            .withJitter(Duration.ofMinutes(1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("triggers")
  void roundTripsThroughJsonToAnEqualTriggerWithTheSameFireTimes(Trigger trigger) {
    String json = TriggerJson.toJson(trigger);
    Trigger read = TriggerJson.fromJson(json);

    assertThat(read).isEqualTo(trigger).hasSameHashCodeAs(trigger);
    assertThat(TriggerJson.toJson(read)).isEqualTo(json);
    ZonedDateTime now = ZonedDateTime.of(2026, 3, 28, 23, 59, 30, 0, BERLIN);
    assertThat(OracleVectors.walk(read, now, 10)).isEqualTo(OracleVectors.walk(trigger, now, 10));
  }

  @Test
  void writesTheDocumentedShape() {
    Trigger trigger =
        Triggers.create("cron", Map.of("dayOfWeek", "mon-fri", "hour", 5, "minute", 30), BERLIN);

    assertThat(TriggerJson.toJson(trigger))
        .isEqualTo(
            "{\"type\":\"cron\",\"day_of_week\":\"mon-fri\",\"hour\":\"5\",\"minute\":\"30\","
                + "\"timezone\":\"Europe/Berlin\"}");
    assertThat(TriggerJson.toJson(CronTrigger.parse("0 0 12 L * ?", ZoneId.of("UTC"))))
        .isEqualTo("{\"type\":\"cron\",\"expression\":\"0 0 12 L * ?\",\"timezone\":\"UTC\"}");
    assertThat(
            TriggerJson.toMap(
                Triggers.create(
                    "interval", Map.of("minutes", 1.5, "start_date", "2026-01-01"), BERLIN)))
        .containsExactly(
            Map.entry("type", "interval"),
            Map.entry("seconds", "90"),
            Map.entry("start_date", "2026-01-01T00:00:00+01:00"),
            Map.entry("timezone", "Europe/Berlin"));
  }

  @Test
  void rejectsCustomTriggersAndMalformedJsonClearly() {
    Trigger custom = (previous, now) -> Optional.empty();

    assertThatThrownBy(() -> TriggerJson.toJson(custom))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no JSON form");
    assertThatThrownBy(() -> TriggerJson.fromJson("[1,2]"))
        .isInstanceOf(InvalidTriggerException.class)
        .hasMessage("trigger JSON must be a JSON object, but was '[1,2]'");
    assertThatThrownBy(() -> TriggerJson.fromJson("{\"hour\":\"3\"}"))
        .isInstanceOf(InvalidTriggerException.class)
        .hasMessageContaining("needs a string 'type'");
    assertThatThrownBy(() -> TriggerJson.fromJson("{\"type\":\"cron\",\"hour\":\"25\"}"))
        .isInstanceOf(InvalidTriggerException.class)
        .hasMessageContaining("25 is out of range 0-23");
  }

  @Test
  void toStringFollowsApschedulerStyle() {
    assertThat(
            Triggers.create(
                "cron", Map.of("day_of_week", "mon-fri", "hour", "5", "minute", "30"), BERLIN))
        .hasToString("cron[day_of_week='mon-fri', hour='5', minute='30']");
    assertThat(IntervalTrigger.every(Duration.ofSeconds(10))).hasToString("interval[0:00:10]");
    assertThat(IntervalTrigger.every(Duration.ofHours(26).plusMillis(5)))
        .hasToString("interval[1 day, 2:00:00.005000]");
    assertThat(
            DateTrigger.at(
                ZonedDateTime.of(2024, 3, 10, 3, 30, 0, 0, ZoneId.of("America/New_York"))))
        .hasToString("date[2024-03-10 03:30:00 EDT]");
    assertThat(CalendarIntervalTrigger.every(1, 2, 0, 3).at(LocalTime.of(14, 30)))
        .hasToString("calendarinterval[1 year, 2 months, 3 days at 14:30:00]");
    assertThat(CronTrigger.parse("0 0 12 L * ?", BERLIN))
        .hasToString("cron[expression='0 0 12 L * ?']");
    assertThat(
            Triggers.or(
                IntervalTrigger.every(Duration.ofMinutes(5))
                    .withStartDate(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, BERLIN)),
                CronTrigger.builder().hour("3").build()))
        .hasToString("or[interval[0:05:00], cron[hour='3']]");
  }

  @Test
  void acceptsEverySpellingAndValueTypeOfTheOptions() {
    ZonedDateTime start = ZonedDateTime.of(2026, 5, 1, 8, 0, 0, 0, BERLIN);
    List<Map<String, ?>> spellings =
        List.of(
            Map.of("start_date", "2026-05-01 08:00:00", "minutes", 15),
            Map.of("startDate", "2026-05-01T08:00:00+02:00", "minutes", "15"),
            Map.of("start-date", start.toLocalDateTime(), "minutes", 15L),
            Map.of("start_date", start.toInstant(), "seconds", 900),
            Map.of("start_date", start.toOffsetDateTime(), "hours", 0.25));
    for (Map<String, ?> options : spellings) {
      assertThat(Triggers.create("interval", options, BERLIN))
          .as("%s", options)
          .isEqualTo(
              IntervalTrigger.every(Duration.ofMinutes(15)).withStartDate(start).withZone(BERLIN));
    }
    assertThatThrownBy(
            () ->
                Triggers.create(
                    "interval",
                    Map.of("start_date", "2026-05-01", "startDate", "2026-05-01"),
                    BERLIN))
        .hasMessageContaining("is given twice");
  }
}
