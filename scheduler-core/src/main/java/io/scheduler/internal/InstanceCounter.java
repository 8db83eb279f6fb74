package io.scheduler.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Counts the running instances of each job, to enforce {@code maxInstances}. */
public final class InstanceCounter {

  private static final Integer ONE = 1;

  private final ConcurrentHashMap<String, Integer> running = new ConcurrentHashMap<>();

  /** Creates an empty counter. */
  public InstanceCounter() {}

  /**
   * Counts one more running instance of a job, unless it already runs {@code maxInstances}.
   *
   * @param jobId the job
   * @param maxInstances the job's limit
   * @return whether the instance was counted (false: the limit is reached)
   */
  public boolean tryAcquire(String jobId, int maxInstances) {
    // The common case, a job not running yet, in one step (maxInstances is at least 1).
    if (running.putIfAbsent(jobId, ONE) == null) {
      return true;
    }
    boolean[] acquired = new boolean[1];
    running.compute(
        jobId,
        (id, count) -> {
          int current = count == null ? 0 : count;
          if (current >= maxInstances) {
            return count;
          }
          acquired[0] = true;
          return current + 1;
        });
    return acquired[0];
  }

  /**
   * Counts one instance of a job as finished.
   *
   * @param jobId the job
   */
  public void release(String jobId) {
    if (running.remove(jobId, ONE)) {
      return;
    }
    running.computeIfPresent(jobId, (id, count) -> count <= 1 ? null : count - 1);
  }

  /**
   * Returns how many instances of a job run now.
   *
   * @param jobId the job
   * @return the count
   */
  public int running(String jobId) {
    return running.getOrDefault(jobId, 0);
  }

  /**
   * Returns the running instances per job, by id.
   *
   * @return a snapshot of the jobs that run now
   */
  public Map<String, Integer> snapshot() {
    return new TreeMap<>(running);
  }
}
