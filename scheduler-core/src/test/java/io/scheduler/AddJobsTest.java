package io.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.event.EventType;
import io.scheduler.exception.InvalidTriggerException;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Scheduler#addJobs}: all specs checked first, then one batch per store. */
class AddJobsTest {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  MutableClock clock = MutableClock.at(T0, ZoneId.of("Europe/Berlin"));
  RecordingListener events = new RecordingListener();
  ManualScheduler scheduler = ManualScheduler.builder(clock).listener(events).build();
  AtomicInteger runs = new AtomicInteger();

  @AfterEach
  void stop() {
    scheduler.shutdown();
  }

  JobSpec spec(String id) {
    return JobSpec.builder().id(id).task(runs::incrementAndGet).build();
  }

  @Test
  void addsEveryJobInOrderAndAnnouncesEach() {
    scheduler.start();
    events.clear();

    List<Job> jobs = scheduler.addJobs(List.of(spec("a"), spec("b"), spec("c")));

    assertThat(jobs).extracting(Job::id).containsExactly("a", "b", "c");
    assertThat(events.types())
        .containsExactly(EventType.JOB_ADDED, EventType.JOB_ADDED, EventType.JOB_ADDED);
    scheduler.runDueJobs();
    assertThat(runs).hasValue(3);
  }

  @Test
  void anInvalidSpecAddsNothing() {
    scheduler.start();
    JobSpec invalid =
        JobSpec.builder()
            .id("bad")
            .task(runs::incrementAndGet)
            .trigger("cron", Map.of("hour", "25"))
            .build();

    assertThatThrownBy(() -> scheduler.addJobs(List.of(spec("a"), invalid)))
        .isInstanceOf(InvalidTriggerException.class);
    assertThat(scheduler.getJobs()).isEmpty();
  }

  @Test
  void anUnknownStoreAddsNothing() {
    scheduler.start();
    JobSpec elsewhere =
        JobSpec.builder().id("x").task(runs::incrementAndGet).jobStore("nope").build();

    assertThatThrownBy(() -> scheduler.addJobs(List.of(spec("a"), elsewhere)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nope'");
    assertThat(scheduler.getJobs()).isEmpty();
  }

  @Test
  void theSameIdTwiceIsRefused() {
    scheduler.start();

    assertThatThrownBy(() -> scheduler.addJobs(List.of(spec("a"), spec("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a' appears more than once");
    assertThat(scheduler.getJobs()).isEmpty();
  }

  @Test
  void jobsAddedBeforeStartArePendingUntilStart() {
    scheduler.addJobs(List.of(spec("a"), spec("b")));
    assertThat(scheduler.getJobs()).extracting(Job::id).containsExactly("a", "b");

    scheduler.start();
    scheduler.runDueJobs();

    assertThat(runs).hasValue(2);
  }

  @Test
  void aReplacingSpecReplacesTheStoredJob() {
    scheduler.start();
    scheduler.addJob(spec("a"));

    scheduler.addJobs(
        List.of(
            JobSpec.builder()
                .id("a")
                .name("renamed")
                .task(runs::incrementAndGet)
                .replaceExisting(true)
                .build(),
            spec("b")));

    assertThat(scheduler.getJob("a").orElseThrow().name()).isEqualTo("renamed");
    assertThat(scheduler.getJobs()).hasSize(2);
  }

  @Test
  void startRefusesAPendingJobThatNamesAnUnknownExecutor() {
    scheduler.addJob(
        JobSpec.builder().id("x").task(runs::incrementAndGet).executor("nope").build());

    assertThatThrownBy(() -> scheduler.start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("job 'x' names executor 'nope', which is not configured");
  }
}
