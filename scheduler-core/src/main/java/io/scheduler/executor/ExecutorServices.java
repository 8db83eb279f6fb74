package io.scheduler.executor;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
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
    service.shutdown();
    if (!wait) {
      return;
    }
    try {
      if (!service.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        int queued = service.shutdownNow().size();
        log.warn(
            "Jobs still running after shutdown waited {}; interrupted them ({} queued runs dropped)",
            timeout,
            queued);
      }
    } catch (InterruptedException e) {
      service.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
