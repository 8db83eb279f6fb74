/**
 * The job-store SPI ({@link io.scheduler.store.JobStore}, {@link io.scheduler.store.SharedJobStore}
 * and the types they exchange), {@link io.scheduler.store.JobStores} (factories) and what every
 * store shares: the JSON codec of stored jobs and the encodings of times and leases. The memory
 * store lives in {@code io.scheduler.store.memory}, the JDBC store in {@code
 * io.scheduler.store.jdbc}.
 */
@NullMarked
package io.scheduler.store;

import org.jspecify.annotations.NullMarked;
