package io.scheduler.event;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of {@link SchedulerEvent}. Each has APScheduler's {@code EVENT_*} bit as its {@link
 * #code()}, so masks written for APScheduler translate one to one.
 */
public enum EventType {
  /** The scheduler was started ({@code EVENT_SCHEDULER_STARTED}, 1). */
  SCHEDULER_STARTED(1),
  /** The scheduler was shut down ({@code EVENT_SCHEDULER_SHUTDOWN}, 2). */
  SCHEDULER_SHUTDOWN(2),
  /** Job processing was paused ({@code EVENT_SCHEDULER_PAUSED}, 4). */
  SCHEDULER_PAUSED(4),
  /** Job processing was resumed ({@code EVENT_SCHEDULER_RESUMED}, 8). */
  SCHEDULER_RESUMED(8),
  /** An executor was added ({@code EVENT_EXECUTOR_ADDED}, 16). */
  EXECUTOR_ADDED(16),
  /** An executor was removed ({@code EVENT_EXECUTOR_REMOVED}, 32). */
  EXECUTOR_REMOVED(32),
  /** A job store was added ({@code EVENT_JOBSTORE_ADDED}, 64). */
  JOBSTORE_ADDED(64),
  /** A job store was removed ({@code EVENT_JOBSTORE_REMOVED}, 128). */
  JOBSTORE_REMOVED(128),
  /** All jobs were removed from one or all stores ({@code EVENT_ALL_JOBS_REMOVED}, 256). */
  ALL_JOBS_REMOVED(256),
  /** A job was added ({@code EVENT_JOB_ADDED}, 512). */
  JOB_ADDED(512),
  /** A job was removed ({@code EVENT_JOB_REMOVED}, 1024). */
  JOB_REMOVED(1024),
  /** A job was modified ({@code EVENT_JOB_MODIFIED}, 2048). */
  JOB_MODIFIED(2048),
  /** A run completed normally ({@code EVENT_JOB_EXECUTED}, 4096). */
  JOB_EXECUTED(4096),
  /** A run threw ({@code EVENT_JOB_ERROR}, 8192). */
  JOB_ERROR(8192),
  /** A run was skipped for being later than its grace time ({@code EVENT_JOB_MISSED}, 16384). */
  JOB_MISSED(16384),
  /** Runs were handed to an executor ({@code EVENT_JOB_SUBMITTED}, 32768). */
  JOB_SUBMITTED(32768),
  /** Runs were skipped: the job runs its maximum instances ({@code EVENT_JOB_MAX_INSTANCES}). */
  JOB_MAX_INSTANCES(65536),
  /** A run whose scheduler died was taken over from a shared store (beyond APScheduler). */
  JOB_RECOVERED(1 << 17),
  /** A change was refused because this scheduler's lease in a shared store expired (beyond). */
  JOB_LEASE_LOST(1 << 18),
  /** A stored job could not be loaded and was skipped, kept as stored (beyond APScheduler). */
  JOB_LOAD_FAILED(1 << 19);

  /**
   * The mask of every type. APScheduler's {@code EVENT_ALL} (131071) is its lower 17 bits; the bits
   * above are the shared-store events APScheduler 3 does not have.
   */
  public static final int ALL = (1 << 20) - 1;

  private final int code;

  EventType(int code) {
    this.code = code;
  }

  /**
   * Returns APScheduler's bit for this type.
   *
   * @return a power of two: APScheduler's (1 to 65536) or, for the shared-store events, above
   */
  public int code() {
    return code;
  }

  /**
   * Returns the mask of the given types; no types means {@link #ALL}.
   *
   * @param types the types to combine
   * @return the bitwise OR of their codes
   */
  public static int mask(EventType... types) {
    if (types.length == 0) {
      return ALL;
    }
    int mask = 0;
    for (EventType type : types) {
      mask |= type.code;
    }
    return mask;
  }

  /**
   * Returns the types whose bits are set in an APScheduler-style mask.
   *
   * @param mask a bitwise OR of event codes
   * @return the types in declaration order
   */
  public static Set<EventType> fromMask(int mask) {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (EventType type : values()) {
      if ((mask & type.code) != 0) {
        types.add(type);
      }
    }
    return types;
  }
}
