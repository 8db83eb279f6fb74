package io.scheduler.store;

import io.scheduler.exception.JobStoreException;
import io.scheduler.job.Job;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the stored form of jobs back into jobs for a persistent store: reads each through {@link
 * JobJson}, checks that it is stored under its own id, and remembers which version of a job could
 * not be loaded, so that each such version is reported once ({@link
 * JobStoreListener#jobLoadFailed}) and is kept as stored, never deleted.
 *
 * @param <V> the type of the version a store keeps beside each job (a fencing token, a counter)
 */
public final class StoredJobLoader<V> {

  private static final Logger log = LoggerFactory.getLogger(StoredJobLoader.class);

  // Jobs that could not be loaded, with the version reported: each version is reported once.
  private final Map<String, V> unloadable = new ConcurrentHashMap<>();

  /** Creates a loader that has reported nothing yet. */
  public StoredJobLoader() {}

  /**
   * Returns whether this version of a job was found unloadable already (a store may skip it until
   * it changes).
   *
   * @param id the job's id
   * @param version its stored version
   * @return whether this version was reported
   */
  public boolean isUnloadable(String id, V version) {
    V reported = unloadable.get(id);
    return reported != null && reported.equals(version);
  }

  /**
   * Loads a stored job, or returns null when it cannot and, the first time for this version, hands
   * the failure to {@code failed}.
   *
   * @param id the id the job is stored under
   * @param json its JSON form
   * @param nextRunTime the next run time stored beside it, or {@code null} when paused
   * @param version its stored version
   * @param context the store's context
   * @param failed takes the id and the failure (naming job and store) of a version not reported
   *     before: {@link #report} it now, or later outside a transaction
   * @return the job, or {@code null}
   */
  public @Nullable Job load(
      String id,
      String json,
      @Nullable Instant nextRunTime,
      V version,
      JobStoreContext context,
      BiConsumer<String, JobStoreException> failed) {
    try {
      Job job = read(id, json, nextRunTime, context);
      if (!unloadable.isEmpty()) {
        unloadable.remove(id);
      }
      return job;
    } catch (RuntimeException | LinkageError e) {
      fail(id, version, context, e, failed);
      return null;
    }
  }

  /**
   * Returns why a stored job cannot be loaded, or {@code null} when it can: for listing ({@code
   * JobStore.getUnloadableJobs}), without reporting anything.
   *
   * @param id the id the job is stored under
   * @param json its JSON form
   * @param nextRunTime the next run time stored beside it, or {@code null} when paused
   * @param context the store's context
   * @return the unloadable job with the reason, or {@code null}
   */
  public static @Nullable UnloadableJob unloadable(
      String id, String json, @Nullable Instant nextRunTime, JobStoreContext context) {
    try {
      read(id, json, nextRunTime, context);
      return null;
    } catch (RuntimeException | LinkageError e) {
      return unloadable(id, context, e);
    }
  }

  /**
   * Returns a stored job that cannot be loaded for a reason the store found itself (its stored next
   * run time is corrupt, say), as {@link JobStore#getUnloadableJobs} lists it.
   *
   * @param id the job's id
   * @param context the store's context
   * @param cause what is wrong
   * @return the unloadable job, the reason naming job and store
   */
  public static UnloadableJob unloadable(String id, JobStoreContext context, Throwable cause) {
    return new UnloadableJob(id, context.alias(), named(id, context, cause).getMessage());
  }

  /**
   * Returns how many jobs are known not to load (a store may read past that many rows).
   *
   * @return the number of jobs whose current version was found unloadable
   */
  public int unloadableCount() {
    return unloadable.size();
  }

  /**
   * Forgets a job that was removed.
   *
   * @param id its id
   */
  public void forget(String id) {
    unloadable.remove(id);
  }

  /** Forgets every job (all were removed). */
  public void forgetAll() {
    unloadable.clear();
  }

  /**
   * Notes that a version of a job cannot be loaded for a reason found by the store itself (its
   * stored next run time is corrupt, say): the first time for this version, hands the failure to
   * {@code failed}, as {@link #load} does.
   *
   * @param id the job's id
   * @param version its stored version
   * @param context the store's context
   * @param cause what is wrong
   * @param failed takes the id and the failure, naming job and store
   */
  public void fail(
      String id,
      V version,
      JobStoreContext context,
      Throwable cause,
      BiConsumer<String, JobStoreException> failed) {
    if (!version.equals(unloadable.put(id, version))) {
      failed.accept(id, named(id, context, cause));
    }
  }

  /**
   * Tells the scheduler that a job cannot be loaded; a failing listener is logged, not thrown.
   *
   * @param context the store's context
   * @param id the job's id
   * @param cause what is wrong with it
   */
  public static void report(JobStoreContext context, String id, Exception cause) {
    log.debug(
        "Job '{}' in job store '{}' cannot be loaded; keeping it untouched and skipping it",
        id,
        context.alias(),
        cause);
    try {
      context.listener().jobLoadFailed(id, cause);
    } catch (RuntimeException e) {
      log.warn("The listener of job store '{}' failed on job '{}'", context.alias(), id, e);
    }
  }

  private static Job read(
      String id, String json, @Nullable Instant nextRunTime, JobStoreContext context) {
    Job job = JobJson.fromJson(json, nextRunTime, context);
    if (!job.id().equals(id)) {
      throw new IllegalArgumentException(
          "its data names the id '" + job.id() + "', but it is stored under '" + id + "'");
    }
    return job;
  }

  private static JobStoreException named(String id, JobStoreContext context, Throwable e) {
    if (e instanceof JobStoreException named
        && named.getMessage() != null
        && named.getMessage().contains("'" + id + "'")) {
      return named;
    }
    return new JobStoreException(
        "job '"
            + id
            + "' in job store '"
            + context.alias()
            + "' cannot be loaded: "
            + e.getMessage(),
        e);
  }
}
