package io.scheduler.benchmarks.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The physical floor: a plain {@code new ScheduledThreadPoolExecutor(8)}. The run instant becomes a
 * delay from {@link Instant#now()} at scheduling time, as Spring does.
 */
final class JdkContender implements Contender {

  private final ScheduledThreadPoolExecutor executor =
      new ScheduledThreadPoolExecutor(Contenders.WORKERS);

  @Override
  public void start() {
    // Threads start with the first task, as with Spring's scheduler.
  }

  @Override
  public void schedule(Runnable task, Instant at) {
    executor.schedule(task, Duration.between(Instant.now(), at).toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void shutdown() throws InterruptedException {
    executor.shutdownNow();
    if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("ScheduledThreadPoolExecutor did not stop within 30 s");
    }
  }
}
