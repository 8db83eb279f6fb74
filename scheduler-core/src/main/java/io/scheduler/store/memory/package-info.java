/**
 * The in-memory job store ({@link io.scheduler.store.memory.MemoryJobStore}, made by {@link
 * io.scheduler.store.JobStores#memory()}) and its package-private index and run-time lanes.
 */
@NullMarked
package io.scheduler.store.memory;

import org.jspecify.annotations.NullMarked;
