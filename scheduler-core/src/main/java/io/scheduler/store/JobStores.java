package io.scheduler.store;

import io.scheduler.store.memory.MemoryJobStore;

/** Factories for the built-in job stores. */
public final class JobStores {

  private JobStores() {}

  /**
   * Returns a new in-memory store (APScheduler's {@code MemoryJobStore}): fast, not persistent.
   *
   * @return the store
   */
  public static JobStore memory() {
    return new MemoryJobStore();
  }
}
