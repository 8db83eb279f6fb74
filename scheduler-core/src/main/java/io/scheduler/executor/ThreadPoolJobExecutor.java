package io.scheduler.executor;

import io.scheduler.internal.NamedThreadFactory;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A fixed number of named worker threads over an unbounded queue. A batch of runs goes in as a few
 * shared handles rather than one queue entry per run: up to one per worker, each taking the batch's
 * next run until none is left. Runs still start in order, one per free worker, and a long run holds
 * up only its own worker.
 */
final class ThreadPoolJobExecutor implements JobExecutor {

  private static final long IDLE_WORKER_SECONDS = 60;

  private final int maxWorkers;
  private final @Nullable String threadNamePrefix;
  private volatile @Nullable ThreadPoolExecutor pool;
  // Set when shutdown gives up waiting: batches stop starting runs, as queued entries are dropped.
  private volatile boolean stopping;

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
    stopping = false;
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
  public int executeAll(List<? extends Runnable> runs) {
    ThreadPoolExecutor current = pool;
    if (current == null || runs.isEmpty()) {
      return 0;
    }
    Runnable handle = runs.size() == 1 ? runs.get(0) : new Batch(runs);
    int handles = Math.min(runs.size(), maxWorkers);
    for (int i = 0; i < handles; i++) {
      try {
        current.execute(handle);
      } catch (RejectedExecutionException e) {
        // Once one handle is in, it runs the whole batch.
        return i == 0 ? 0 : runs.size();
      }
    }
    return runs.size();
  }

  @Override
  public synchronized void shutdown(boolean wait, Duration timeout) {
    ThreadPoolExecutor current = pool;
    if (current != null) {
      ExecutorServices.shutdown(
          current, wait, timeout, () -> stopping = true, ThreadPoolJobExecutor::droppedRuns);
    }
  }

  /** Counts the runs in queue entries a forced shutdown dropped; a batch counts its runs once. */
  private static int droppedRuns(List<Runnable> queued) {
    Set<Runnable> counted = Collections.newSetFromMap(new IdentityHashMap<>());
    int dropped = 0;
    for (Runnable entry : queued) {
      if (counted.add(entry)) {
        dropped += entry instanceof Batch batch ? batch.remaining() : 1;
      }
    }
    return dropped;
  }

  /**
   * Runs shared by several queue entries: a worker that takes an entry runs the batch's next run,
   * then the next, until none is left or a forced shutdown stops it.
   */
  private final class Batch implements Runnable {
    private final List<? extends Runnable> runs;
    private final AtomicInteger next = new AtomicInteger();

    Batch(List<? extends Runnable> runs) {
      this.runs = runs;
    }

    @Override
    public void run() {
      boolean first = true;
      for (int i; !stopping && (i = next.getAndIncrement()) < runs.size(); first = false) {
        if (!first) {
          // As between two queue entries: an interrupt a run left behind does not reach the next.
          Thread.interrupted();
        }
        try {
          runs.get(i).run();
        } catch (Throwable fatal) {
          // The worker dies with it (as with a single run); another entry takes over the rest.
          handOverRest();
          throw fatal;
        }
      }
    }

    private void handOverRest() {
      ThreadPoolExecutor current = pool;
      if (current != null && remaining() > 0) {
        try {
          current.execute(this);
        } catch (RejectedExecutionException shutDown) {
          // Shut down meanwhile: the rest is dropped with the queue.
        }
      }
    }

    int remaining() {
      return Math.max(0, runs.size() - next.get());
    }
  }

  @Override
  public String toString() {
    return "threadPool(" + maxWorkers + ")";
  }
}
