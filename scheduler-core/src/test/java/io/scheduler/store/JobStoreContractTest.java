package io.scheduler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.job.TaskRef;
import io.scheduler.job.TaskResolver;
import io.scheduler.testing.MutableClock;
import io.scheduler.trigger.CronTrigger;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link JobStore} contract, as documented on the interface: adding, replacing, removing and
 * looking up jobs; {@link JobStore#getAllJobs()} and {@link JobStore#nextRunTime()} ordering;
 * handing out due jobs with {@link JobStore#acquireDueJobs} and taking them back with {@link
 * JobStore#releaseJob}, including releases superseded by a concurrent change; and thread safety.
 *
 * <p>Every store implementation extends this class (it ships in scheduler-core's test jar) and
 * implements {@link #createStore()}. The jobs used here name their task by {@link TaskRef} (a
 * public static method of {@link ContractTasks}) and carry JSON-friendly args and kwargs (strings,
 * ints, booleans, lists), with whole-second run times, so a persistent store can save and reload
 * them; {@link #assertSameContent} compares a reloaded job with the one that was stored.
 */
public abstract class JobStoreContractTest {

  /** The time zone of the store's context and of the jobs' triggers (not UTC on purpose). */
  protected static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** Where the clock of the store's context stands. */
  protected static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  /** The clock given to the store in its {@link JobStoreContext}. */
  protected MutableClock clock;

  /** The store under test, started. */
  protected JobStore store;

  /**
   * Creates the store under test; it must hold no jobs once started (use a fresh schema, key prefix
   * or database per call, or clear it here).
   *
   * @return a new, not yet started store
   */
  protected abstract JobStore createStore();

  /**
   * Returns the context the store is started with: alias {@code default}, {@link #clock}, {@link
   * #ZONE}, {@link TaskResolver#staticMethods()}, scheduler id {@code node-a} and {@link
   * JobStoreListener#NONE}.
   *
   * @return the context
   */
  protected JobStoreContext context() {
    return new JobStoreContext(
        JobSpec.DEFAULT_ALIAS,
        clock,
        ZONE,
        TaskResolver.staticMethods(),
        "node-a",
        JobStoreListener.NONE);
  }

  /**
   * Starts the store; override to do more (create a schema, connect) around {@link JobStore#start}.
   *
   * @param store the store from {@link #createStore()}
   * @param context the context from {@link #context()}
   */
  protected void startStore(JobStore store, JobStoreContext context) {
    store.start(context);
  }

  /**
   * Stops the store after each test; override to clean up more (drop a schema, disconnect).
   *
   * @param store the store under test
   */
  protected void stopStore(JobStore store) {
    store.shutdown();
  }

  @BeforeEach
  final void createAndStartStoreUnderTest() {
    clock = MutableClock.at(NOW, ZONE);
    store = createStore();
    startStore(store, context());
  }

  @AfterEach
  final void stopStoreUnderTest() {
    // No store when creating it was skipped (no server outside CI): the skip stays a skip.
    if (store != null) {
      stopStore(store);
    }
  }

  // ------------------------------------------------------------------ jobs used by the contract

  /**
   * Returns {@link #NOW} moved by some seconds.
   *
   * @param seconds how far from now (negative for the past)
   * @return the instant
   */
  protected static Instant at(long seconds) {
    return NOW.plusSeconds(seconds);
  }

  /**
   * Builds a job running {@link ContractTasks#noop()} every 5 minutes.
   *
   * @param id the id
   * @param nextRunTime the next run time, or {@code null} for a paused job
   * @return the job
   */
  protected static Job job(String id, @Nullable Instant nextRunTime) {
    TaskRef ref = TaskRef.of(ContractTasks.NOOP);
    Trigger trigger =
        IntervalTrigger.every(Duration.ofMinutes(5))
            .withStartDate(ZonedDateTime.ofInstant(NOW, ZONE))
            .withZone(ZONE);
    JobSpec spec = JobSpec.builder().id(id).task(ref).trigger(trigger).build();
    return Job.create(
        spec,
        id,
        TaskResolver.staticMethods().resolve(ref, spec.args(), spec.kwargs()),
        trigger,
        JobDefaults.ofDefaults(),
        nextRunTime);
  }

  /**
   * Builds a job that sets every option away from the defaults: a name, positional args and kwargs
   * for {@link ContractTasks#describe}, a cron trigger in {@link #ZONE}, misfire grace time 30 s,
   * coalesce {@link CoalescePolicy#ALL}, three instances, executor {@code pool}.
   *
   * @param id the id
   * @param nextRunTime the next run time, or {@code null} for a paused job
   * @return the job
   */
  protected static Job richJob(String id, @Nullable Instant nextRunTime) {
    TaskRef ref = TaskRef.of(ContractTasks.DESCRIBE);
    Trigger trigger = CronTrigger.parse("0 30 9 * * MON-FRI", ZONE);
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("recipients", List.of("ops@example.com", "dev@example.com"));
    kwargs.put("retries", 2);
    JobSpec spec =
        JobSpec.builder()
            .id(id)
            .name("Daily report " + id)
            .task(ref)
            .args("report", 3, true)
            .kwargs(kwargs)
            .trigger(trigger)
            .misfireGraceTime(Duration.ofSeconds(30))
            .coalesce(CoalescePolicy.ALL)
            .maxInstances(3)
            .executor("pool")
            .jobStore(JobSpec.DEFAULT_ALIAS)
            .build();
    return Job.create(
        spec,
        id,
        TaskResolver.staticMethods().resolve(ref, spec.args(), spec.kwargs()),
        trigger,
        JobDefaults.ofDefaults(),
        nextRunTime);
  }

  /**
   * Asserts that a job read back from the store holds the same content as the job that was stored
   * (snapshots compare by identity, and persistent stores return new ones).
   *
   * @param expected the job that was stored
   * @param actual the job the store returned
   */
  protected static void assertSameContent(Job expected, Job actual) {
    assertThat(actual.id()).as("id").isEqualTo(expected.id());
    assertThat(actual.name()).as("name of %s", expected.id()).isEqualTo(expected.name());
    assertThat(actual.trigger()).as("trigger of %s", expected.id()).isEqualTo(expected.trigger());
    assertThat(actual.args()).as("args of %s", expected.id()).isEqualTo(expected.args());
    assertThat(actual.kwargs()).as("kwargs of %s", expected.id()).isEqualTo(expected.kwargs());
    assertThat(actual.misfireGraceTime())
        .as("misfireGraceTime of %s", expected.id())
        .isEqualTo(expected.misfireGraceTime());
    assertThat(actual.coalesce())
        .as("coalesce of %s", expected.id())
        .isEqualTo(expected.coalesce());
    assertThat(actual.maxInstances())
        .as("maxInstances of %s", expected.id())
        .isEqualTo(expected.maxInstances());
    assertThat(actual.executor())
        .as("executor of %s", expected.id())
        .isEqualTo(expected.executor());
    assertThat(actual.jobStore())
        .as("jobStore of %s", expected.id())
        .isEqualTo(expected.jobStore());
    assertThat(actual.nextRunTime())
        .as("nextRunTime of %s", expected.id())
        .isEqualTo(expected.nextRunTime());
    assertThat(actual.isPaused())
        .as("isPaused of %s", expected.id())
        .isEqualTo(expected.isPaused());
    assertThat(actual.taskRef()).as("taskRef of %s", expected.id()).isEqualTo(expected.taskRef());
  }

  /**
   * Returns the ids of jobs, in order.
   *
   * @param jobs the jobs
   * @return their ids
   */
  protected static List<String> ids(List<Job> jobs) {
    return jobs.stream().map(Job::id).toList();
  }

  private Job stored(String id) {
    return store.lookupJob(id).orElseThrow(() -> new AssertionError("no job " + id + " stored"));
  }

  // ------------------------------------------------------------------ add and lookup

  @Test
  void aStartedStoreHoldsNoJobs() {
    assertThat(store.getAllJobs()).isEmpty();
    assertThat(store.nextRunTime()).isEmpty();
    assertThat(store.acquireDueJobs(at(3600), 10)).isEmpty();
  }

  @Test
  void anAddedJobIsLookedUpWithTheSameContent() {
    Job job = richJob("report", at(60));

    store.addJob(job);

    assertSameContent(job, stored("report"));
  }

  @Test
  void aPausedJobIsLookedUpWithTheSameContent() {
    Job job = richJob("report", null);

    store.addJob(job);

    Job read = stored("report");
    assertSameContent(job, read);
    assertThat(read.nextRunTime()).isEmpty();
  }

  @Test
  void aLoadedTaskRefJobRunsTheSameMethodWithTheSameArguments() throws Exception {
    Job job = richJob("report", at(60));
    store.addJob(job);

    Job read = stored("report");

    assertThat(read.task().run(new TaskContext(read, at(60))))
        .isEqualTo("report/3/true/[ops@example.com, dev@example.com]/2")
        .isEqualTo(job.task().run(new TaskContext(job, at(60))));
  }

  @Test
  void lookupOfAnUnknownIdIsEmpty() {
    store.addJob(job("a", at(10)));

    assertThat(store.lookupJob("b")).isEmpty();
  }

  @Test
  void addingADuplicateIdThrowsConflictingJobIdExceptionAndKeepsTheStoredJob() {
    Job original = richJob("report", at(60));
    store.addJob(original);

    assertThatThrownBy(() -> store.addJob(job("report", at(5))))
        .isInstanceOf(ConflictingJobIdException.class)
        .hasMessageContaining("'report'")
        .satisfies(e -> assertThat(((ConflictingJobIdException) e).jobId()).isEqualTo("report"));

    assertSameContent(original, stored("report"));
    assertThat(store.getAllJobs()).hasSize(1);
    assertThat(store.nextRunTime()).contains(at(60));
    assertThat(store.acquireDueJobs(at(5), 10)).isEmpty();
  }

  @Test
  void addJobsAddsAllOrNoneWhenOneIdIsTaken() {
    Job original = richJob("report", at(60));
    store.addJob(original);

    assertThatThrownBy(
            () ->
                store.addJobs(
                    List.of(job("first", at(5)), job("report", at(5)), job("last", at(5)))))
        .isInstanceOf(ConflictingJobIdException.class)
        .hasMessageContaining("'report'");

    assertThat(ids(store.getAllJobs())).containsExactly("report");
    assertSameContent(original, stored("report"));
    assertThat(store.getUnloadableJobs()).isEmpty();
  }

  // ------------------------------------------------------------------ update

  @Test
  void updateJobReplacesTheStoredSnapshot() {
    store.addJob(job("a", at(60)));
    Job changed = richJob("a", at(120));

    store.updateJob(changed);

    assertSameContent(changed, stored("a"));
    assertThat(store.getAllJobs()).hasSize(1);
    assertThat(store.nextRunTime()).contains(at(120));
  }

  @Test
  void replaceJobReplacesTheSnapshotItWasGiven() {
    store.addJob(job("a", at(60)));
    Job read = stored("a");
    Job changed = richJob("a", at(120));

    assertThat(store.replaceJob(read, changed)).isTrue();

    assertSameContent(changed, stored("a"));
    assertThat(store.nextRunTime()).contains(at(120));
  }

  @Test
  void replaceJobChangesNothingWhenTheJobChangedSinceItWasRead() {
    store.addJob(job("a", at(60)));
    Job read = stored("a");
    Job released = job("a", at(360));
    store.updateJob(released); // say, another scheduler stored the job's next run time

    assertThat(store.replaceJob(read, richJob("a", at(120)))).isFalse();

    assertSameContent(released, stored("a"));
    assertThat(store.nextRunTime()).contains(at(360));
  }

  @Test
  void replaceJobChangesNothingWhenTheJobWasRemoved() {
    store.addJob(job("a", at(60)));
    Job read = stored("a");
    store.removeJob("a");

    assertThat(store.replaceJob(read, richJob("a", at(120)))).isFalse();

    assertThat(store.lookupJob("a")).isEmpty();
  }

  @Test
  void updatingAnUnknownJobThrowsJobNotFoundExceptionAndAddsNothing() {
    store.addJob(job("a", at(60)));

    assertThatThrownBy(() -> store.updateJob(job("ghost", at(1))))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessageContaining("'ghost'")
        .satisfies(e -> assertThat(((JobNotFoundException) e).jobId()).isEqualTo("ghost"));

    assertThat(store.lookupJob("ghost")).isEmpty();
    assertThat(ids(store.getAllJobs())).containsExactly("a");
    assertThat(store.nextRunTime()).contains(at(60));
  }

  @Test
  void updatingAJobToAnEarlierTimeMovesItToTheFront() {
    store.addJob(job("a", at(10)));
    store.addJob(job("b", at(20)));
    store.addJob(job("c", at(30)));

    store.updateJob(job("c", at(5)));

    assertThat(store.nextRunTime()).contains(at(5));
    assertThat(ids(store.getAllJobs())).containsExactly("c", "a", "b");
    assertThat(ids(store.acquireDueJobs(at(30), 10))).containsExactly("c", "a", "b");
  }

  @Test
  void pausingAJobByUpdateTakesItOutOfNextRunTimeAndAcquisition() {
    store.addJob(job("a", at(10)));
    store.addJob(job("b", at(20)));

    store.updateJob(job("a", null));

    assertThat(store.nextRunTime()).contains(at(20));
    assertThat(ids(store.acquireDueJobs(at(100), 10))).containsExactly("b");
    assertThat(stored("a").isPaused()).isTrue();
  }

  @Test
  void updatingAPausedJobToHaveARunTimeMakesItAcquirable() {
    store.addJob(job("a", null));
    assertThat(store.acquireDueJobs(at(3600), 10)).isEmpty();
    assertThat(store.nextRunTime()).isEmpty();

    store.updateJob(job("a", at(30)));

    assertThat(store.nextRunTime()).contains(at(30));
    assertThat(store.acquireDueJobs(at(29), 10)).isEmpty();
    assertThat(ids(store.acquireDueJobs(at(30), 10))).containsExactly("a");
  }

  // ------------------------------------------------------------------ remove

  @Test
  void removeJobDeletesOnlyThatJob() {
    store.addJob(job("a", at(10)));
    store.addJob(job("b", at(20)));

    store.removeJob("a");

    assertThat(store.lookupJob("a")).isEmpty();
    assertThat(ids(store.getAllJobs())).containsExactly("b");
    assertThat(store.nextRunTime()).contains(at(20));
    assertThat(ids(store.acquireDueJobs(at(100), 10))).containsExactly("b");
  }

  @Test
  void removingAnUnknownJobThrowsJobNotFoundException() {
    store.addJob(job("a", at(10)));

    assertThatThrownBy(() -> store.removeJob("ghost"))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessageContaining("'ghost'");
    assertThat(ids(store.getAllJobs())).containsExactly("a");
  }

  @Test
  void removingAJobTwiceThrowsTheSecondTime() {
    store.addJob(job("a", at(10)));
    store.removeJob("a");

    assertThatThrownBy(() -> store.removeJob("a")).isInstanceOf(JobNotFoundException.class);
  }

  @Test
  void aRemovedIdCanBeAddedAgain() {
    store.addJob(job("a", at(10)));
    store.removeJob("a");
    Job again = richJob("a", at(99));

    store.addJob(again);

    assertSameContent(again, stored("a"));
    assertThat(store.nextRunTime()).contains(at(99));
  }

  @Test
  void removeAllJobsEmptiesTheStore() {
    store.addJob(job("a", at(10)));
    store.addJob(job("b", null));
    store.addJob(richJob("c", at(-10)));

    store.removeAllJobs();

    assertThat(store.getAllJobs()).isEmpty();
    assertThat(store.lookupJob("a")).isEmpty();
    assertThat(store.nextRunTime()).isEmpty();
    assertThat(store.acquireDueJobs(at(3600), 10)).isEmpty();
    store.addJob(job("a", at(5)));
    assertThat(ids(store.getAllJobs())).containsExactly("a");
  }

  @Test
  void removeAllJobsOnAnEmptyStoreDoesNothing() {
    store.removeAllJobs();

    assertThat(store.getAllJobs()).isEmpty();
  }

  // ------------------------------------------------------------------ getAllJobs and nextRunTime

  @Test
  void getAllJobsOrdersByNextRunTimeWithPausedJobsLast() {
    store.addJob(job("paused-1", null));
    store.addJob(job("late", at(300)));
    store.addJob(richJob("early", at(-60)));
    store.addJob(job("paused-2", null));
    store.addJob(job("middle", at(120)));

    List<Job> all = store.getAllJobs();

    assertThat(ids(all).subList(0, 3)).containsExactly("early", "middle", "late");
    assertThat(ids(all).subList(3, 5)).containsExactlyInAnyOrder("paused-1", "paused-2");
    assertSameContent(richJob("early", at(-60)), all.get(0));
  }

  @Test
  void getAllJobsIncludesAcquiredJobs() {
    store.addJob(job("a", at(10)));
    store.addJob(job("b", at(20)));

    store.acquireDueJobs(at(10), 10);

    assertThat(ids(store.getAllJobs())).containsExactly("a", "b");
  }

  @Test
  void nextRunTimeIsTheEarliestOfTheScheduledJobs() {
    store.addJob(job("a", at(300)));
    store.addJob(job("b", at(-30)));
    store.addJob(job("c", at(60)));

    assertThat(store.nextRunTime()).contains(at(-30));
  }

  @Test
  void nextRunTimeIgnoresPausedJobsAndIsEmptyWhenAllArePaused() {
    store.addJob(job("a", null));
    assertThat(store.nextRunTime()).isEmpty();

    store.addJob(job("b", at(45)));
    assertThat(store.nextRunTime()).contains(at(45));
  }

  @Test
  void nextRunTimeIgnoresAcquiredJobsUntilTheyAreReleased() {
    store.addJob(job("a", at(10)));
    store.addJob(job("b", at(20)));

    List<Job> acquired = store.acquireDueJobs(at(10), 10);
    assertThat(store.nextRunTime()).contains(at(20));

    store.acquireDueJobs(at(20), 10);
    assertThat(store.nextRunTime()).isEmpty();

    store.releaseJob(acquired.get(0), acquired.get(0).withNextRunTime(at(15)));
    assertThat(store.nextRunTime()).contains(at(15));
  }

  // ------------------------------------------------------------------ acquire

  @Test
  void acquireDueJobsReturnsOnlyDueJobsEarliestFirst() {
    store.addJob(job("future", at(1)));
    store.addJob(job("now", at(0)));
    store.addJob(job("past", at(-120)));
    store.addJob(job("recent", at(-5)));

    List<Job> due = store.acquireDueJobs(NOW, 10);

    assertThat(ids(due)).containsExactly("past", "recent", "now");
    assertThat(store.nextRunTime()).contains(at(1));
  }

  @Test
  void aJobIsDueExactlyAtItsNextRunTime() {
    store.addJob(job("a", at(60)));

    assertThat(store.acquireDueJobs(at(60).minusNanos(1), 10)).isEmpty();
    assertThat(ids(store.acquireDueJobs(at(60), 10))).containsExactly("a");
  }

  @Test
  void acquiredJobsHaveTheStoredContent() {
    Job job = richJob("report", at(-1));
    store.addJob(job);

    List<Job> due = store.acquireDueJobs(NOW, 10);

    assertThat(due).hasSize(1);
    assertSameContent(job, due.get(0));
  }

  @Test
  void acquireDueJobsHonoursTheLimitAndHandsOutTheRestNextTime() {
    for (int i = 0; i < 5; i++) {
      store.addJob(job("job-" + i, at(-10 + i)));
    }

    assertThat(ids(store.acquireDueJobs(NOW, 2))).containsExactly("job-0", "job-1");
    assertThat(ids(store.acquireDueJobs(NOW, 2))).containsExactly("job-2", "job-3");
    assertThat(ids(store.acquireDueJobs(NOW, 2))).containsExactly("job-4");
    assertThat(store.acquireDueJobs(NOW, 2)).isEmpty();
  }

  @Test
  void aLimitOfOneReturnsTheEarliestDueJob() {
    store.addJob(job("b", at(-1)));
    store.addJob(job("a", at(-2)));

    assertThat(ids(store.acquireDueJobs(NOW, 1))).containsExactly("a");
  }

  @Test
  void anAcquiredJobIsNotHandedOutAgainUntilReleased() {
    store.addJob(job("a", at(-1)));

    List<Job> first = store.acquireDueJobs(NOW, 10);
    assertThat(ids(first)).containsExactly("a");
    assertThat(store.acquireDueJobs(at(3600), 10)).isEmpty();

    store.releaseJob(first.get(0), first.get(0).withNextRunTime(at(10)));

    assertThat(ids(store.acquireDueJobs(at(10), 10))).containsExactly("a");
  }

  @Test
  void pausedJobsAreNeverAcquired() {
    store.addJob(job("paused", null));
    store.addJob(job("due", at(-1)));

    assertThat(ids(store.acquireDueJobs(Instant.parse("2999-01-01T00:00:00Z"), 100)))
        .containsExactly("due");
    assertThat(store.acquireDueJobs(Instant.parse("2999-01-01T00:00:00Z"), 100)).isEmpty();
  }

  @Test
  void updatingAnAcquiredJobMakesItAcquirableAgain() {
    store.addJob(job("a", at(-1)));
    store.acquireDueJobs(NOW, 10);

    store.updateJob(job("a", at(5)));

    assertThat(store.nextRunTime()).contains(at(5));
    assertThat(ids(store.acquireDueJobs(at(5), 10))).containsExactly("a");
  }

  // ------------------------------------------------------------------ release

  @Test
  void releasingWithAnUpdatedSnapshotStoresItAndReturnsUpdated() {
    Job job = richJob("report", at(-1));
    store.addJob(job);
    Job acquired = store.acquireDueJobs(NOW, 10).get(0);
    Job advanced = acquired.withNextRunTime(at(86_400));

    ReleaseResult result = store.releaseJob(acquired, advanced);

    assertThat(result).isEqualTo(ReleaseResult.UPDATED);
    Job read = stored("report");
    assertSameContent(job.withNextRunTime(at(86_400)), read);
    assertThat(store.nextRunTime()).contains(at(86_400));
    assertThat(store.acquireDueJobs(at(86_399), 10)).isEmpty();
    assertThat(ids(store.acquireDueJobs(at(86_400), 10))).containsExactly("report");
  }

  @Test
  void releasingWithAPausedSnapshotKeepsTheJobPaused() {
    store.addJob(job("a", at(-1)));
    Job acquired = store.acquireDueJobs(NOW, 10).get(0);

    assertThat(store.releaseJob(acquired, acquired.withNextRunTime(null)))
        .isEqualTo(ReleaseResult.UPDATED);

    assertThat(stored("a").isPaused()).isTrue();
    assertThat(store.nextRunTime()).isEmpty();
    assertThat(store.acquireDueJobs(at(3600), 10)).isEmpty();
  }

  @Test
  void releasingWithNullRemovesTheJobAndReturnsRemoved() {
    store.addJob(job("once", at(-1)));
    store.addJob(job("other", at(30)));
    Job acquired = store.acquireDueJobs(NOW, 10).get(0);

    ReleaseResult result = store.releaseJob(acquired, null);

    assertThat(result).isEqualTo(ReleaseResult.REMOVED);
    assertThat(store.lookupJob("once")).isEmpty();
    assertThat(ids(store.getAllJobs())).containsExactly("other");
    assertThat(store.nextRunTime()).contains(at(30));
    assertThatThrownBy(() -> store.removeJob("once")).isInstanceOf(JobNotFoundException.class);
  }

  @Test
  void releasingAJobUpdatedSinceItWasAcquiredIsSupersededAndTheUpdateStands() {
    store.addJob(job("a", at(-1)));
    Job acquired = store.acquireDueJobs(NOW, 10).get(0);
    Job modified = richJob("a", at(500));
    store.updateJob(modified);

    ReleaseResult result = store.releaseJob(acquired, acquired.withNextRunTime(at(60)));

    assertThat(result).isEqualTo(ReleaseResult.SUPERSEDED);
    assertSameContent(modified, stored("a"));
    assertThat(store.nextRunTime()).contains(at(500));
    assertThat(store.acquireDueJobs(at(499), 10)).isEmpty();
    assertThat(ids(store.acquireDueJobs(at(500), 10))).containsExactly("a");
  }

  @Test
  void releasingWithNullAJobUpdatedSinceItWasAcquiredKeepsTheUpdate() {
    store.addJob(job("a", at(-1)));
    Job acquired = store.acquireDueJobs(NOW, 10).get(0);
    Job modified = job("a", at(500));
    store.updateJob(modified);

    assertThat(store.releaseJob(acquired, null)).isEqualTo(ReleaseResult.SUPERSEDED);

    assertSameContent(modified, stored("a"));
    assertThat(store.nextRunTime()).contains(at(500));
  }

  @Test
  void releasingAJobRemovedSinceItWasAcquiredIsSupersededAndTheJobStaysGone() {
    store.addJob(job("a", at(-1)));
    Job acquired = store.acquireDueJobs(NOW, 10).get(0);
    store.removeJob("a");

    ReleaseResult result = store.releaseJob(acquired, acquired.withNextRunTime(at(60)));

    assertThat(result).isEqualTo(ReleaseResult.SUPERSEDED);
    assertThat(store.lookupJob("a")).isEmpty();
    assertThat(store.getAllJobs()).isEmpty();
    assertThat(store.nextRunTime()).isEmpty();
    assertThat(store.acquireDueJobs(at(3600), 10)).isEmpty();
  }

  @Test
  void releasingAJobRemovedAndAddedAgainSinceItWasAcquiredIsSuperseded() {
    store.addJob(job("a", at(-1)));
    Job acquired = store.acquireDueJobs(NOW, 10).get(0);
    store.removeJob("a");
    Job readded = richJob("a", at(700));
    store.addJob(readded);

    assertThat(store.releaseJob(acquired, null)).isEqualTo(ReleaseResult.SUPERSEDED);

    assertSameContent(readded, stored("a"));
    assertThat(store.nextRunTime()).contains(at(700));
  }

  @Test
  void releasingAJobAfterRemoveAllJobsIsSuperseded() {
    store.addJob(job("a", at(-1)));
    Job acquired = store.acquireDueJobs(NOW, 10).get(0);
    store.removeAllJobs();

    assertThat(store.releaseJob(acquired, acquired.withNextRunTime(at(60))))
        .isEqualTo(ReleaseResult.SUPERSEDED);

    assertThat(store.getAllJobs()).isEmpty();
    assertThat(store.nextRunTime()).isEmpty();
  }

  @Test
  void releasingTheSameAcquiredSnapshotTwiceChangesNothingTheSecondTime() {
    store.addJob(job("a", at(-1)));
    Job acquired = store.acquireDueJobs(NOW, 10).get(0);
    assertThat(store.releaseJob(acquired, acquired.withNextRunTime(at(60))))
        .isEqualTo(ReleaseResult.UPDATED);

    assertThat(store.releaseJob(acquired, null)).isEqualTo(ReleaseResult.SUPERSEDED);

    assertThat(stored("a").nextRunTime()).contains(at(60));
    assertThat(store.nextRunTime()).contains(at(60));
  }

  @Test
  void releasingOneJobLeavesTheOtherAcquiredJobsHeld() {
    store.addJob(job("a", at(-2)));
    store.addJob(job("b", at(-1)));
    List<Job> acquired = store.acquireDueJobs(NOW, 10);

    store.releaseJob(acquired.get(0), acquired.get(0).withNextRunTime(at(-1)));

    assertThat(ids(store.acquireDueJobs(NOW, 10))).containsExactly("a");
  }

  // ------------------------------------------------------------------ thread safety

  @Test
  void concurrentAddsAndRemovesOfDistinctIdsLeaveExactlyTheExpectedJobs() throws Exception {
    int threads = 8;
    int perThread = 100;
    List<Callable<Void>> workers = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      workers.add(
          () -> {
            go.await();
            for (int i = 0; i < perThread; i++) {
              store.addJob(job(thread + "-" + i, at(i + 1)));
              if (i % 2 == 0) {
                store.removeJob(thread + "-" + i);
              }
            }
            return null;
          });
    }

    runConcurrently(workers, go);

    Set<String> expected =
        IntStream.range(0, threads)
            .boxed()
            .flatMap(
                t ->
                    IntStream.range(0, perThread)
                        .filter(i -> i % 2 == 1)
                        .mapToObj(i -> t + "-" + i))
            .collect(Collectors.toSet());
    List<Job> all = store.getAllJobs();
    assertThat(ids(all)).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(all).isSortedAccordingTo(Job.BY_NEXT_RUN_TIME);
    assertThat(store.nextRunTime()).contains(at(2));
    assertThat(store.acquireDueJobs(at(perThread), threads * perThread)).hasSize(expected.size());
  }

  @Test
  void concurrentAcquirersNeverReceiveTheSameJob() throws Exception {
    int jobs = 200;
    for (int i = 0; i < jobs; i++) {
      store.addJob(job("job-" + i, at(-i)));
    }
    int threads = 8;
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<List<String>>> acquirers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      acquirers.add(
          () -> {
            go.await();
            List<String> mine = new ArrayList<>();
            List<Job> batch;
            while (!(batch = store.acquireDueJobs(NOW, 3)).isEmpty()) {
              mine.addAll(ids(batch));
            }
            return mine;
          });
    }

    List<List<String>> results = runConcurrently(acquirers, go);

    List<String> all = results.stream().flatMap(List::stream).toList();
    assertThat(all).doesNotHaveDuplicates().hasSize(jobs);
    assertThat(new HashSet<>(all))
        .isEqualTo(IntStream.range(0, jobs).mapToObj(i -> "job-" + i).collect(Collectors.toSet()));
    assertThat(store.nextRunTime()).isEmpty();
  }

  private static <T> List<T> runConcurrently(List<Callable<T>> workers, CountDownLatch go)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> worker : workers) {
        futures.add(pool.submit(worker));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        // A failure guard only: the work takes milliseconds.
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
