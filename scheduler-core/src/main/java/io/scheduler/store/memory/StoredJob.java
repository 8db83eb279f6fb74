package io.scheduler.store.memory;

import io.scheduler.job.Job;

/**
 * A job held by {@link MemoryJobStore}: the snapshot, its id's hash and where it waits to be due (a
 * slot of the {@link RunTimeHeap} or of the {@link RunTimeQueue}).
 */
final class StoredJob {

  /** Waiting nowhere: paused, or being placed. */
  static final int NOT_SCHEDULED = -1;

  /** Handed out by {@code acquireDueJobs}, waiting to be released. */
  static final int ACQUIRED = -2;

  // Queue slot s is stored as QUEUE_SLOT_0 - s; heap slots are the non-negative values.
  private static final int QUEUE_SLOT_0 = -3;

  Job job;
  int index = NOT_SCHEDULED;

  StoredJob(Job job) {
    this.job = job;
  }

  /** Returns whether this job waits in the heap (its index is the heap slot). */
  boolean inHeap() {
    return index >= 0;
  }

  /** Returns whether this job waits in the queue (see {@link #queueSlot()}). */
  boolean inQueue() {
    return index <= QUEUE_SLOT_0;
  }

  int queueSlot() {
    return QUEUE_SLOT_0 - index;
  }

  void placeInQueue(int slot) {
    index = QUEUE_SLOT_0 - slot;
  }

  /**
   * The order of two sort keys: next run time in whole microseconds, then (nanoseconds within that
   * microsecond, insertion number) packed in one long; see {@link MemoryJobStore}.
   */
  static boolean before(long micros, long order, long otherMicros, long otherOrder) {
    return micros < otherMicros || (micros == otherMicros && order < otherOrder);
  }
}
