package io.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.exception.JobNotFoundException;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.trigger.DateTrigger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Eight threads add, modify, pause, resume and remove 10,000 jobs while a background scheduler runs
 * them: every job that should run runs exactly once, no job that was removed before it could run
 * runs, and none runs twice.
 */
class ConcurrentJobChangesTest {

  static final int THREADS = 8;
  static final int JOBS = 10_000;

  /** What each thread does to a job, chosen by the job's number. */
  enum Plan {
    /** Added and left alone: runs once. */
    ADD,
    /** Added, then renamed and given new args (maybe while it runs): runs once. */
    ADD_THEN_MODIFY,
    /** Added paused, modified, resumed: runs once. */
    PAUSE_MODIFY_RESUME,
    /** Added paused, then removed: never runs. */
    PAUSE_THEN_REMOVE,
    /** Added, then removed at once: runs at most once (it may already have run). */
    ADD_THEN_REMOVE
  }

  Scheduler scheduler;
  ExecutorService threads;

  @AfterEach
  void stop() {
    if (threads != null) {
      threads.shutdownNow();
    }
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }

  @Test
  void everyRunHappensExactlyOnceUnderConcurrentChanges() throws Exception {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    scheduler =
        BackgroundScheduler.builder()
            .clock(Clock.systemUTC())
            .executor("default", JobExecutors.threadPool(8))
            .jobDefaults(JobDefaults.builder().misfireGraceTime(null).build())
            .build();
    scheduler.start();
    Instant due = Instant.now().minusSeconds(1);
    List<String> mustRun = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      Plan plan = plan(i);
      if (plan != Plan.PAUSE_THEN_REMOVE && plan != Plan.ADD_THEN_REMOVE) {
        mustRun.add(id(i));
      }
    }
    CountDownLatch allRan = new CountDownLatch(mustRun.size());
    threads = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      work.add(
          threads.submit(
              () -> {
                for (int i = thread; i < JOBS; i += THREADS) {
                  change(scheduler, i, due, runs, allRan);
                }
              }));
    }
    for (Future<?> future : work) {
      future.get(60, TimeUnit.SECONDS);
    }
    threads.shutdown();
    assertThat(allRan.await(60, TimeUnit.SECONDS)).as("all runs done").isTrue();
    scheduler.shutdown(true);

    for (String id : mustRun) {
      assertThat(runs.get(id)).as("runs of %s", id).isNotNull().hasValue(1);
    }
    for (int i = 0; i < JOBS; i++) {
      AtomicInteger count = runs.get(id(i));
      switch (plan(i)) {
        case PAUSE_THEN_REMOVE -> assertThat(count).as("runs of %s", id(i)).isNull();
        case ADD_THEN_REMOVE -> {
          if (count != null) {
            assertThat(count).as("runs of %s", id(i)).hasValue(1);
          }
        }
        default -> {}
      }
    }
    assertThat(scheduler.runningInstances()).isEmpty();
  }

  private static void change(
      Scheduler scheduler,
      int i,
      Instant due,
      Map<String, AtomicInteger> runs,
      CountDownLatch allRan) {
    String id = id(i);
    Plan plan = plan(i);
    JobSpec.Builder job =
        JobSpec.builder()
            .id(id)
            .trigger(DateTrigger.at(due.atZone(ZoneOffset.UTC)))
            .task(
                () -> {
                  runs.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                  if (plan != Plan.ADD_THEN_REMOVE) {
                    allRan.countDown();
                  }
                });
    switch (plan) {
      case ADD -> scheduler.addJob(job.build());
      case ADD_THEN_MODIFY -> {
        scheduler.addJob(job.build());
        ignoreIfAlreadyRun(() -> scheduler.modifyJob(id, spec -> spec.name("n" + i).args(i)));
      }
      case PAUSE_MODIFY_RESUME -> {
        scheduler.addJob(job.paused().build());
        scheduler.modifyJob(id, spec -> spec.name("n" + i));
        scheduler.resumeJob(id);
      }
      case PAUSE_THEN_REMOVE -> {
        scheduler.addJob(job.paused().build());
        scheduler.removeJob(id);
      }
      case ADD_THEN_REMOVE -> {
        scheduler.addJob(job.build());
        ignoreIfAlreadyRun(() -> scheduler.removeJob(id));
      }
    }
  }

  private static void ignoreIfAlreadyRun(Runnable change) {
    try {
      change.run();
    } catch (JobNotFoundException alreadyRunAndRemoved) {
      // A one-shot job is removed once it has been submitted; nothing left to change.
    }
  }

  private static Plan plan(int i) {
    return Plan.values()[i % Plan.values().length];
  }

  private static String id(int i) {
    return "job-" + i;
  }
}
