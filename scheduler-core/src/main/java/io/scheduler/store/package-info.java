/**
 * Job stores: the {@link io.scheduler.store.JobStore} SPI, {@link io.scheduler.store.JobStores}
 * (factories) and the in-memory {@link io.scheduler.store.MemoryJobStore}.
 */
@NullMarked
package io.scheduler.store;

import org.jspecify.annotations.NullMarked;
