package io.scheduler.executor;

import io.scheduler.internal.NamedThreadFactory;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** A fixed number of named worker threads over an unbounded queue. */
final class ThreadPoolJobExecutor implements JobExecutor {

  private static final long IDLE_WORKER_SECONDS = 60;

  private final int maxWorkers;
  private final @Nullable String threadNamePrefix;
  private volatile @Nullable ThreadPoolExecutor pool;

  ThreadPoolJobExecutor(int maxWorkers, @Nullable String threadNamePrefix) {
    this.maxWorkers = maxWorkers;
    this.threadNamePrefix = threadNamePrefix;
  }

  @Override
  public synchronized void start(String alias) {
    ThreadPoolExecutor current = pool;
    if (current != null && !current.isShutdown()) {
      return;
    }
    String prefix = threadNamePrefix != null ? threadNamePrefix : "scheduler-" + alias + "-";
    ThreadPoolExecutor created =
        new ThreadPoolExecutor(
            maxWorkers,
            maxWorkers,
            IDLE_WORKER_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new NamedThreadFactory(prefix));
    created.allowCoreThreadTimeOut(true);
    pool = created;
  }

  @Override
  public void execute(Runnable run) {
    ThreadPoolExecutor current = pool;
    if (current == null) {
      throw new RejectedExecutionException("thread-pool executor has not been started");
    }
    current.execute(run);
  }

  @Override
  public synchronized void shutdown(boolean wait, Duration timeout) {
    ThreadPoolExecutor current = pool;
    if (current != null) {
      ExecutorServices.shutdown(current, wait, timeout);
    }
  }

  @Override
  public String toString() {
    return "threadPool(" + maxWorkers + ")";
  }
}
