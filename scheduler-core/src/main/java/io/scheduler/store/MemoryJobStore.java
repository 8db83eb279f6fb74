package io.scheduler.store;

import static io.scheduler.internal.Require.requireArgument;

import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.Job;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Keeps jobs in memory: a hash map by id and a binary heap by next run time, under one lock. Add,
 * update and remove are O(log n); acquiring k due jobs is O(k log n). The heap keeps each job's
 * sort key in primitive arrays beside the entries, so sifting never leaves them; a stored job costs
 * one small entry object besides the job itself. Jobs are lost when the scheduler shuts down, as in
 * APScheduler.
 */
public final class MemoryJobStore implements JobStore {

  private static final int SEQUENCE_BITS = 53;
  private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

  private final Object lock = new Object();
  private final JobTable byId = new JobTable();
  private StoredJob[] heap = new StoredJob[64];
  // Sort key of heap[i], exact to the nanosecond in two longs: the next run time in whole
  // microseconds, then (nanoseconds within that microsecond << 53 | insertion number), which also
  // keeps jobs due at the same instant first in, first out.
  private long[] micros = new long[64];
  private long[] sequences = new long[64];
  private int size;
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
      StoredJob stored = new StoredJob(job, JobTable.hash(job.id()));
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
      Arrays.fill(heap, 0, size, null);
      size = 0;
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
      if (size == 0 || !heap[0].job.isDue(now)) {
        return List.of();
      }
      List<Job> due = new ArrayList<>(Math.min(limit, size));
      while (size > 0 && due.size() < limit && heap[0].job.isDue(now)) {
        StoredJob stored = heap[0];
        removeAt(0);
        stored.index = StoredJob.ACQUIRED;
        due.add(stored.job);
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
    StoredJob stored = byId.get(acquired.id());
    if (stored == null || stored.job != acquired || stored.index != StoredJob.ACQUIRED) {
      return ReleaseResult.SUPERSEDED;
    }
    stored.index = StoredJob.NOT_IN_HEAP;
    if (updated == null) {
      byId.remove(acquired.id());
      return ReleaseResult.REMOVED;
    }
    stored.job = updated;
    schedule(stored);
    return ReleaseResult.UPDATED;
  }

  @Override
  public Optional<Instant> nextRunTime() {
    synchronized (lock) {
      return size == 0 ? Optional.empty() : heap[0].job.nextRunTime();
    }
  }

  @Override
  public String toString() {
    return "MemoryJobStore[" + alias + "]";
  }

  /** Puts a stored job that is not in the heap into it, unless the job is paused. */
  private void schedule(StoredJob entry) {
    entry.index = StoredJob.NOT_IN_HEAP;
    if (entry.job.isPaused()) {
      return;
    }
    if (size == heap.length) {
      int capacity = size + (size >> 1);
      heap = Arrays.copyOf(heap, capacity);
      micros = Arrays.copyOf(micros, capacity);
      sequences = Arrays.copyOf(sequences, capacity);
    }
    Instant next = entry.job.nextRunTime().orElseThrow();
    int index = size++;
    long withinMicro = next.getNano() % 1000;
    place(
        index, entry, toMicros(next), withinMicro << SEQUENCE_BITS | (sequence++ & SEQUENCE_MASK));
    siftUp(index);
  }

  private void unschedule(StoredJob entry) {
    if (entry.index >= 0) {
      removeAt(entry.index);
    }
  }

  private void removeAt(int index) {
    heap[index].index = StoredJob.NOT_IN_HEAP;
    size--;
    if (index == size) {
      heap[size] = null;
      return;
    }
    StoredJob moved = heap[size];
    place(index, moved, micros[size], sequences[size]);
    heap[size] = null;
    siftDown(index);
    if (moved.index == index) {
      siftUp(index);
    }
  }

  private void siftUp(int index) {
    StoredJob entry = heap[index];
    long key = micros[index];
    long order = sequences[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (!less(key, order, parent)) {
        break;
      }
      place(index, heap[parent], micros[parent], sequences[parent]);
      index = parent;
    }
    place(index, entry, key, order);
  }

  private void siftDown(int index) {
    StoredJob entry = heap[index];
    long key = micros[index];
    long order = sequences[index];
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      int right = child + 1;
      if (right < size && less(right, child)) {
        child = right;
      }
      if (!before(micros[child], sequences[child], key, order)) {
        break;
      }
      place(index, heap[child], micros[child], sequences[child]);
      index = child;
    }
    place(index, entry, key, order);
  }

  private void place(int index, StoredJob entry, long key, long order) {
    heap[index] = entry;
    micros[index] = key;
    sequences[index] = order;
    entry.index = index;
  }

  private boolean less(int a, int b) {
    return less(micros[a], sequences[a], b);
  }

  private boolean less(long key, long order, int b) {
    return before(key, order, micros[b], sequences[b]);
  }

  private static boolean before(long key, long order, long otherKey, long otherOrder) {
    return key < otherKey || (key == otherKey && order < otherOrder);
  }

  private static long toMicros(Instant time) {
    try {
      return Math.addExact(
          Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
    } catch (ArithmeticException beyondHundredsOfMillennia) {
      return time.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
