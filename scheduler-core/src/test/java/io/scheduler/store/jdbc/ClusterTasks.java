package io.scheduler.store.jdbc;

import io.scheduler.job.TaskContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tasks of {@link JdbcClusterTest}, named by {@code TaskRef}: they count every run per (job,
 * run time) and the instances of a job running at once, in this JVM (the schedulers under test
 * share it).
 */
public final class ClusterTasks {

  /** {@code io.scheduler.store.jdbc.ClusterTasks::record}. */
  public static final String RECORD = "io.scheduler.store.jdbc.ClusterTasks::record";

  /** {@code io.scheduler.store.jdbc.ClusterTasks::overlap}. */
  public static final String OVERLAP = "io.scheduler.store.jdbc.ClusterTasks::overlap";

  static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> RUNNING = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> MOST_RUNNING = new ConcurrentHashMap<>();
  static volatile CountDownLatch distinctRuns = new CountDownLatch(0);

  private ClusterTasks() {}

  static void reset(int expectedRuns) {
    RUNS.clear();
    RUNNING.clear();
    MOST_RUNNING.clear();
    distinctRuns = new CountDownLatch(expectedRuns);
  }

  /**
   * Counts this run of its job at its run time.
   *
   * @param context the run
   */
  public static void record(TaskContext context) {
    String key = context.jobId() + "@" + context.scheduledRunTime();
    if (RUNS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() == 1) {
      distinctRuns.countDown();
    }
  }

  /**
   * Runs for {@code millis} and notes how many instances of its job run at once.
   *
   * @param context the run
   * @param millis how long the run lasts
   * @throws InterruptedException when the scheduler shuts down meanwhile
   */
  public static void overlap(TaskContext context, long millis) throws InterruptedException {
    AtomicInteger running = RUNNING.computeIfAbsent(context.jobId(), k -> new AtomicInteger());
    int now = running.incrementAndGet();
    MOST_RUNNING
        .computeIfAbsent(context.jobId(), k -> new AtomicInteger())
        .accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(millis);
    } finally {
      running.decrementAndGet();
    }
  }
}
