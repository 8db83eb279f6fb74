package io.scheduler.benchmarks.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The JDK in our scheduler's shape: one timer thread (a {@code ScheduledThreadPoolExecutor} of one)
 * wakes at the run instant and hands the task to a {@code ThreadPoolExecutor} of 8 workers, as our
 * scheduling loop hands runs to its thread pool. Beside {@code jdk}, whose worker wakes at the run
 * instant itself, it shows what that hand-off costs apart from any scheduler's code.
 */
final class JdkHandOffContender implements Contender {

  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
  private final ThreadPoolExecutor workers =
      new ThreadPoolExecutor(
          Contenders.WORKERS,
          Contenders.WORKERS,
          60,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>());

  @Override
  public void start() {
    // Threads start with the first task.
  }

  @Override
  public void schedule(Runnable task, Instant at) {
    timer.schedule(
        () -> workers.execute(task),
        Duration.between(Instant.now(), at).toNanos(),
        TimeUnit.NANOSECONDS);
  }

  @Override
  public void shutdown() throws InterruptedException {
    timer.shutdownNow();
    workers.shutdownNow();
    if (!timer.awaitTermination(30, TimeUnit.SECONDS)
        || !workers.awaitTermination(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the executors did not stop within 30 s");
    }
  }
}
