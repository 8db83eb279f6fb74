package io.scheduler.benchmarks.engine;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An unmeasured burst of jobs due now, run before W1 and W2 in every contender alike, so the
 * measurement sees compiled code rather than the JIT's first minutes.
 */
final class WarmUp {

  static final int JOBS = 50_000;

  private static final long GRACE_SECONDS = 60;

  private WarmUp() {}

  /**
   * Runs {@value #JOBS} no-op jobs due now and waits for all of them.
   *
   * @param contender a started contender
   */
  static void burst(Contender contender) throws Exception {
    CountDownLatch done = new CountDownLatch(JOBS);
    Instant now = Instant.now();
    for (int i = 0; i < JOBS; i++) {
      contender.schedule(done::countDown, now);
    }
    if (!done.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the warm-up did not finish within " + GRACE_SECONDS + " s");
    }
  }
}
