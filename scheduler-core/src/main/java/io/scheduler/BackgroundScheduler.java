package io.scheduler;

import io.scheduler.executor.JobExecutors;
import org.jspecify.annotations.Nullable;

/**
 * A scheduler that runs in a thread of its own ({@code scheduler-main}); {@link #start()} returns
 * at once. The thread sleeps until the next job is due or a change wakes it, so an idle scheduler
 * uses no CPU.
 */
public final class BackgroundScheduler extends AbstractScheduler {

  private final String threadName;
  private final boolean daemon;
  private @Nullable Thread thread;

  private BackgroundScheduler(SchedulerBuilder<BackgroundScheduler> builder) {
    super(builder);
    this.threadName = builder.threadNamePrefix() + "main";
    this.daemon = builder.daemon();
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

  @Override
  protected synchronized void startProcessing() {
    Thread loop = new Thread(this::runLoop, threadName);
    loop.setDaemon(daemon);
    thread = loop;
    loop.start();
  }

  @Override
  protected void stopProcessing() {
    Thread loop;
    synchronized (this) {
      loop = thread;
      thread = null;
    }
    if (loop == null || loop == Thread.currentThread()) {
      return;
    }
    try {
      loop.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
