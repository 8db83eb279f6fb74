/**
 * Executors that run jobs: the {@link io.scheduler.executor.JobExecutor} SPI and {@link
 * io.scheduler.executor.JobExecutors} (thread pool, virtual threads, caller's thread, or an {@link
 * java.util.concurrent.Executor} you own).
 */
@NullMarked
package io.scheduler.executor;

import org.jspecify.annotations.NullMarked;
