package io.scheduler.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scheduler.Scheduler;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.trigger.Triggers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The {@code scheduler} endpoint, the health indicator and the meters over real HTTP, against a
 * running {@code BackgroundScheduler}. Jobs run only when a test runs them now; tests wait for the
 * runs with latches and Awaitility, never with sleeps.
 */
@SpringBootTest(
    classes = SchedulerActuatorTestApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "management.endpoints.web.exposure.include=health,scheduler",
      "management.endpoint.scheduler.access=unrestricted",
      "management.endpoint.health.show-details=always",
      "scheduler.metrics.job-tag=true"
    })
@AutoConfigureRestTestClient
class SchedulerActuatorIntegrationTest {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Autowired RestTestClient client;
  @Autowired Scheduler scheduler;
  @Autowired MeterRegistry meterRegistry;

  CountDownLatch reportRan;

  @BeforeEach
  void addJobs() {
    scheduler.resume();
    scheduler.removeAllJobs();
    reportRan = new CountDownLatch(1);
    CountDownLatch latch = reportRan;
    scheduler.addJob(
        JobSpec.builder()
            .id("report")
            .task(
                (TaskContext context) -> {
                  latch.countDown();
                  return null;
                })
            .trigger(Triggers.interval(Duration.ofHours(1)))
            .build());
    scheduler.addJob(
        JobSpec.builder()
            .id("failing")
            .task(
                (TaskContext context) -> {
                  throw new IllegalStateException("boom");
                })
            .trigger(Triggers.interval(Duration.ofHours(2)))
            .build());
  }

  @Test
  void listsTheJobs() {
    client
        .get()
        .uri("/actuator/scheduler")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("RUNNING")
        .jsonPath("$.jobs[0].id")
        .isEqualTo("report")
        .jsonPath("$.jobs[0].state")
        .isEqualTo("scheduled")
        .jsonPath("$.jobs[0].jobStore")
        .isEqualTo("default")
        .jsonPath("$.jobs[0].executor")
        .isEqualTo("default")
        .jsonPath("$.jobs[0].trigger")
        .isEqualTo(scheduler.getJob("report").orElseThrow().trigger().toString())
        .jsonPath("$.jobs[0].nextRunTime")
        .isEqualTo(scheduler.getJob("report").orElseThrow().nextRunTime().orElseThrow().toString())
        .jsonPath("$.jobs[1].id")
        .isEqualTo("failing");
  }

  @Test
  void describesAJobWithItsNextFireTimes() {
    client
        .get()
        .uri("/actuator/scheduler/report?count=3")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo("report")
        .jsonPath("$.nextFireTimes.length()")
        .isEqualTo(3)
        .jsonPath("$.maxInstances")
        .isEqualTo(1);
    client.get().uri("/actuator/scheduler/report?count=0").exchange().expectStatus().isBadRequest();
  }

  @Test
  void unknownJobIsNotFound() {
    client.get().uri("/actuator/scheduler/nope").exchange().expectStatus().isNotFound();
    action("/actuator/scheduler/nope", "pause").expectStatus().isNotFound();
    client.delete().uri("/actuator/scheduler/nope").exchange().expectStatus().isNotFound();
  }

  @Test
  void anUnknownJobIsAProblemDetailNamingTheId() {
    for (RestTestClient.ResponseSpec response :
        List.of(
            client.get().uri("/actuator/scheduler/nope").exchange(),
            action("/actuator/scheduler/nope", "run"),
            client.delete().uri("/actuator/scheduler/nope").exchange())) {
      response
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.type")
          .isEqualTo("about:blank")
          .jsonPath("$.title")
          .isEqualTo("Not Found")
          .jsonPath("$.status")
          .isEqualTo(404)
          .jsonPath("$.detail")
          .isEqualTo("no job has the id 'nope'")
          .jsonPath("$.field")
          .isEqualTo("jobId")
          .jsonPath("$.value")
          .isEqualTo("nope");
    }
  }

