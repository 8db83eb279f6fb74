package io.scheduler;

import io.scheduler.executor.JobExecutors;
import io.scheduler.internal.engine.Processing;
import io.scheduler.internal.engine.SchedulerConfig;
import io.scheduler.internal.engine.SchedulerEngine;

/**
 * A scheduler that runs in a thread of its own ({@code scheduler-main}); {@link #start()} returns
 * at once. The thread sleeps until the next job is due or a change wakes it, so an idle scheduler
 * uses no CPU.
 */
public final class BackgroundScheduler extends EngineScheduler {

  private BackgroundScheduler(SchedulerConfig config) {
    super(
        new SchedulerEngine(
            config, Processing.ownThread(config.threadNamePrefix() + "main", config.daemon())));
  }

  /**
   * Returns a builder; without further settings the scheduler uses the system clock, a memory store
   * and a pool of {@value JobExecutors#DEFAULT_MAX_WORKERS} worker threads.
   *
   * @return a new builder
   */
  public static SchedulerBuilder<BackgroundScheduler> builder() {
    return new SchedulerBuilder<>(BackgroundScheduler::new, JobExecutors::threadPool);
  }
}
