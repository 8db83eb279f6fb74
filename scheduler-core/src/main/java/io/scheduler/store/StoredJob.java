package io.scheduler.store;

import io.scheduler.job.Job;

/**
 * A job held by {@link MemoryJobStore}: the snapshot, its id's hash and where it is in the heap.
 */
final class StoredJob {

  /** Not in the heap: paused, or being placed. */
  static final int NOT_IN_HEAP = -1;

  /** Handed out by {@code acquireDueJobs}, waiting to be released. */
  static final int ACQUIRED = -2;

  Job job;
  final int hash;
  int index = NOT_IN_HEAP;

  StoredJob(Job job, int hash) {
    this.job = job;
    this.hash = hash;
  }
}
