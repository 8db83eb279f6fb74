package io.scheduler.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.exception.InvalidTriggerException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written reader of the stored date-time form against the JDK's ISO formatter. */
class DateTimesTest {

  @Test
  void readsWhatTheIsoFormatterReadsForTheStoredForm() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 10_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L));
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
      String text =
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.plusNanos(nanos).atOffset(offset));

      assertThat(DateTimes.parseCanonical(text))
          .as(text)
          .isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-29 02:30:00+01:00",
        "2026-03-29T02:30+01:00",
        "2026-03-29T02:30:00+0100",
        "2026-03-29T02:30:00+01",
        "2026-03-29T02:30:00+01:00[Europe/Berlin]",
        "2026-03-29T02:30:00.1234567890Z",
        "2026-03-29T02:30:00.Z",
        "2026-03-29T02:30:00",
        "2026-3-29T02:30:00+01:00",
        "2026-03-29T02:3a:00+01:00",
        "+12026-03-29T02:30:00Z"
      })
  void leavesOtherFormsToTheGeneralReader(String text) {
    assertThat(DateTimes.parseCanonical(text)).isNull();
  }

  @Test
  void stillReadsOtherFormsThroughTheGeneralReader() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");

    assertThat(DateTimes.toZoned("run_date", "2026-03-29T02:30+01:00", berlin).toInstant())
        .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(DateTimes.toZoned("run_date", "2026-03-29 03:30:00+02:00", berlin).toInstant())
        .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
  }

  @Test
  void refusesFieldsOutOfRangeNamingTheOption() {
    assertThatThrownBy(() -> DateTimes.parseCanonical("2026-13-01T00:00:00Z"))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(
            () ->
                Triggers.create("date", Map.of("run_date", "2026-02-30T00:00:00Z"), ZoneOffset.UTC))
        .isInstanceOf(InvalidTriggerException.class)
        .hasMessageContaining("run_date")
        .hasMessageContaining("2026-02-30T00:00:00Z");
  }
}
