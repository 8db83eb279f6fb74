package io.scheduler.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** {@link DateTrigger}'s two factories: from a zoned date-time, and from an instant and a zone. */
class DateTriggerTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant RUN = Instant.parse("2026-03-29T01:30:00.000000123Z");

  @Test
  void anInstantAndAZoneMakeTheSameTriggerAsTheZonedDateTime() {
    DateTrigger fromInstant = DateTrigger.at(RUN, BERLIN);
    DateTrigger fromZoned = DateTrigger.at(RUN.atZone(BERLIN));

    assertThat(fromInstant).isEqualTo(fromZoned).hasSameHashCodeAs(fromZoned);
    assertThat(fromInstant.runInstant()).isEqualTo(RUN);
    assertThat(fromInstant.runDate())
        .isEqualTo(ZonedDateTime.parse("2026-03-29T03:30:00.000000123+02:00[Europe/Berlin]"));
    assertThat(fromInstant.zone()).isEqualTo(BERLIN);
    assertThat(fromInstant).hasToString(fromZoned.toString());
    assertThat(fromInstant.options()).isEqualTo(fromZoned.options());
  }

  @Test
  void firesOnceAtItsInstant() {
    DateTrigger trigger = DateTrigger.at(RUN, BERLIN);
    ZonedDateTime now = RUN.minusSeconds(60).atZone(BERLIN);

    assertThat(trigger.nextFireTime(null, now)).contains(RUN.atZone(BERLIN));
    assertThat(trigger.nextFireTime(RUN.atZone(BERLIN), now)).isEmpty();
  }

  @Test
  void nullArgumentsAreNamed() {
    assertThatThrownBy(() -> DateTrigger.at(null, BERLIN))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("runInstant");
    assertThatThrownBy(() -> DateTrigger.at(RUN, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("zone");
    assertThatThrownBy(() -> DateTrigger.at((ZonedDateTime) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("runDate");
  }
}
