package io.scheduler.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.Scheduler;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.trigger.Triggers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Exposed, with no {@code management.endpoint.scheduler.access} set, the endpoint is read-only:
 * writes need {@code unrestricted}, and the jobs are left as they were.
 */
@SpringBootTest(
    classes = SchedulerActuatorTestApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "management.endpoints.web.exposure.include=scheduler")
@AutoConfigureRestTestClient
class SchedulerEndpointDefaultAccessIntegrationTest {

  @Autowired RestTestClient client;
  @Autowired Scheduler scheduler;

  @Test
  void writesAreOffByDefault() {
    scheduler.addJob(
        JobSpec.builder()
            .id("report")
            .task((TaskContext context) -> null)
            .trigger(Triggers.interval(Duration.ofHours(1)))
            .replaceExisting(true)
            .build());

    client.get().uri("/actuator/scheduler").exchange().expectStatus().isOk();
    for (String action : new String[] {"pause", "run"}) {
      client
          .post()
          .uri("/actuator/scheduler/report")
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("action", action))
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }
    client
        .delete()
        .uri("/actuator/scheduler/report")
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(scheduler.getJob("report")).isPresent();
    assertThat(scheduler.getJob("report").orElseThrow().isPaused()).isFalse();
  }
}
