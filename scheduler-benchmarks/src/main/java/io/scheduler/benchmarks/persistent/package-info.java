/**
 * Persistent-store benchmark harness: bursts, a two-process cluster and lateness on PostgreSQL,
 * against our {@code JdbcJobStore}, db-scheduler and Quartz's clustered {@code JobStoreTX}, each
 * node in a fresh JVM. {@link io.scheduler.benchmarks.persistent.PersistentBenchmarks} is the entry
 * point.
 */
@NullMarked
package io.scheduler.benchmarks.persistent;

import org.jspecify.annotations.NullMarked;
