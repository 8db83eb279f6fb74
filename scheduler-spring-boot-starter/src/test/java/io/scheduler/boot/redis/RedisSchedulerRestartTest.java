package io.scheduler.boot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.event.JobMissed;
import io.scheduler.event.JobRecovered;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStoreListener;
import io.scheduler.store.JobStores;
import io.scheduler.store.RunClaim;
import io.scheduler.store.SharedJobStore.Release;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import io.scheduler.trigger.CronTrigger;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.IntervalTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine on the Redis store, driven by {@link ManualScheduler} and a {@link MutableClock}: jobs
 * survive a restart, and a scheduler started after a gap treats the missed fire times (misfire
 * grace, coalescing, one-shot jobs, paused jobs) exactly as a scheduler on the memory store that
 * slept through the same gap; a run whose scheduler died is re-run by the next one.
 */
@Tag("integration")
class RedisSchedulerRestartTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  private final RedisTestSupport redis = new RedisTestSupport();

  @AfterEach
  void cleanUp() {
    try {
      redis.close();
    } finally {
      RedisTestTasks.forget("memory");
      RedisTestTasks.forget("redis");
      RedisTestTasks.forget("recovery");
    }
  }

  private ManualScheduler scheduler(MutableClock clock, JobStore store, RecordingListener events) {
    ManualScheduler scheduler =
        ManualScheduler.builder(clock).timezone(ZONE).jobStore("default", store).build();
    scheduler.addListener(events);
    redis.onClose(() -> scheduler.shutdown(false));
    scheduler.start();
    return scheduler;
  }

  private static List<JobSpec> jobs(String scenario) {
    IntervalTrigger everyFiveMinutes = IntervalTrigger.every(Duration.ofMinutes(5)).withZone(ZONE);
    return List.of(
        recording(scenario)
            .id("latest")
            .trigger(everyFiveMinutes)
            .coalesce(CoalescePolicy.LATEST)
            .misfireGraceTime(null)
            .build(),
        recording(scenario)
            .id("all")
            .trigger(everyFiveMinutes)
            .coalesce(CoalescePolicy.ALL)
            .misfireGraceTime(null)
            .build(),
        recording(scenario)
            .id("strict")
            .trigger(everyFiveMinutes)
            .coalesce(CoalescePolicy.ALL)
            .misfireGraceTime(Duration.ofSeconds(1))
            .build(),
        recording(scenario)
            .id("earliest-cron")
            .trigger(CronTrigger.parse("0 */10 * * * *", ZONE))
            .coalesce(CoalescePolicy.EARLIEST)
            .misfireGraceTime(Duration.ofHours(1))
            .build(),
        recording(scenario)
            .id("once")
            .trigger(DateTrigger.at(NOW.plus(Duration.ofMinutes(25)).atZone(ZONE)))
            .misfireGraceTime(null)
            .build(),
        recording(scenario).id("paused").trigger(everyFiveMinutes).paused().build());
  }

  private static JobSpec.Builder recording(String scenario) {
    return JobSpec.builder().task(TaskRef.of(RedisTestTasks.RECORD)).args(scenario);
  }

  /** What happened, comparable between stores: runs and misses by job, and the jobs left. */
  private static Map<String, Object> outcome(
      String scenario, List<RecordingListener> listeners, List<Job> jobsLeft) {
    Map<String, Object> outcome = new TreeMap<>();
    for (RedisTestTasks.Run run : RedisTestTasks.runs(scenario)) {
      @SuppressWarnings("unchecked")
      List<Instant> runs =
          (List<Instant>) outcome.computeIfAbsent("ran " + run.jobId(), k -> new ArrayList<>());
      runs.add(run.runTime());
    }
    listeners.stream()
        .flatMap(listener -> listener.events(JobMissed.class).stream())
        .forEach(
            missed -> {
              @SuppressWarnings("unchecked")
              List<Instant> misses =
                  (List<Instant>)
                      outcome.computeIfAbsent("missed " + missed.jobId(), k -> new ArrayList<>());
              misses.add(missed.scheduledRunTime());
            });
    outcome.put(
        "jobs left",
        jobsLeft.stream()
            .collect(
                Collectors.toMap(
                    Job::id,
                    job -> job.nextRunTime().map(Instant::toString).orElse("paused"),
                    (a, b) -> a,
                    TreeMap::new)));
    return outcome;
  }

  @Test
  void aSchedulerStartedAfterAGapHandlesMissedRunsAsTheMemoryStoreDoes() {
    // Memory: one scheduler sleeps through the gap.
    MutableClock memoryClock = MutableClock.at(NOW, ZONE);
    RecordingListener memoryEvents = new RecordingListener();
    ManualScheduler memory = scheduler(memoryClock, JobStores.memory(), memoryEvents);
    jobs("memory").forEach(memory::addJob);
    memory.advanceStepwise(Duration.ofMinutes(10));
    memory.advance(Duration.ofMinutes(32));

    // Redis: the first scheduler stops; after the gap a new one starts on the same keys.
    MutableClock redisClock = MutableClock.at(NOW, ZONE);
    RecordingListener firstEvents = new RecordingListener();
    ManualScheduler first = scheduler(redisClock, redis.store().build(), firstEvents);
    jobs("redis").forEach(first::addJob);
    first.advanceStepwise(Duration.ofMinutes(10));
    first.shutdown(true);
    redisClock.advance(Duration.ofMinutes(32));
    RecordingListener secondEvents = new RecordingListener();
    ManualScheduler second = scheduler(redisClock, redis.store().build(), secondEvents);
    second.runDueJobs();

    Map<String, Object> expected = outcome("memory", List.of(memoryEvents), memory.getJobs());
    Map<String, Object> actual =
        outcome("redis", List.of(firstEvents, secondEvents), second.getJobs());
    assertThat(actual).isEqualTo(expected);
    // and what that is, spelled out: 08:05 and 08:10 ran on time, then the gap until 08:42
    assertThat(actual)
        .containsEntry("ran latest", times(5, 10, 40))
        .containsEntry("ran all", times(5, 10, 15, 20, 25, 30, 35, 40))
        .containsEntry("ran strict", times(5, 10))
        .containsEntry("missed strict", times(15, 20, 25, 30, 35, 40))
        .containsEntry("ran earliest-cron", times(0, 10, 20))
        .containsEntry("ran once", times(25))
        .doesNotContainKey("ran paused");
    @SuppressWarnings("unchecked")
    Map<String, String> left = (Map<String, String>) actual.get("jobs left");
    assertThat(left)
        .containsEntry("paused", "paused")
        .containsEntry("latest", NOW.plus(Duration.ofMinutes(45)).toString())
        .doesNotContainKey("once");
  }

  private static List<Instant> times(long... minutes) {
    return Stream.of(minutes)
        .flatMapToLong(java.util.Arrays::stream)
        .mapToObj(minute -> NOW.plus(Duration.ofMinutes(minute)))
        .toList();
  }

  @Test
  void aRunWhoseSchedulerDiedIsRunAgainByTheNextSchedulerOnceItsLeaseExpired() {
    MutableClock clock = MutableClock.at(NOW, ZONE);
    // A scheduler that claims a run and dies before running it.
    RedisJobStore dying = redis.store().leaseTime(Duration.ofSeconds(30)).build();
    dying.start(
        new JobStoreContext(
            "default", clock, ZONE, TaskResolver.staticMethods(), "dead", JobStoreListener.NONE));
    RecordingListener events = new RecordingListener();
    ManualScheduler survivor =
        scheduler(clock, redis.store().leaseTime(Duration.ofSeconds(30)).build(), events);
    survivor.addJob(
        JobSpec.builder()
            .id("orphan")
            .task(TaskRef.of(RedisTestTasks.RECORD))
            .args("recovery")
            .trigger(DateTrigger.at(NOW.atZone(ZONE)))
            .misfireGraceTime(null)
            .build());
    Job acquired = dying.acquireDueJobs(NOW, 10).get(0);
    RunClaim orphaned =
        dying
            .releaseAndClaim(List.of(new Release(acquired, null, List.of(NOW))), NOW)
            .get(0)
            .claim();
    assertThat(orphaned).isNotNull();

    survivor.runDueJobs();
    assertThat(RedisTestTasks.runs("recovery")).as("lease still running").isEmpty();

    survivor.advance(Duration.ofSeconds(31));

    assertThat(RedisTestTasks.runs("recovery"))
        .singleElement()
        .satisfies(run -> assertThat(run.runTime()).isEqualTo(NOW));
    assertThat(events.events(JobRecovered.class))
        .singleElement()
        .satisfies(recovered -> assertThat(recovered.jobId()).isEqualTo("orphan"));
    assertThat(dying.completeRun(orphaned))
        .as("the dead scheduler's claim is fenced off")
        .isFalse();
    survivor.advance(Duration.ofSeconds(31));
    assertThat(RedisTestTasks.runs("recovery")).as("run once").hasSize(1);
    dying.shutdown();
  }
}
