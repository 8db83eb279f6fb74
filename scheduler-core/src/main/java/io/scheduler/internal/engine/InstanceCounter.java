package io.scheduler.internal.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Counts the running instances of each job, to enforce {@code maxInstances}. An acquisition returns
 * the job's {@link Instances} count, and the run releases its instance on that object: ending a run
 * takes no lock and no map operation. A count that drops to zero puts itself on a lock-free list of
 * finished counts, which acquisitions take out of the map every {@value #DROP_EVERY} new counts, so
 * the map holds about as many counts as jobs run at once.
 */
final class InstanceCounter {

  private static final int DROP_EVERY = 64;
  private static final int MINIMUM_SHRINK_PEAK = 4_096;

  // Guarded by this; a count only grows under this lock, and shrinks without it.
  private Map<String, Instances> counts = new HashMap<>();
  private int newSinceDrop;
  // The largest the map has been since it was last copied: a map grown by a burst of jobs is
  // copied into a smaller one once the burst has finished.
  private int peak;
  // Counts that dropped to zero since the last drop, linked through Instances.nextFinished.
  private final AtomicReference<@Nullable Instances> finished = new AtomicReference<>();

  /** Creates an empty counter. */
  public InstanceCounter() {}

  /** The running instances of one job; {@link #release()} ends one of them. */
  public final class Instances {
    private static final AtomicIntegerFieldUpdater<Instances> RUNNING =
        AtomicIntegerFieldUpdater.newUpdater(Instances.class, "running");
    private static final AtomicIntegerFieldUpdater<Instances> LISTED =
        AtomicIntegerFieldUpdater.newUpdater(Instances.class, "listed");

    private final String jobId;
    private volatile int running;
    // 1 while this count is on the finished list.
    private volatile int listed;
    private @Nullable Instances nextFinished;

    private Instances(String jobId) {
      this.jobId = jobId;
    }

    /** Counts one instance of the job as finished. */
    public void release() {
      if (RUNNING.decrementAndGet(this) == 0 && LISTED.compareAndSet(this, 0, 1)) {
        finished(this);
      }
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
    // One probe of the map for a job without a count (the common case: counts are dropped when
    // they finish), at the price of a count object made in vain for a job that has one.
    Instances created = new Instances(jobId);
    Instances instances = counts.putIfAbsent(jobId, created);
    if (instances == null) {
      instances = created;
      if (counts.size() > peak) {
        peak = counts.size();
      }
      if (++newSinceDrop == DROP_EVERY) {
        newSinceDrop = 0;
        dropFinished();
      }
    }
    // Only this method, under this lock, adds to a count; a concurrent release can only make room.
    if (instances.running >= maxInstances) {
      return null;
    }
    Instances.RUNNING.incrementAndGet(instances);
    return instances;
  }

  private void finished(Instances instances) {
    Instances head;
    do {
      head = finished.get();
      instances.nextFinished = head;
    } while (!finished.compareAndSet(head, instances));
  }

  /** Takes the counts that dropped to zero out of the map; called under this lock. */
  private void dropFinished() {
    @Nullable Instances next = finished.getAndSet(null);
    while (next != null) {
      Instances instances = next;
      next = instances.nextFinished;
      instances.nextFinished = null;
      // Unlisted before reading the count: a release that drops it to zero after this read lists
      // it again. Nothing adds to a count outside this lock, so a zero read here stays zero.
      instances.listed = 0;
      if (instances.running == 0 && counts.get(instances.jobId) == instances) {
        counts.remove(instances.jobId);
      }
    }
    if (peak >= MINIMUM_SHRINK_PEAK && counts.size() < peak / 16) {
      counts = new HashMap<>(counts);
      peak = counts.size();
    }
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

  /** The most counts the map has held since it was last copied into a smaller one. */
  synchronized int peak() {
    return peak;
  }

  /** How many jobs the counter keeps a count for, running or finished but not yet dropped. */
  synchronized int trackedJobs() {
    return counts.size();
  }
}
