package io.scheduler.store;

import static io.scheduler.internal.Require.requireArgument;

import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.Job;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private static final int NOT_IN_HEAP = -1;

  private final Object lock = new Object();
  private final Map<String, Entry> byId = new HashMap<>();
  private Entry[] heap = new Entry[64];
  // Sort key of heap[i]: next run time in microseconds, then insertion order (FIFO among equals).
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
      if (byId.containsKey(job.id())) {
        throw new ConflictingJobIdException(job.id(), alias);
      }
      Entry entry = new Entry(job);
      byId.put(job.id(), entry);
      schedule(entry);
    }
  }

  @Override
  public void updateJob(Job job) {
    synchronized (lock) {
      Entry entry = byId.get(job.id());
      if (entry == null) {
        throw new JobNotFoundException(job.id(), alias);
      }
      unschedule(entry);
      entry.job = job;
      entry.acquired = false;
      schedule(entry);
    }
  }

  @Override
  public void removeJob(String id) {
    synchronized (lock) {
      Entry entry = byId.remove(id);
      if (entry == null) {
        throw new JobNotFoundException(id, alias);
      }
      unschedule(entry);
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
      Entry entry = byId.get(id);
      return entry == null ? Optional.empty() : Optional.of(entry.job);
    }
  }

  @Override
  public List<Job> getAllJobs() {
    List<Job> jobs;
    synchronized (lock) {
      jobs = new ArrayList<>(byId.size());
      for (Entry entry : byId.values()) {
        jobs.add(entry.job);
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
        Entry entry = heap[0];
        removeAt(0);
        entry.acquired = true;
        due.add(entry.job);
      }
      return due;
    }
  }

  @Override
  public ReleaseResult releaseJob(Job acquired, @Nullable Job updated) {
    synchronized (lock) {
      Entry entry = byId.get(acquired.id());
      if (entry == null || entry.job != acquired || !entry.acquired) {
        return ReleaseResult.SUPERSEDED;
      }
      entry.acquired = false;
      if (updated == null) {
        byId.remove(acquired.id());
        return ReleaseResult.REMOVED;
      }
      entry.job = updated;
      schedule(entry);
      return ReleaseResult.UPDATED;
    }
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

  /** Puts an entry that is not in the heap into it, unless its job is paused. */
  private void schedule(Entry entry) {
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
    place(index, entry, toMicros(next), sequence++);
    siftUp(index);
  }

  private void unschedule(Entry entry) {
    if (entry.index != NOT_IN_HEAP) {
      removeAt(entry.index);
    }
  }

  private void removeAt(int index) {
    heap[index].index = NOT_IN_HEAP;
    size--;
    if (index == size) {
      heap[size] = null;
      return;
    }
    Entry moved = heap[size];
    place(index, moved, micros[size], sequences[size]);
    heap[size] = null;
    siftDown(index);
    if (moved.index == index) {
      siftUp(index);
    }
  }

  private void siftUp(int index) {
    Entry entry = heap[index];
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
    Entry entry = heap[index];
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

  private void place(int index, Entry entry, long key, long order) {
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

  /** A stored job, its heap position and whether a scheduler pass holds it. */
  private static final class Entry {
    Job job;
    int index = NOT_IN_HEAP;
    boolean acquired;

    Entry(Job job) {
      this.job = job;
    }
  }
}
