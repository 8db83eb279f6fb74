package io.scheduler.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.testing.MutableClock;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link JobFactory}: the one way from a spec to a job, for the scheduler and for stores. */
class JobFactoryTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  MutableClock clock = MutableClock.at(T0, BERLIN);
  JobDefaults defaults =
      JobDefaults.builder().maxInstances(3).misfireGraceTime(Duration.ofMinutes(2)).build();
  JobFactory factory = JobFactory.of(clock, BERLIN, TaskResolver.staticMethods(), defaults);

  /** A task for references to resolve. */
  public static void work() {}

  @Test
  void aStoreLoadsAJobByReferenceWithTheOptionsItStored() {
    JobSpec stored =
        JobSpec.builder()
            .id("report")
            .task(JobFactoryTest.class.getName() + "::work")
            .trigger("interval", Map.of("minutes", 5))
            .maxInstances(1)
            .misfireGraceTime(null)
            .jobStore("db")
            .build();

    Job job = factory.create(stored, T0);

    assertThat(job.id()).isEqualTo("report");
    assertThat(job.taskRef()).contains(TaskRef.of(JobFactoryTest.class.getName() + "::work"));
    assertThat(job.trigger()).hasToString("interval[0:05:00]");
    assertThat(job.maxInstances()).isEqualTo(1);
    assertThat(job.misfireGraceTime()).isEmpty();
    assertThat(job.jobStore()).isEqualTo("db");
    assertThat(job.nextRunTime()).contains(T0);
  }

  @Test
  void unsetOptionsTakeTheSchedulersDefaults() {
    Job job = factory.create(JobSpec.builder().id("j").task(() -> {}).build(), null);

    assertThat(job.maxInstances()).isEqualTo(3);
    assertThat(job.misfireGraceTime()).contains(Duration.ofMinutes(2));
    assertThat(job.isPaused()).isTrue();
  }

  @Test
  void aStoredJobMustCarryItsId() {
    assertThatThrownBy(() -> factory.create(JobSpec.builder().task(() -> {}).build(), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must have an id");
  }

  @Test
  void aSpecWithoutIdGetsANewOneEachTime() {
    JobSpec anonymous = JobSpec.builder().task(() -> {}).build();

    assertThat(factory.id(anonymous)).matches("[0-9a-f]{32}").isNotEqualTo(factory.id(anonymous));
    assertThat(factory.id(JobSpec.builder().id("mine").task(() -> {}).build())).isEqualTo("mine");
  }

  @Test
  void aSpecWithoutTriggerRunsOnceNow() {
    Trigger trigger = factory.trigger(JobSpec.builder().task(() -> {}).build());

    assertThat(trigger).isEqualTo(DateTrigger.at(T0, BERLIN));
    assertThat(factory.firstRunTime(trigger)).isEqualTo(T0);
  }

  @Test
  void firstRunTimesComeFromTheTriggerInTheSchedulersZone() {
    Trigger hourly = IntervalTrigger.every(Duration.ofHours(1));
    Trigger daily =
        factory.trigger(
            JobSpec.builder().task(() -> {}).trigger("cron", Map.of("hour", "10")).build());

    assertThat(factory.firstRunTime(hourly, T0)).isEqualTo(T0.plus(Duration.ofHours(1)));
    // 10:00 in Berlin is 09:00 UTC
    assertThat(factory.firstRunTime(daily, T0)).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    assertThat(factory.firstRunTime(daily)).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
  }

  @Test
  void aDateTriggersFirstRunTimeIsItsRunDateWhateverTheClockSays() {
    Trigger past = DateTrigger.at(T0.minusSeconds(60), BERLIN);
    JobFactory stopped =
        JobFactory.of(
            Clock.fixed(Instant.EPOCH, BERLIN), BERLIN, TaskResolver.staticMethods(), defaults);

    assertThat(stopped.firstRunTime(past)).isEqualTo(T0.minusSeconds(60));
    assertThat(stopped.firstRunTime(past, T0)).isEqualTo(T0.minusSeconds(60));
  }
}
