package io.scheduler.benchmarks.engine;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Unmeasured bursts of jobs due now, run before W1 and W2 in every contender alike, so the
 * measurement sees code the JIT has finished compiling. One burst was too little: the optimizing
 * compiler was still at work (and taking one of two cores) during the measured burst.
 */
final class WarmUp {

  static final int BURSTS = 5;

  static final int JOBS = 50_000;

  private static final long GRACE_SECONDS = 60;

  private WarmUp() {}

  /**
   * Runs {@value #BURSTS} bursts of {@value #JOBS} no-op jobs due now, each waited for.
   *
   * @param contender a started contender
   */
  static void run(Contender contender) throws Exception {
    for (int i = 0; i < BURSTS; i++) {
      burst(contender);
    }
  }

  private static void burst(Contender contender) throws Exception {
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
