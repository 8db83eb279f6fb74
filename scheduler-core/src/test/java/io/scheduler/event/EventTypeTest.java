package io.scheduler.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** APScheduler's {@code EVENT_*} masks translate to {@link EventType} sets and back. */
class EventTypeTest {

  @Test
  void anApschedulerMaskBecomesTheTypesOfItsBits() {
    // EVENT_JOB_EXECUTED | EVENT_JOB_ERROR, as an APScheduler listener registration writes it
    assertThat(EventType.fromMask(4096 | 8192))
        .containsExactly(EventType.JOB_EXECUTED, EventType.JOB_ERROR);
  }

  @Test
  void apschedulersEventAllIsEveryTypeApschedulerHas() {
    assertThat(EventType.fromMask(131071))
        .isEqualTo(
            EnumSet.complementOf(
                EnumSet.of(
                    EventType.JOB_RECOVERED, EventType.JOB_LEASE_LOST, EventType.JOB_LOAD_FAILED)));
  }

  @Test
  void fromMaskInvertsMask() {
    EventType[] types = {
      EventType.SCHEDULER_STARTED, EventType.JOB_MISSED, EventType.JOB_RECOVERED
    };

    assertThat(EventType.fromMask(EventType.mask(types))).containsExactly(types);
    assertThat(EventType.fromMask(EventType.ALL)).containsExactly(EventType.values());
    assertThat(EventType.fromMask(0)).isEmpty();
  }
}
