package io.scheduler.internal.engine;

import io.scheduler.store.JobStore;
import io.scheduler.store.SharedJobStore;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Runs one store's share of a processing pass; chosen once per store: {@link LocalStoreProcessor}
 * or, for a store shared between schedulers, {@link SharedStoreProcessor}.
 */
interface StoreProcessor {

  /**
   * Submits the store's due jobs and stores their next run times.
   *
   * @param now the pass's time
   * @param zonedNow {@code now} in the scheduler's zone
   * @return when to look into the store again, or {@code null} when no job is scheduled
   */
  @Nullable Instant process(Instant now, ZonedDateTime zonedNow);

  /**
   * Chooses the processor for a store.
   *
   * @param alias the store's alias
   * @param store the store
   * @param context the engine's shared parts
   * @param dispatcher hands runs to executors
   * @param claims the runs claimed in shared stores
   * @return the processor
   */
  static StoreProcessor of(
      String alias,
      JobStore store,
      EngineContext context,
      RunDispatcher dispatcher,
      SharedClaims claims) {
    @Nullable SharedJobStore shared = store.asShared();
    return shared != null
        ? new SharedStoreProcessor(alias, shared, context, dispatcher, claims)
        : new LocalStoreProcessor(alias, store, context, dispatcher);
  }
}
