package io.scheduler.store.memory;

import static io.scheduler.internal.Require.requireArgument;

import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.Job;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStores;
import io.scheduler.store.ReleaseResult;
import io.scheduler.store.StoredTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Keeps jobs in memory: a hash map by id, and the scheduled jobs ordered by next run time in two
 * lanes, all under one lock. Jobs added in time order (the common case: due now, or each later than
 * the last) go to a first-in, first-out queue where adding and acquiring are O(1); others go to a
 * binary heap, O(log n). Acquiring takes whichever lane's first job is earlier. A stored job costs
 * one small entry object besides the job itself. Jobs are lost when the scheduler shuts down, as in
 * APScheduler.
 */
public final class MemoryJobStore implements JobStore {

  // Sort key of a scheduled job, exact to the nanosecond in two longs: the next run time in whole
  // microseconds, then (nanoseconds within that microsecond << 53 | insertion number), which also
  // keeps jobs due at the same instant first in, first out.
  private static final int SEQUENCE_BITS = 53;
  private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

  private final Object lock = new Object();
  private final JobTable byId = new JobTable();
  private final RunTimeQueue queue = new RunTimeQueue();
  private final RunTimeHeap heap = new RunTimeHeap();
  private long sequence;
  private String alias = "memory";

  /** Creates an empty store; {@link JobStores#memory()} is the usual way. */
  public MemoryJobStore() {}

  @Override
  public void start(JobStoreContext context) {
    alias = context.alias();
  }

  @Override
  public void shutdown() {
    removeAllJobs();
  }

  @Override
  public void addJob(Job job) {
    synchronized (lock) {
      StoredJob stored = new StoredJob(job);
      if (!byId.addIfAbsent(stored)) {
        throw new ConflictingJobIdException(job.id(), alias);
      }
      schedule(stored);
    }
  }

  @Override
  public void updateJob(Job job) {
    synchronized (lock) {
      StoredJob stored = byId.get(job.id());
      if (stored == null) {
        throw new JobNotFoundException(job.id(), alias);
      }
      unschedule(stored);
      stored.job = job;
      schedule(stored);
    }
  }

  /** Replaces the job while the stored snapshot is {@code expected} itself. */
  @Override
  public boolean replaceJob(Job expected, Job updated) {
    synchronized (lock) {
      StoredJob stored = byId.get(expected.id());
      if (stored == null || stored.job != expected) {
        return false;
      }
      updateJob(updated);
      return true;
    }
  }

  @Override
  public void removeJob(String id) {
    synchronized (lock) {
      StoredJob stored = byId.remove(id);
      if (stored == null) {
        throw new JobNotFoundException(id, alias);
      }
      unschedule(stored);
    }
  }

  @Override
  public void removeAllJobs() {
    synchronized (lock) {
      byId.clear();
      queue.clear();
      heap.clear();
    }
  }

  @Override
  public Optional<Job> lookupJob(String id) {
    synchronized (lock) {
      StoredJob stored = byId.get(id);
      return stored == null ? Optional.empty() : Optional.of(stored.job);
    }
  }

  @Override
  public List<Job> getAllJobs() {
    List<Job> jobs;
    synchronized (lock) {
      jobs = new ArrayList<>(byId.size());
      for (StoredJob stored : byId.values()) {
        jobs.add(stored.job);
      }
    }
    jobs.sort(Job.BY_NEXT_RUN_TIME);
    return jobs;
  }

  @Override
  public List<Job> acquireDueJobs(Instant now, int limit) {
    requireArgument(limit > 0, "limit must be greater than 0, but was %s", limit);
    synchronized (lock) {
      StoredJob first = first();
      if (first == null || !first.job.isDue(now)) {
        return List.of();
      }
      List<Job> due = new ArrayList<>(Math.min(limit, byId.size()));
      while (first != null && first.job.isDue(now)) {
        unschedule(first);
        first.index = StoredJob.ACQUIRED;
        due.add(first.job);
        if (due.size() == limit) {
          break;
        }
        first = first();
      }
      return due;
    }
  }

  @Override
  public ReleaseResult releaseJob(Job acquired, @Nullable Job updated) {
    synchronized (lock) {
      return release(acquired, updated);
    }
  }

  @Override
  public List<ReleaseResult> releaseJobs(List<Job> acquired, List<@Nullable Job> updated) {
    List<ReleaseResult> results = new ArrayList<>(acquired.size());
    synchronized (lock) {
      for (int i = 0; i < acquired.size(); i++) {
        results.add(release(acquired.get(i), updated.get(i)));
      }
    }
    return results;
  }

  private ReleaseResult release(Job acquired, @Nullable Job updated) {
    int slot = byId.slotOf(acquired.id());
    StoredJob stored = slot < 0 ? null : byId.at(slot);
    if (stored == null || stored.job != acquired || stored.index != StoredJob.ACQUIRED) {
      return ReleaseResult.SUPERSEDED;
    }
    stored.index = StoredJob.NOT_SCHEDULED;
    if (updated == null) {
      byId.removeAt(slot);
      return ReleaseResult.REMOVED;
    }
    stored.job = updated;
    schedule(stored);
    return ReleaseResult.UPDATED;
  }

  @Override
  public Optional<Instant> nextRunTime() {
    synchronized (lock) {
      StoredJob first = first();
      return first == null ? Optional.empty() : first.job.nextRunTime();
    }
  }

  @Override
  public String toString() {
    return "MemoryJobStore[" + alias + "]";
  }

  /** The scheduled job due first (the earlier of the two lanes' first jobs), or null. */
  private @Nullable StoredJob first() {
    if (queue.isEmpty()) {
      return heap.isEmpty() ? null : heap.first();
    }
    if (heap.isEmpty()
        || !StoredJob.before(
            heap.firstMicros(), heap.firstOrder(), queue.firstMicros(), queue.firstOrder())) {
      return queue.first();
    }
    return heap.first();
  }

  /** Schedules a stored job that waits nowhere yet, unless the job is paused. */
  private void schedule(StoredJob entry) {
    entry.index = StoredJob.NOT_SCHEDULED;
    @Nullable Instant next = entry.job.nextRunTimeOrNull();
    if (next == null) {
      return;
    }
    long key = StoredTimes.floorMicros(next);
    long withinMicro = next.getNano() % 1000;
    long order = withinMicro << SEQUENCE_BITS | (sequence++ & SEQUENCE_MASK);
    if (queue.accepts(key, order)) {
      queue.add(entry, key, order);
    } else {
      heap.add(entry, key, order);
    }
  }

  private void unschedule(StoredJob entry) {
    if (entry.inQueue()) {
      queue.remove(entry);
    } else if (entry.inHeap()) {
      heap.remove(entry);
    }
  }
}
