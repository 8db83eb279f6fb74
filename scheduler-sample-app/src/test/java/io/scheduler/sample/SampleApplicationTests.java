package io.scheduler.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.Scheduler;
import io.scheduler.SchedulerState;
import io.scheduler.job.Job;
import io.scheduler.store.jdbc.JdbcJobStore;
import io.scheduler.trigger.CronTrigger;
import io.scheduler.trigger.Trigger;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

  @Autowired TriggerPreview preview;
  @Autowired SampleTriggersProperties properties;
  @Autowired Scheduler scheduler;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  @Test
  void runsTheAnnotatedDeclaredAndConfiguredJobsFromTheJdbcStore() throws Exception {
    assertThat(scheduler.state()).isEqualTo(SchedulerState.RUNNING);
    assertThat(scheduler.jobStores().get("default")).isInstanceOf(JdbcJobStore.class);
    assertThat(scheduler.getJobs())
        .extracting(Job::id)
        .containsExactlyInAnyOrder(
            "heartbeat",
            "nightly-cleanup",
            "weekday-report",
            "month-end-close",
            "spring-forward-0230",
            "every-90-seconds",
            "monthly-on-the-31st");
    List<String> stored = new ArrayList<>();
    try (var connection = dataSource.getConnection();
        var rows = connection.createStatement().executeQuery("select id from sample_jobs")) {
      while (rows.next()) {
        stored.add(rows.getString(1));
      }
    }
    assertThat(stored).hasSize(7).contains("heartbeat", "nightly-cleanup");
    assertThat(scheduler.getJob("nightly-cleanup").orElseThrow().trigger())
        .isEqualTo(
            CronTrigger.parse("0 15 3 * * *", ZoneId.of("Europe/Berlin"))
                .withJitter(Duration.ofSeconds(30)));
  }

  @Test
  void showsTheJobsInTheActuatorEndpoint() {
    String body =
        RestClient.create("http://localhost:" + port)
            .get()
            .uri("/actuator/scheduler")
            .retrieve()
            .body(String.class);

    assertThat(body).contains("\"heartbeat\"", "\"nightly-cleanup\"", "interval[0:00:10]");
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