  @Test
  void aBadRequestIsAProblemDetailNamingTheFieldAndValue() {
    action("/actuator/scheduler/report", "explode")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(400)
        .jsonPath("$.detail")
        .isEqualTo("action must be pause, resume or run, but was 'explode'")
        .jsonPath("$.field")
        .isEqualTo("action")
        .jsonPath("$.value")
        .isEqualTo("explode");
    client
        .post()
        .uri("/actuator/scheduler/report")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of())
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("action must be pause, resume or run, but was not given");
    client
        .get()
        .uri("/actuator/scheduler/report?count=0")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("count")
        .jsonPath("$.value")
        .isEqualTo(0)
        .jsonPath("$.detail")
        .isEqualTo("count must be between 1 and 100, but was 0");
  }

  @Test
  void runOnAPausedJobRunsItOnceAndLeavesItPaused() throws InterruptedException {
    scheduler.pauseJob("report");

    action("/actuator/scheduler/report", "run")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("paused")
        .jsonPath("$.nextRunTime")
        .doesNotExist();

    assertThat(reportRan.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(scheduler.getJob("report").orElseThrow().isPaused()).isTrue();
    assertThat(scheduler.getJob("report").orElseThrow().nextRunTime()).isEmpty();
  }

  @Test
  void aRunRefusedByMaxInstancesIsAConflict() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    scheduler.addJob(
        JobSpec.builder()
            .id("slow")
            .task(
                (TaskContext context) -> {
                  started.countDown();
                  release.await();
                  return null;
                })
            .trigger(Triggers.interval(Duration.ofHours(1)))
            .build());
    try {
      action("/actuator/scheduler/slow", "run").expectStatus().isOk();
      assertThat(started.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

      action("/actuator/scheduler/slow", "run")
          .expectStatus()
          .isEqualTo(HttpStatus.CONFLICT)
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.detail")
          .isEqualTo(
              "job 'slow' already runs its maximum number of instances (maxInstances 1): the run"
                  + " was skipped")
          .jsonPath("$.field")
          .isEqualTo("jobId")
          .jsonPath("$.value")
          .isEqualTo("slow");
    } finally {
      release.countDown();
    }
  }

  @Test
  void pausesAndResumesAJob() {
    action("/actuator/scheduler/report", "pause")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("paused")
        .jsonPath("$.nextRunTime")
        .doesNotExist();
    assertThat(scheduler.getJob("report").orElseThrow().isPaused()).isTrue();

    action("/actuator/scheduler/report", "resume")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("scheduled");
    assertThat(scheduler.getJob("report").orElseThrow().isPaused()).isFalse();
  }

  @Test
  void runsAJobNowAndRecordsItsMeters() throws InterruptedException {
    action("/actuator/scheduler/report", "run").expectStatus().isOk();

    assertThat(reportRan.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                client
                    .get()
                    .uri("/actuator/scheduler/report")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.lastOutcome.outcome")
                    .isEqualTo("success"));
    Timer execution =
        meterRegistry
            .get("scheduler.job.execution")
            .tags("job", "report", "outcome", "success", "executor", "default")
            .tag("jobstore", "default")
            .timer();
    assertThat(execution.count()).isEqualTo(1);
    assertThat(meterRegistry.get("scheduler.job.lateness").tag("job", "report").timer().count())
        .isEqualTo(1);
    assertThat(meterRegistry.get("scheduler.jobs").tag("state", "scheduled").gauge().value())
        .isEqualTo(2);
  }

  @Test
  void failedRunIsReportedAsAnError() {
    action("/actuator/scheduler/failing", "run").expectStatus().isOk();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                client
                    .get()
                    .uri("/actuator/scheduler/failing")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.lastOutcome.outcome")
                    .isEqualTo("error")
                    .jsonPath("$.lastOutcome.error")
                    .isEqualTo("java.lang.IllegalStateException: boom"));
    assertThat(
            meterRegistry
                .get("scheduler.job.execution")
                .tags("job", "failing", "outcome", "error", "error", "IllegalStateException")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void removesAJob() {
    client
        .delete()
        .uri("/actuator/scheduler/report")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo("report");

    assertThat(scheduler.getJob("report")).isEmpty();
    client.get().uri("/actuator/scheduler/report").exchange().expectStatus().isNotFound();
  }

  @Test
  void pausesAndResumesTheScheduler() {
    action("/actuator/scheduler", "pause")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("PAUSED");
    client
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectBody()
        .jsonPath("$.components.scheduler.status")
        .isEqualTo("UP")
        .jsonPath("$.components.scheduler.details.state")
        .isEqualTo("PAUSED");

    action("/actuator/scheduler", "resume")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("RUNNING");
  }

  @Test
  void unknownActionIsABadRequest() {
    action("/actuator/scheduler/report", "explode").expectStatus().isBadRequest();
    action("/actuator/scheduler", "run").expectStatus().isBadRequest();
  }

  @Test
  void healthShowsTheScheduler() {
    client
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.components.scheduler.status")
        .isEqualTo("UP")
        .jsonPath("$.components.scheduler.details.state")
        .isEqualTo("RUNNING")
        .jsonPath("$.components.scheduler.details.jobs")
        .isEqualTo(2)
        .jsonPath("$.components.scheduler.details.misfireBacklog")
        .isEqualTo(0)
        .jsonPath("$.components.scheduler.details.runningInstances")
        .isEqualTo(0);
  }

  private RestTestClient.ResponseSpec action(String uri, String action) {
    return client
        .post()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("action", action))
        .exchange();
  }
}
