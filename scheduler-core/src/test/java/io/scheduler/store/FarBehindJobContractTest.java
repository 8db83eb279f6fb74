package io.scheduler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.event.EventType;
import io.scheduler.event.JobExecuted;
import io.scheduler.event.JobMissed;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import io.scheduler.trigger.IntervalTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A job whose stored next run time is far in the past (1970, which an operator may write to mean
 * "run now", or the earliest time a store can hold) costs every store one bounded pass: it runs
 * once, for its latest fire time, in the same pass as the other due jobs; pausing, removing and
 * shutting down stay prompt; and a second scheduler sharing the store is not held up. Every wait is
 * bounded by {@link #GUARD}, so a scheduler that stalls fails the test instead of hanging it.
 */
public abstract class FarBehindJobContractTest {

  /** The zone of the tests' clocks. */
  protected static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** How long any step may take before the test fails (a bounded pass takes milliseconds). */
  protected static final Duration GUARD = Duration.ofSeconds(15);

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00.500Z");
  private static final Instant LATEST_FIRE = Instant.parse("2026-03-02T09:00:00Z");

  private final List<Runnable> shutdowns = new ArrayList<>();

  /**
   * Returns a new, unstarted store over this test's data: each call opens it again, as another
   * process would (a store that cannot be shared returns a new, empty one).
   *
   * @return the store
   */
  protected abstract JobStore newStore();

  /**
   * Returns whether the instances {@link #newStore()} returns share their data, as shared stores
   * do.
   *
   * @return true unless overridden
   */
  protected boolean shared() {
    return true;
  }

  /** Releases what {@link #newStore()} opened; runs after every scheduler has shut down. */
  protected void closeStores() {}

  @AfterEach
  final void shutDownSchedulers() {
    try {
      for (int i = shutdowns.size() - 1; i >= 0; i--) {
        assertTimeoutPreemptively(GUARD, shutdowns.get(i)::run, "shutdown");
      }
    } finally {
      closeStores();
    }
  }

  /**
   * A job every second whose next run time is {@code nextRunTime}, coalescing to the latest, run
   * however late (so a slow machine cannot turn its run into a miss).
   */
  protected static JobSpec everySecond(String id, Instant nextRunTime) {
    return JobSpec.builder()
        .id(id)
        .task(TaskRef.of(ContractTasks.NOOP))
        .trigger(IntervalTrigger.every(Duration.ofSeconds(1)).withZone(ZONE))
        .coalesce(CoalescePolicy.LATEST)
        .misfireGraceTime(null)
        .nextRunTime(nextRunTime)
        .build();
  }

  /** A job every hour, due at {@code nextRunTime}, run however late. */
  protected static JobSpec hourly(String id, Instant nextRunTime) {
    return JobSpec.builder()
        .id(id)
        .task(TaskRef.of(ContractTasks.NOOP))
        .trigger(IntervalTrigger.every(Duration.ofHours(1)).withZone(ZONE))
        .misfireGraceTime(null)
        .nextRunTime(nextRunTime)
        .build();
  }

  /** A started manual scheduler on a new store instance, at {@code clock}. */
  protected ManualScheduler manual(String name, MutableClock clock, RecordingListener events) {
    ManualScheduler scheduler =
        ManualScheduler.builder(clock)
            .schedulerId(name)
            .timezone(ZONE)
            .jobStore("default", newStore())
            .listener(events, EventType.JOB_EXECUTED, EventType.JOB_MISSED)
            .build();
    shutdowns.add(() -> scheduler.shutdown(false));
    scheduler.start();
    return scheduler;
  }

  /** The run times of {@code jobId} that ran, in order. */
  protected static List<Instant> ran(RecordingListener events, String jobId) {
    return events.events(JobExecuted.class).stream()
        .filter(executed -> executed.jobId().equals(jobId))
        .map(JobExecuted::scheduledRunTime)
        .toList();
  }

  @Test
  void aJobDueSince1970RunsOnceInTheSamePassAsTheOtherDueJobs() {
    MutableClock clock = MutableClock.at(NOW, ZONE);
    RecordingListener events = new RecordingListener();
    ManualScheduler scheduler = manual("node-a", clock, events);
    scheduler.addJob(everySecond("since-1970", Instant.EPOCH));
    scheduler.addJob(hourly("normal", LATEST_FIRE));

    assertTimeoutPreemptively(GUARD, scheduler::runDueJobs, "one pass");

    assertThat(ran(events, "since-1970")).containsExactly(LATEST_FIRE);
    assertThat(ran(events, "normal")).containsExactly(LATEST_FIRE);
    assertThat(scheduler.getJob("since-1970").orElseThrow().nextRunTime())
        .contains(LATEST_FIRE.plusSeconds(1));
  }

  @Test
  void underAllOnlyTheRunsWithinTheGraceTimeAreSubmittedAndNoneIsReportedOneByOne() {
    MutableClock clock = MutableClock.at(NOW, ZONE);
    RecordingListener events = new RecordingListener();
    ManualScheduler scheduler = manual("node-a", clock, events);
    scheduler.addJob(
        JobSpec.builder()
            .id("all")
            .task(TaskRef.of(ContractTasks.NOOP))
            .trigger(IntervalTrigger.every(Duration.ofSeconds(1)).withZone(ZONE))
            .coalesce(CoalescePolicy.ALL)
            .misfireGraceTime(Duration.ofSeconds(10))
            .nextRunTime(Instant.EPOCH)
            .build());

    assertTimeoutPreemptively(GUARD, scheduler::runDueJobs, "one pass");

    List<Instant> expected = new ArrayList<>();
    for (int second = 9; second >= 0; second--) {
      expected.add(LATEST_FIRE.minusSeconds(second));
    }
    assertThat(ran(events, "all")).containsExactlyElementsOf(expected);
    assertThat(events.events(JobMissed.class)).isEmpty();
    assertThat(scheduler.getJob("all").orElseThrow().nextRunTime())
        .contains(LATEST_FIRE.plusSeconds(1));
  }

  @Test
  void aStoredNextRunTimeAtTheEarliestInstantIsBoundedToo() {
    MutableClock clock = MutableClock.at(NOW, ZONE);
    RecordingListener events = new RecordingListener();
    JobStore store = newStore();
    ManualScheduler scheduler =
        ManualScheduler.builder(clock)
            .schedulerId("node-a")
            .timezone(ZONE)
            .jobStore("default", store)
            .listener(events, EventType.JOB_EXECUTED)
            .build();
    shutdowns.add(() -> scheduler.shutdown(false));
    scheduler.start();
    scheduler.addJob(everySecond("at-min", NOW.plusSeconds(3600)));
    scheduler.addJob(hourly("normal", LATEST_FIRE));
    // What an operator or an older version may have stored: the API refuses it, a store holds it.
    store.updateJob(store.lookupJob("at-min").orElseThrow().withNextRunTime(Instant.MIN));

    assertTimeoutPreemptively(GUARD, scheduler::runDueJobs, "one pass");

    assertThat(ran(events, "at-min")).containsExactly(LATEST_FIRE);
    assertThat(ran(events, "normal")).containsExactly(LATEST_FIRE);
    assertThat(scheduler.getJob("at-min").orElseThrow().nextRunTime())
        .contains(LATEST_FIRE.plusSeconds(1));
  }

  @Test
  void jobOperationsAndShutdownStayPromptBesideAJobDueSince1970() {
    RecordingListener events = new RecordingListener();
    Scheduler scheduler =
        BackgroundScheduler.builder()
            .schedulerId("node-a")
            .timezone(ZONE)
            .jobStore("default", newStore())
            .listener(events, EventType.JOB_EXECUTED)
            .build();
    shutdowns.add(() -> scheduler.shutdown(false));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    scheduler.addJob(everySecond("since-1970", Instant.EPOCH));
    scheduler.addJob(hourly("normal", now));
    scheduler.start();

    await("both jobs ran")
        .atMost(GUARD)
        .until(() -> !ran(events, "since-1970").isEmpty() && !ran(events, "normal").isEmpty());
    assertTimeoutPreemptively(GUARD, () -> scheduler.pauseJob("since-1970"), "pauseJob");
    assertTimeoutPreemptively(GUARD, () -> scheduler.removeJob("normal"), "removeJob");
    assertTimeoutPreemptively(GUARD, () -> scheduler.shutdown(true), "shutdown");

    assertThat(ran(events, "since-1970").get(0)).isAfter(now.minusSeconds(2));
    assertThat(ran(events, "normal")).containsExactly(now);
  }

  @Test
  void aSecondSchedulerOnTheSharedStoreIsNotHeldUp() throws Exception {
    Assumptions.assumeTrue(shared(), "the store is not shared");
    MutableClock clock = MutableClock.at(NOW, ZONE);
    RecordingListener eventsA = new RecordingListener();
    RecordingListener eventsB = new RecordingListener();
    ManualScheduler nodeA = manual("node-a", clock, eventsA);
    ManualScheduler nodeB = manual("node-b", clock, eventsB);
    nodeA.addJob(everySecond("since-1970", Instant.EPOCH));
    nodeB.addJob(hourly("other", LATEST_FIRE));

    CompletableFuture<?> passA = CompletableFuture.runAsync(nodeA::runDueJobs);
    assertTimeoutPreemptively(GUARD, nodeB::runDueJobs, "node-b's pass");
    passA.get(GUARD.toMillis(), TimeUnit.MILLISECONDS);

    List<Instant> since1970 = new ArrayList<>(ran(eventsA, "since-1970"));
    since1970.addAll(ran(eventsB, "since-1970"));
    List<Instant> other = new ArrayList<>(ran(eventsA, "other"));
    other.addAll(ran(eventsB, "other"));
    assertThat(since1970).containsExactly(LATEST_FIRE);
    assertThat(other).containsExactly(LATEST_FIRE);
  }
}
