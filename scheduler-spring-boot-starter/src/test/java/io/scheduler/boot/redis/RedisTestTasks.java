package io.scheduler.boot.redis;

import io.scheduler.job.TaskContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Public static tasks the Redis tests name by {@code TaskRef}, so stored jobs resolve to them again
 * in any scheduler. Each records its runs under a scenario name (its first argument), so tests do
 * not see each other's runs.
 */
public final class RedisTestTasks {

  /** {@code record(String scenario, TaskContext)}: records the run. */
  public static final String RECORD = "io.scheduler.boot.redis.RedisTestTasks::record";

  /** {@code overlap(String scenario, long millis, TaskContext)}: records and takes some time. */
  public static final String OVERLAP = "io.scheduler.boot.redis.RedisTestTasks::overlap";

  private static final Map<String, List<Run>> RUNS = new ConcurrentHashMap<>();
  private static final Map<String, CountDownLatch> LATCHES = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> RUNNING = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> MOST_RUNNING = new ConcurrentHashMap<>();

  private RedisTestTasks() {}

  /**
   * One run of a task.
   *
   * @param jobId the job's id
   * @param runTime the scheduled run time
   * @param thread the name of the thread that ran it
   */
  public record Run(String jobId, Instant runTime, String thread) {}

  /**
   * Records a run.
   *
   * @param scenario the scenario the run belongs to
   * @param context the run's context
   */
  public static void record(String scenario, TaskContext context) {
    RUNS.computeIfAbsent(scenario, s -> new CopyOnWriteArrayList<>())
        .add(
            new Run(context.jobId(), context.scheduledRunTime(), Thread.currentThread().getName()));
    CountDownLatch latch = LATCHES.get(scenario);
    if (latch != null) {
      latch.countDown();
    }
  }

  /**
   * Records a run that lasts a while, tracking how many runs of the job overlap.
   *
   * @param scenario the scenario the run belongs to
   * @param millis how long the run takes
   * @param context the run's context
   * @throws InterruptedException when interrupted
   */
  public static void overlap(String scenario, long millis, TaskContext context)
      throws InterruptedException {
    String key = scenario + "/" + context.jobId();
    int now = RUNNING.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    MOST_RUNNING.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(millis);
      record(scenario, context);
    } finally {
      RUNNING.get(key).decrementAndGet();
    }
  }

  /** Returns a latch counted down by each run of a scenario (replacing any earlier one). */
  static CountDownLatch expect(String scenario, int runs) {
    CountDownLatch latch = new CountDownLatch(runs);
    LATCHES.put(scenario, latch);
    return latch;
  }

  /** Returns the runs of a scenario so far. */
  static List<Run> runs(String scenario) {
    return List.copyOf(RUNS.getOrDefault(scenario, List.of()));
  }

  /** Returns the most runs of a job that overlapped in a scenario. */
  static int mostRunning(String scenario, String jobId) {
    AtomicInteger most = MOST_RUNNING.get(scenario + "/" + jobId);
    return most == null ? 0 : most.get();
  }

  /** Forgets a scenario. */
  static void forget(String scenario) {
    RUNS.remove(scenario);
    LATCHES.remove(scenario);
  }
}
