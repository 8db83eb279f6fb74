package io.scheduler.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.event.AllJobsRemoved;
import io.scheduler.event.JobAdded;
import io.scheduler.event.JobExecuted;
import io.scheduler.event.JobFailed;
import io.scheduler.event.JobMissed;
import io.scheduler.event.JobRemoved;
import io.scheduler.event.MaxInstancesReached;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link JobOutcomeRecorder}: remembers the last outcome of existing jobs only. */
class JobOutcomeRecorderTest {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant T1 = T0.plusSeconds(60);

  JobOutcomeRecorder recorder = new JobOutcomeRecorder();

  @Test
  void remembersTheLastOutcomeOfEachJob() {
    recorder.onEvent(new JobExecuted("a", "default", T0, null, T0));
    recorder.onEvent(new JobMissed("b", "default", T0, T1));
    recorder.onEvent(new MaxInstancesReached("c", "default", List.of(T0, T1), T1));
    recorder.onEvent(
        new JobFailed("a", "default", T1, new IllegalStateException("boom"), "trace", T1));

    assertThat(recorder.lastOutcome("a"))
        .contains(
            new JobOutcomeRecorder.JobOutcome(
                "error", T1, T1, "java.lang.IllegalStateException: boom"));
    assertThat(recorder.lastOutcome("b"))
        .contains(new JobOutcomeRecorder.JobOutcome("missed", T1, T0, null));
    assertThat(recorder.lastOutcome("c"))
        .contains(new JobOutcomeRecorder.JobOutcome("max_instances", T1, T1, null));
  }

  @Test
  void forgetsRemovedJobsAndIgnoresRunsThatEndAfterTheirRemoval() {
    recorder.onEvent(new JobExecuted("a", "default", T0, null, T0));
    recorder.onEvent(new JobRemoved("a", "default", T1));
    recorder.onEvent(new JobExecuted("a", "default", T1, null, T1));

    assertThat(recorder.lastOutcome("a")).isEmpty();

    recorder.onEvent(new JobAdded("a", "default", T1));
    recorder.onEvent(new JobExecuted("a", "default", T1, null, T1));

    assertThat(recorder.lastOutcome("a")).isPresent();
  }

  @Test
  void clearingAStoreForgetsItsJobs() {
    recorder.onEvent(new JobExecuted("a", "default", T0, null, T0));
    recorder.onEvent(new JobExecuted("b", "other", T0, null, T0));

    recorder.onEvent(new AllJobsRemoved("other", T1));

    assertThat(recorder.lastOutcome("a")).isPresent();
    assertThat(recorder.lastOutcome("b")).isEmpty();

    recorder.onEvent(new AllJobsRemoved(null, T1));

    assertThat(recorder.lastOutcome("a")).isEmpty();
  }

  @Test
  void retainOnlyKeepsTheListedJobs() {
    recorder.onEvent(new JobExecuted("a", "default", T0, null, T0));
    recorder.onEvent(new JobExecuted("b", "default", T0, null, T0));

    recorder.retainOnly(List.of("b"));

    assertThat(recorder.lastOutcome("a")).isEmpty();
    assertThat(recorder.lastOutcome("b")).isPresent();
  }
}
