package io.scheduler.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.jspecify.annotations.Nullable;

/**
 * Counts the running instances of each job, to enforce {@code maxInstances}. An acquisition returns
 * the job's {@link Instances} count, and the run releases its instance on that object: ending a run
 * takes no lock and no map operation. Counts that dropped to zero are swept out of the map when it
 * has doubled since the last sweep.
 */
public final class InstanceCounter {

  private static final int MINIMUM_SWEEP_SIZE = 64;

  // Guarded by this; a count only grows under this lock, and shrinks without it. A sweep copies the
  // live counts to a new map, so the map shrinks back after a burst of jobs.
  private Map<String, Instances> counts = new HashMap<>();
  private int sweepAt = MINIMUM_SWEEP_SIZE;

  /** Creates an empty counter. */
  public InstanceCounter() {}

  /** The running instances of one job; {@link #release()} ends one of them. */
  public static final class Instances {
    private static final AtomicIntegerFieldUpdater<Instances> RUNNING =
        AtomicIntegerFieldUpdater.newUpdater(Instances.class, "running");

    private volatile int running;

    private Instances() {}

    /** Counts one instance of the job as finished. */
    public void release() {
      RUNNING.decrementAndGet(this);
    }
  }

  /**
   * Counts one more running instance of a job, unless it already runs {@code maxInstances}.
   *
   * @param jobId the job
   * @param maxInstances the job's limit
   * @return the job's count, to release the instance on, or {@code null} when the limit is reached
   */
  public synchronized @Nullable Instances tryAcquire(String jobId, int maxInstances) {
    Instances instances = counts.get(jobId);
    if (instances == null) {
      if (counts.size() >= sweepAt) {
        sweep();
      }
      instances = new Instances();
      counts.put(jobId, instances);
    }
    // Only this method, under this lock, adds to a count; a concurrent release can only make room.
    if (instances.running >= maxInstances) {
      return null;
    }
    Instances.RUNNING.incrementAndGet(instances);
    return instances;
  }

  /** Drops the counts of jobs that run no more. */
  private void sweep() {
    Map<String, Instances> live = new HashMap<>();
    counts.forEach(
        (id, instances) -> {
          if (instances.running > 0) {
            live.put(id, instances);
          }
        });
    counts = live;
    sweepAt = Math.max(MINIMUM_SWEEP_SIZE, 2 * live.size());
  }

  /**
   * Returns how many instances of a job run now.
   *
   * @param jobId the job
   * @return the count
   */
  public synchronized int running(String jobId) {
    Instances instances = counts.get(jobId);
    return instances == null ? 0 : instances.running;
  }

  /**
   * Returns the running instances per job, by id.
   *
   * @return a snapshot of the jobs that run now
   */
  public synchronized Map<String, Integer> snapshot() {
    Map<String, Integer> snapshot = new TreeMap<>();
    counts.forEach(
        (id, instances) -> {
          int running = instances.running;
          if (running > 0) {
            snapshot.put(id, running);
          }
        });
    return snapshot;
  }
}
