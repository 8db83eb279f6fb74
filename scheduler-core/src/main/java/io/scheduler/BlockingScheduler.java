package io.scheduler;

import io.scheduler.executor.JobExecutors;
import io.scheduler.internal.engine.Processing;
import io.scheduler.internal.engine.SchedulerConfig;
import io.scheduler.internal.engine.SchedulerEngine;

/**
 * A scheduler that runs on the thread that calls {@link #start()}, which returns only after {@link
 * #shutdown} (called from a job, a listener or another thread). For applications whose only work is
 * scheduled work.
 */
public final class BlockingScheduler extends EngineScheduler {

  private BlockingScheduler(SchedulerConfig config) {
    super(new SchedulerEngine(config, Processing.callingThread()));
  }

  /**
   * Returns a builder; without further settings the scheduler uses the system clock, a memory store
   * and a pool of {@value JobExecutors#DEFAULT_MAX_WORKERS} worker threads.
   *
   * @return a new builder
   */
  public static SchedulerBuilder<BlockingScheduler> builder() {
    return new SchedulerBuilder<>(BlockingScheduler::new, JobExecutors::threadPool);
  }
}
