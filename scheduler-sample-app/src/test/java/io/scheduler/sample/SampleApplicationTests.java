package io.scheduler.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.Scheduler;
import io.scheduler.SchedulerState;
import io.scheduler.job.Job;
import io.scheduler.trigger.Trigger;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class SampleApplicationTests {

  @Autowired TriggerPreview preview;
  @Autowired SampleTriggersProperties properties;
  @Autowired Scheduler scheduler;

  @Test
  void schedulesAJobPerConfiguredTriggerPlusTheHeartbeat() {
    assertThat(scheduler.state()).isEqualTo(SchedulerState.RUNNING);
    assertThat(scheduler.getJobs())
        .extracting(Job::id)
        .containsExactlyInAnyOrder(
            "heartbeat",
            "weekday-report",
            "month-end-close",
            "spring-forward-0230",
            "every-90-seconds",
            "monthly-on-the-31st");
    assertThat(scheduler.getJob("heartbeat").orElseThrow().nextRunTime()).isPresent();
  }

  @Test
  void bindsEveryConfiguredTriggerAndPreviewsItsFireTimes() {
    assertThat(properties.triggers()).hasSize(5);
    ZonedDateTime now = ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneId.of("Europe/Berlin"));

    Trigger monthly = preview.build(properties.triggers().get("monthly-on-the-31st"));
    assertThat(preview.upcoming(monthly, now))
        .extracting(fire -> fire.toLocalDate().toString())
        .containsExactly("2027-01-31", "2027-03-31", "2027-05-31", "2027-07-31", "2027-08-31");

    Trigger springForward = preview.build(properties.triggers().get("spring-forward-0230"));
    assertThat(preview.upcoming(springForward, now).get(1).toOffsetDateTime())
        .hasToString("2027-03-28T03:30+02:00");
  }
}
