package io.scheduler.store;

/** What {@link JobStore#releaseJob} did with an acquired job. */
public enum ReleaseResult {
  /** The job was stored with its new next run time. */
  UPDATED,
  /** The job was deleted (its trigger has no more fire times). */
  REMOVED,
  /** Nothing: the job was modified or removed since it was acquired, and that change stands. */
  SUPERSEDED,
  /**
   * Nothing: this scheduler's acquisition of the job expired and another scheduler acquired it
   * since (shared stores only).
   */
  LEASE_LOST
}
