package io.scheduler.store.jdbc;

import io.scheduler.exception.JobStoreException;
import io.scheduler.job.Job;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.StoredJobLoader;
import io.scheduler.store.StoredTimes;
import io.scheduler.store.UnloadableJob;
import java.util.ArrayList;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * What a started {@link JdbcJobStore} adds to the {@link StoredJobLoader} every persistent store
 * shares: rows in microseconds, versions as numbers, failures collected during a transaction and
 * reported after it, and how many unloadable rows a query reads past.
 */
final class JobLoader {

  /** The most unloadable rows a query reads past. */
  private static final int MAX_SKIPPED = 1_000;

  private final JobStoreContext context;
  private final StoredJobLoader<Long> loader = new StoredJobLoader<>();

  JobLoader(JobStoreContext context) {
    this.context = context;
  }

  /**
   * Loads a row into a job; returns null (and notes the failure in {@code failures} once per
   * version) when it fails, at once for a version known not to load.
   */
  @Nullable Job load(
      String id, @Nullable Long nextMicros, String json, long version, LoadFailures failures) {
    if (loader.isUnloadable(id, version)) {
      return null;
    }
    return loader.load(
        id,
        json,
        nextMicros == null ? null : StoredTimes.fromMicros(nextMicros),
        version,
        context,
        failures);
  }

  /** Returns why a row cannot be loaded, or null when it can. */
  @Nullable UnloadableJob unloadable(String id, @Nullable Long nextMicros, String json) {
    return StoredJobLoader.unloadable(
        id, json, nextMicros == null ? null : StoredTimes.fromMicros(nextMicros), context);
  }

  /** Whether this version of a row is known not to load. */
  boolean isUnloadable(String id, long version) {
    return loader.isUnloadable(id, version);
  }

  /** How many unloadable rows a query should read past (at most {@value #MAX_SKIPPED}). */
  int skipped() {
    return Math.min(loader.unloadableCount(), MAX_SKIPPED);
  }

  /** Forgets a removed row. */
  void forget(String id) {
    loader.forget(id);
  }

  /** Forgets every row (all were removed). */
  void forgetAll() {
    loader.forgetAll();
  }

  /** Tells the scheduler about rows that could not be loaded, outside any transaction. */
  void report(LoadFailures failures) {
    for (LoadFailure failure : failures) {
      StoredJobLoader.report(context, failure.jobId(), failure.cause());
    }
  }

  /** A row that could not be loaded, to report. */
  record LoadFailure(String jobId, JobStoreException cause) {}

  /** The failures one query found, to report after its transaction. */
  static final class LoadFailures extends ArrayList<LoadFailure>
      implements BiConsumer<String, JobStoreException> {

    @Override
    public void accept(String jobId, JobStoreException cause) {
      add(new LoadFailure(jobId, cause));
    }
  }
}
