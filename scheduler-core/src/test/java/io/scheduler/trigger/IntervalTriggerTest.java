package io.scheduler.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The interval trigger after a previous fire time (issue 14): APScheduler's {@code previous +
 * interval}, so a run moved off the grid continues from where it ran, while jitter never
 * accumulates on the grid.
 */
class IntervalTriggerTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZonedDateTime START =
      ZonedDateTime.parse("2026-03-02T09:00:00+01:00[Europe/Berlin]");
  private static final IntervalTrigger EVERY_10_MINUTES =
      IntervalTrigger.every(Duration.ofMinutes(10)).withZone(BERLIN).withStartDate(START);

  @Test
  void afterAnOffGridFireTheNextIsThatFirePlusTheInterval() {
    ZonedDateTime offGrid = START.plusMinutes(3);

    assertThat(EVERY_10_MINUTES.nextFireTime(offGrid, offGrid)).contains(START.plusMinutes(13));
  }

  @Test
  void afterAFireBeforeTheStartDateTheNextIsThatFirePlusTheInterval() {
    ZonedDateTime early = START.minusSeconds(50);

    assertThat(EVERY_10_MINUTES.nextFireTime(early, early)).contains(START.plusSeconds(550));
  }

  @Test
  void jitterDoesNotAccumulateOnTheGrid() {
    IntervalTrigger jittered = EVERY_10_MINUTES.withJitter(Duration.ofSeconds(30));
    ZonedDateTime fire = jittered.nextFireTime(null, START).orElseThrow();
    for (int k = 0; k < 500; k++) {
      Instant gridPoint = START.toInstant().plus(Duration.ofMinutes(10L * k));
      assertThat(Duration.between(gridPoint, fire.toInstant()))
          .as("fire %s", k)
          .isGreaterThanOrEqualTo(Duration.ZERO)
          .isLessThan(Duration.ofSeconds(30));
      fire = jittered.nextFireTime(fire, fire).orElseThrow();
    }
  }

  @Test
  void withoutAStartDateTheFirstFireIsOneIntervalAfterNowAndTheNextFollowsThePrevious() {
    IntervalTrigger unanchored = IntervalTrigger.every(Duration.ofMinutes(10)).withZone(BERLIN);
    ZonedDateTime now = START.plusSeconds(7);

    ZonedDateTime first = unanchored.nextFireTime(null, now).orElseThrow();

    assertThat(first).isEqualTo(now.plusMinutes(10));
    assertThat(unanchored.nextFireTime(first, first)).contains(now.plusMinutes(20));
  }
}
