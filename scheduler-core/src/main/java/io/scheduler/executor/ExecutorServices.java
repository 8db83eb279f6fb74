package io.scheduler.executor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bounded shutdown every executor that owns an {@link ExecutorService} performs. */
final class ExecutorServices {

  private static final Logger log = LoggerFactory.getLogger(JobExecutor.class);

  private ExecutorServices() {}

  /**
   * Stops taking work; with {@code wait}, waits up to {@code timeout} for running work, then
   * interrupts it and logs how much was dropped.
   */
  static void shutdown(ExecutorService service, boolean wait, Duration timeout) {
    shutdown(service, wait, timeout, () -> {}, List::size);
  }

  /**
   * The same, for a service whose queue entries may stand for several runs: {@code beforeStop} runs
   * before the running work is interrupted, and {@code droppedRuns} counts the runs in the entries
   * left in the queue.
   */
  static void shutdown(
      ExecutorService service,
      boolean wait,
      Duration timeout,
      Runnable beforeStop,
      ToIntFunction<List<Runnable>> droppedRuns) {
    service.shutdown();
    if (!wait) {
      return;
    }
    try {
      if (!service.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        beforeStop.run();
        int queued = droppedRuns.applyAsInt(service.shutdownNow());
        log.warn(
            "Jobs still running after shutdown waited {}; interrupted them ({} queued runs dropped)",
            timeout,
            queued);
      }
    } catch (InterruptedException e) {
      beforeStop.run();
      service.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
