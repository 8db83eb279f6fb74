package io.scheduler.executor;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;

/**
 * One virtual thread per run (Java 21+), optionally at most {@code maxWorkers} at once. Built
 * reflectively so the library still compiles for, and runs on, Java 17.
 */
final class VirtualThreadJobExecutor implements JobExecutor {

  private static final int FIRST_VIRTUAL_THREAD_RELEASE = 21;

  private final int maxWorkers;
  private final @Nullable String threadNamePrefix;
  private final @Nullable Semaphore permits;
  private volatile @Nullable ExecutorService threads;

  VirtualThreadJobExecutor(int maxWorkers, @Nullable String threadNamePrefix) {
    int release = Runtime.version().feature();
    if (release < FIRST_VIRTUAL_THREAD_RELEASE) {
      throw new IllegalStateException(
          "the virtual-threads executor needs Java 21 or later, but this JVM is Java "
              + Runtime.version()
              + "; use JobExecutors.threadPool(...) instead");
    }
    this.maxWorkers = maxWorkers;
    this.threadNamePrefix = threadNamePrefix;
    this.permits = maxWorkers > 0 ? new Semaphore(maxWorkers) : null;
  }

  @Override
  public synchronized void start(String alias) {
    ExecutorService current = threads;
    if (current != null && !current.isShutdown()) {
      return;
    }
    String prefix = threadNamePrefix != null ? threadNamePrefix : "scheduler-" + alias + "-";
    threads = newThreadPerTaskExecutor(prefix);
  }

  @Override
  public void execute(Runnable run) {
    ExecutorService current = threads;
    if (current == null) {
      throw new RejectedExecutionException("virtual-threads executor has not been started");
    }
    Semaphore limit = permits;
    if (limit == null) {
      current.execute(run);
      return;
    }
    current.execute(
        () -> {
          limit.acquireUninterruptibly();
          try {
            run.run();
          } finally {
            limit.release();
          }
        });
  }

  @Override
  public synchronized void shutdown(boolean wait, Duration timeout) {
    ExecutorService current = threads;
    if (current != null) {
      ExecutorServices.shutdown(current, wait, timeout);
    }
  }

  private static ExecutorService newThreadPerTaskExecutor(String prefix) {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
      builder = ofVirtual.getMethod("name", String.class, long.class).invoke(builder, prefix, 1L);
      ThreadFactory factory =
          (ThreadFactory)
              Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
      return (ExecutorService)
          Executors.class
              .getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
              .invoke(null, factory);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot create virtual threads on Java " + Runtime.version(), e);
    }
  }

  @Override
  public String toString() {
    return maxWorkers > 0 ? "virtualThreads(" + maxWorkers + ")" : "virtualThreads()";
  }
}
