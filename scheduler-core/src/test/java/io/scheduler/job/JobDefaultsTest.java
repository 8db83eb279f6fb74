package io.scheduler.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link JobDefaults}: APScheduler's defaults (grace 1 s, coalesce, one instance), the builder's
 * validation messages, {@code null} grace time meaning "however late", copying with {@link
 * JobDefaults#from}, and value semantics.
 */
class JobDefaultsTest {

  @Test
  void theDefaultsAreApschedulers() {
    JobDefaults defaults = JobDefaults.ofDefaults();

    assertThat(defaults.misfireGraceTime()).contains(Duration.ofSeconds(1));
    assertThat(defaults.coalesce()).isEqualTo(CoalescePolicy.LATEST);
    assertThat(defaults.maxInstances()).isEqualTo(1);
    assertThat(JobDefaults.builder().build()).isEqualTo(defaults);
  }

  @Test
  void theBuilderSetsEveryOption() {
    JobDefaults defaults =
        JobDefaults.builder()
            .misfireGraceTime(Duration.ofMinutes(2))
            .coalesce(CoalescePolicy.EARLIEST)
            .maxInstances(4)
            .build();

    assertThat(defaults.misfireGraceTime()).contains(Duration.ofMinutes(2));
    assertThat(defaults.coalesce()).isEqualTo(CoalescePolicy.EARLIEST);
    assertThat(defaults.maxInstances()).isEqualTo(4);
  }

  @Test
  void aNullGraceTimeMeansHoweverLate() {
    JobDefaults defaults = JobDefaults.builder().misfireGraceTime(null).build();

    assertThat(defaults.misfireGraceTime()).isEmpty();
    assertThat(defaults.toString()).contains("misfireGraceTime=unlimited");
  }

  @Test
  void aZeroOrNegativeGraceTimeIsRejected() {
    assertThatThrownBy(() -> JobDefaults.builder().misfireGraceTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("misfireGraceTime must be positive, or null for no limit, but was PT0S");
    assertThatThrownBy(() -> JobDefaults.builder().misfireGraceTime(Duration.ofSeconds(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("misfireGraceTime must be positive, or null for no limit, but was PT-5S");
    assertThat(
            JobDefaults.builder().misfireGraceTime(Duration.ofNanos(1)).build().misfireGraceTime())
        .contains(Duration.ofNanos(1));
  }

  @Test
  void maxInstancesBelowOneIsRejected() {
    assertThatThrownBy(() -> JobDefaults.builder().maxInstances(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxInstances must be greater than 0, but was 0");
    assertThatThrownBy(() -> JobDefaults.builder().maxInstances(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxInstances must be greater than 0, but was -1");
  }

  @Test
  void coalesceTakesApschedulersBooleanOrAPolicy() {
    assertThat(JobDefaults.builder().coalesce(true).build().coalesce())
        .isEqualTo(CoalescePolicy.LATEST);
    assertThat(JobDefaults.builder().coalesce(false).build().coalesce())
        .isEqualTo(CoalescePolicy.ALL);
    assertThat(JobDefaults.builder().coalesce(CoalescePolicy.EARLIEST).build().coalesce())
        .isEqualTo(CoalescePolicy.EARLIEST);
    assertThatThrownBy(() -> JobDefaults.builder().coalesce((CoalescePolicy) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("coalesce must not be null");
  }

  @Test
  void aRejectedValueLeavesTheBuilderAsItWas() {
    JobDefaults.Builder builder = JobDefaults.builder().maxInstances(3);

    assertThatThrownBy(() -> builder.maxInstances(0)).isInstanceOf(IllegalArgumentException.class);

    assertThat(builder.build().maxInstances()).isEqualTo(3);
  }

  @Test
  void fromCopiesEveryOptionIncludingAnUnlimitedGraceTime() {
    JobDefaults base =
        JobDefaults.builder()
            .misfireGraceTime(null)
            .coalesce(CoalescePolicy.ALL)
            .maxInstances(7)
            .build();

    JobDefaults copy = JobDefaults.from(base).build();
    JobDefaults changed = JobDefaults.from(base).maxInstances(2).build();

    assertThat(copy).isEqualTo(base).hasSameHashCodeAs(base);
    assertThat(changed.maxInstances()).isEqualTo(2);
    assertThat(changed.misfireGraceTime()).isEmpty();
    assertThat(changed.coalesce()).isEqualTo(CoalescePolicy.ALL);
    assertThat(base.maxInstances()).isEqualTo(7);
  }

  @Test
  void defaultsAreValuesComparedByTheirOptions() {
    JobDefaults a = JobDefaults.builder().maxInstances(2).build();

    assertThat(a)
        .isEqualTo(JobDefaults.builder().maxInstances(2).build())
        .isNotEqualTo(JobDefaults.builder().maxInstances(3).build())
        .isNotEqualTo(JobDefaults.builder().maxInstances(2).coalesce(false).build())
        .isNotEqualTo(
            JobDefaults.builder().maxInstances(2).misfireGraceTime(Duration.ofSeconds(2)).build());
    assertThat(a)
        .hasToString("JobDefaults[misfireGraceTime=PT1S, coalesce=LATEST, maxInstances=2]");
  }

  @Test
  void coalescePolicyOfBooleanFollowsApscheduler3() {
    assertThat(CoalescePolicy.of(true)).isEqualTo(CoalescePolicy.LATEST);
    assertThat(CoalescePolicy.of(false)).isEqualTo(CoalescePolicy.ALL);
  }
}
