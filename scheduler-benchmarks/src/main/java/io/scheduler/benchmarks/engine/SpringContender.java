package io.scheduler.benchmarks.engine;

import java.time.Instant;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Spring's {@link ThreadPoolTaskScheduler} with {@code poolSize} 8 and otherwise default settings,
 * used outside an application context ({@code initialize()} and {@code shutdown()} by hand).
 */
final class SpringContender implements Contender {

  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

  @Override
  public void start() {
    scheduler.setPoolSize(Contenders.WORKERS);
    // Shutdown cancels what is not due yet and waits up to 30 s for running tasks.
    scheduler.setAwaitTerminationSeconds(30);
    scheduler.initialize();
  }

  @Override
  public void schedule(Runnable task, Instant at) {
    scheduler.schedule(task, at);
  }

  @Override
  public void shutdown() {
    scheduler.shutdown();
  }
}
