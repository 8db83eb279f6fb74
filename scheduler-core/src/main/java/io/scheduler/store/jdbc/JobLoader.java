package io.scheduler.store.jdbc;

import io.scheduler.exception.JobStoreException;
import io.scheduler.job.Job;
import io.scheduler.store.JobJson;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.StoredTimes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a started {@link JdbcJobStore}'s job rows into jobs, and remembers the rows that cannot be
 * loaded (corrupt JSON, a task that cannot be resolved here) by version: each is reported once per
 * version, outside any transaction, and then skipped.
 */
final class JobLoader {

  private static final Logger log = LoggerFactory.getLogger(JdbcJobStore.class);

  /** The most unloadable rows a query reads past. */
  private static final int MAX_SKIPPED = 1_000;

  private final JobStoreContext context;
  // Rows that could not be loaded: id -> the version reported (reported once per version).
  private final Map<String, Long> unloadable = new ConcurrentHashMap<>();

  JobLoader(JobStoreContext context) {
    this.context = context;
  }

  /**
   * Loads a row into a job; returns null (and notes the failure in {@code failures} once per
   * version) when it fails.
   */
  @Nullable Job load(
      String id, @Nullable Long nextMicros, String json, long version, List<LoadFailure> failures) {
    Long reported = unloadable.get(id);
    if (reported != null && reported == version) {
      return null;
    }
    try {
      Job job =
          JobJson.fromJson(
              json, nextMicros == null ? null : StoredTimes.fromMicros(nextMicros), context);
      if (!job.id().equals(id)) {
        throw new JobStoreException(
            "job '"
                + id
                + "' in job store '"
                + context.alias()
                + "' cannot be loaded: its data names job '"
                + job.id()
                + "'");
      }
      if (reported != null) {
        unloadable.remove(id, reported);
      }
      return job;
    } catch (RuntimeException | LinkageError e) {
      Exception cause =
          e instanceof RuntimeException runtime
                  && e.getMessage() != null
                  && e.getMessage().contains("'" + id + "'")
              ? runtime
              : new JobStoreException(
                  "job '"
                      + id
                      + "' in job store '"
                      + context.alias()
                      + "' cannot be loaded: "
                      + e.getMessage(),
                  e);
      if (!Objects.equals(unloadable.put(id, version), version)) {
        failures.add(new LoadFailure(id, cause));
      }
      return null;
    }
  }

  /** Whether this version of a row is known not to load. */
  boolean isUnloadable(String id, long version) {
    Long reported = unloadable.get(id);
    return reported != null && reported == version;
  }

  /** How many unloadable rows a query should read past (at most {@value #MAX_SKIPPED}). */
  int skipped() {
    return Math.min(unloadable.size(), MAX_SKIPPED);
  }

  /** Forgets a removed row. */
  void forget(String id) {
    unloadable.remove(id);
  }

  /** Forgets every row (all were removed). */
  void forgetAll() {
    unloadable.clear();
  }

  /** Tells the scheduler about rows that could not be loaded, outside any transaction. */
  void report(List<LoadFailure> failures) {
    for (LoadFailure failure : failures) {
      log.debug(
          "Job '{}' in job store '{}' cannot be loaded; keeping it untouched and skipping it",
          failure.jobId,
          context.alias(),
          failure.cause);
      try {
        context.listener().jobLoadFailed(failure.jobId, failure.cause);
      } catch (RuntimeException e) {
        log.warn("The listener of job store '{}' failed", context.alias(), e);
      }
    }
  }

  /** A row that could not be loaded, to report. */
  record LoadFailure(String jobId, Exception cause) {}
}
