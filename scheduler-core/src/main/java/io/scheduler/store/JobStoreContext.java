package io.scheduler.store;

import io.scheduler.job.TaskResolver;
import java.time.Clock;
import java.time.ZoneId;

/**
 * What a scheduler tells a job store when it starts it.
 *
 * @param alias the alias the store was added under
 * @param clock the scheduler's clock
 * @param timezone the scheduler's default time zone (for triggers given by alias)
 * @param taskResolver resolves stored {@code TaskRef}s back into tasks
 */
public record JobStoreContext(
    String alias, Clock clock, ZoneId timezone, TaskResolver taskResolver) {}
