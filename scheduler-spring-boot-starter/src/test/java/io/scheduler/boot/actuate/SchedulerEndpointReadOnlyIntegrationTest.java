package io.scheduler.boot.actuate;

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

/** With {@code management.endpoint.scheduler.access=read-only}, reads work and writes are gone. */
@SpringBootTest(
    classes = SchedulerActuatorTestApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "management.endpoints.web.exposure.include=scheduler",
      "management.endpoint.scheduler.access=read-only"
    })
@AutoConfigureRestTestClient
class SchedulerEndpointReadOnlyIntegrationTest {

  @Autowired RestTestClient client;
  @Autowired Scheduler scheduler;

  @Test
  void readsWorkAndWritesAreNotAllowed() {
    scheduler.addJob(
        JobSpec.builder()
            .id("report")
            .task((TaskContext context) -> null)
            .trigger(Triggers.interval(Duration.ofHours(1)))
            .replaceExisting(true)
            .build());

    client.get().uri("/actuator/scheduler").exchange().expectStatus().isOk();
    client.get().uri("/actuator/scheduler/report").exchange().expectStatus().isOk();
    client
        .post()
        .uri("/actuator/scheduler/report")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("action", "pause"))
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    client
        .post()
        .uri("/actuator/scheduler")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("action", "pause"))
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    client
        .delete()
        .uri("/actuator/scheduler/report")
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
  }
}
