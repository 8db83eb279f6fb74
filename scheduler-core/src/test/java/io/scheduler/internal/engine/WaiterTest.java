package io.scheduler.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Waiter}: a signal given before the wait makes the wait return at once (and {@link
 * Waiter#beginPass()} forgets it), a deadline already reached on the clock returns at once, {@link
 * Waiter#signal()} wakes a sleeper, {@link Waiter#signalIfBefore} wakes one that sleeps towards a
 * later time or without a deadline, and an interrupt ends the wait. Deadlines are read on a {@link
 * MutableClock} that never moves by itself; the sleeper is a second thread, watched with latches
 * and its thread state (the 10 s timeouts only guard against a hanging build).
 */
class WaiterTest {

  private static final Instant T = Instant.parse("2026-03-29T00:30:00Z");

  private static final long GUARD_SECONDS = 10;

  private final MutableClock clock = MutableClock.at(T, ZoneId.of("Europe/Berlin"));

  private final Waiter waiter = new Waiter(clock);

  private final List<Thread> sleepers = new ArrayList<>();

  @AfterEach
  void wakeLeftoverSleepers() {
    sleepers.forEach(Thread::interrupt);
  }

  /** A thread that calls {@code await(deadline)} once; {@link #returned} counts down after. */
  private final class Sleeper {
    final CountDownLatch returned = new CountDownLatch(1);
    final AtomicBoolean interruptedAfterwards = new AtomicBoolean();
    final Thread thread;

    Sleeper(@Nullable Instant deadline) {
      thread =
          new Thread(
              () -> {
                waiter.await(deadline);
                interruptedAfterwards.set(Thread.currentThread().isInterrupted());
                returned.countDown();
              },
              "waiter-test-sleeper");
      thread.setDaemon(true);
      sleepers.add(thread);
      thread.start();
    }

    void assertReturns() throws InterruptedException {
      assertThat(returned.await(GUARD_SECONDS, TimeUnit.SECONDS))
          .as("await returned within the %d s failure guard", GUARD_SECONDS)
          .isTrue();
    }

    /** Waits until the thread parks inside {@code await}, and checks it is still there. */
    void assertParked() {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
      Thread.State state;
      while ((state = thread.getState()) != Thread.State.WAITING
          && state != Thread.State.TIMED_WAITING
          && state != Thread.State.TERMINATED) {
        if (System.nanoTime() - deadline > 0) {
          throw new AssertionError("the sleeper never parked; it is " + state);
        }
        Thread.onSpinWait();
      }
      assertThat(state)
          .as("the sleeper is parked, not finished")
          .isNotEqualTo(Thread.State.TERMINATED);
      assertThat(returned.getCount()).isOne();
    }
  }

  @Test
  void aSignalBeforeTheWaitMakesItReturnAtOnce() throws Exception {
    waiter.beginPass();
    waiter.signal();

    new Sleeper(null).assertReturns();
  }

  @Test
  void aSignalIfBeforeWhileAwakeMakesTheNextWaitReturn() throws Exception {
    waiter.beginPass();
    waiter.signalIfBefore(T.plus(Duration.ofDays(365)));

    new Sleeper(T.plus(Duration.ofDays(400))).assertReturns();
  }

  @Test
  void beginPassForgetsAnEarlierSignal() throws Exception {
    waiter.beginPass();
    waiter.signal();
    waiter.beginPass();

    Sleeper sleeper = new Sleeper(null);

    sleeper.assertParked();
    waiter.signal();
    sleeper.assertReturns();
  }

  @Test
  void aDeadlineInThePastReturnsAtOnce() throws Exception {
    waiter.beginPass();

    new Sleeper(T.minusSeconds(1)).assertReturns();
  }

  @Test
  void aDeadlineAtTheEarliestInstantReturnsAtOnce() throws Exception {
    waiter.beginPass();

    new Sleeper(Instant.MIN).assertReturns();
  }

  @Test
  void aDeadlineCenturiesAgoReturnsAtOnce() throws Exception {
    waiter.beginPass();

    // 400 years: more nanoseconds than a long holds.
    new Sleeper(T.minus(Duration.ofDays(400 * 365))).assertReturns();
  }

  @Test
  void aDeadlineAtTheLatestInstantSleepsUntilSignalled() throws Exception {
    waiter.beginPass();
    Sleeper sleeper = new Sleeper(Instant.MAX);

    sleeper.assertParked();
    waiter.signalIfBefore(T.plus(Duration.ofDays(400 * 365)));
    sleeper.assertReturns();
  }

  @Test
  void aDeadlineCenturiesAheadSleepsUntilSignalled() throws Exception {
    waiter.beginPass();
    Sleeper sleeper = new Sleeper(T.plus(Duration.ofDays(400 * 365)));

    sleeper.assertParked();
    waiter.signal();
    sleeper.assertReturns();
  }

  @Test
  void nanosSaturateInsteadOfOverflowing() {
    assertThat(Waiter.saturatedNanos(Duration.between(T, Instant.MIN))).isEqualTo(Long.MIN_VALUE);
    assertThat(Waiter.saturatedNanos(Duration.between(T, Instant.MAX))).isEqualTo(Long.MAX_VALUE);
    assertThat(Waiter.saturatedNanos(Duration.between(Instant.MIN, Instant.MAX)))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(Waiter.saturatedNanos(Duration.ofSeconds(-3))).isEqualTo(-3_000_000_000L);
    assertThat(Waiter.saturatedNanos(Duration.ofNanos(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aDeadlineEqualToTheClocksTimeReturnsAtOnce() throws Exception {
    waiter.beginPass();

    new Sleeper(T).assertReturns();
  }

  @Test
  void aDeadlineTheClockHasBeenMovedPastReturnsAtOnce() throws Exception {
    waiter.beginPass();
    clock.advance(Duration.ofHours(2));

    new Sleeper(T.plus(Duration.ofHours(1))).assertReturns();
  }

  @Test
  void signalWakesASleeperWithADeadline() throws Exception {
    waiter.beginPass();
    Sleeper sleeper = new Sleeper(T.plus(Duration.ofHours(1)));
    sleeper.assertParked();

    waiter.signal();

    sleeper.assertReturns();
  }

  @Test
  void signalWakesASleeperWithoutADeadline() throws Exception {
    waiter.beginPass();
    Sleeper sleeper = new Sleeper(null);
    sleeper.assertParked();

    waiter.signal();

    sleeper.assertReturns();
  }

  @Test
  void signalIfBeforeWakesASleeperWhenTheWorkIsDueBeforeItsDeadline() throws Exception {
    waiter.beginPass();
    Sleeper sleeper = new Sleeper(T.plus(Duration.ofHours(1)));
    sleeper.assertParked();

    waiter.signalIfBefore(T.plus(Duration.ofMinutes(1)));

    sleeper.assertReturns();
  }

  @Test
  void signalIfBeforeWakesASleeperWithoutADeadlineWhateverTheTime() throws Exception {
    waiter.beginPass();
    Sleeper sleeper = new Sleeper(null);
    sleeper.assertParked();

    waiter.signalIfBefore(T.plus(Duration.ofDays(3650)));

    sleeper.assertReturns();
  }

  @Test
  void signalIfBeforeLeavesASleeperWhoseDeadlineIsTheSameTime() throws Exception {
    waiter.beginPass();
    Sleeper sleeper = new Sleeper(T.plus(Duration.ofHours(1)));
    sleeper.assertParked();

    // Jobs added for the time the loop already sleeps towards: no wake-up per add.
    waiter.signalIfBefore(T.plus(Duration.ofHours(1)));

    sleeper.assertParked();
    waiter.signal();
    sleeper.assertReturns();
  }

  @Test
  void aBurstOfSignalsWakesTheSleeperAndTheNextWaitReturnsAtOnce() throws Exception {
    waiter.beginPass();
    Sleeper sleeper = new Sleeper(null);
    sleeper.assertParked();

    for (int i = 0; i < 1_000; i++) {
      waiter.signalIfBefore(T);
    }

    sleeper.assertReturns();
    // The burst's later signals skipped the unpark but not the mark: a wait before the next pass
    // returns at once.
    Sleeper next = new Sleeper(null);
    next.assertReturns();
  }

  @Test
  void anInterruptEndsTheWaitAndStaysSet() throws Exception {
    waiter.beginPass();
    Sleeper sleeper = new Sleeper(null);
    sleeper.assertParked();

    sleeper.thread.interrupt();

    sleeper.assertReturns();
    assertThat(sleeper.interruptedAfterwards).isTrue();
  }

  @Test
  void theWaiterCanSleepAgainAfterEachPass() throws Exception {
    for (int pass = 0; pass < 3; pass++) {
      waiter.beginPass();
      Sleeper sleeper = new Sleeper(T.plus(Duration.ofHours(1)));
      sleeper.assertParked();
      waiter.signalIfBefore(T);
      sleeper.assertReturns();
    }
  }

  /**
   * A loop thread that passes and sleeps without a deadline, against four threads that each add
   * work and signal 1,000,000 times: however the signals interleave with the loop's sleeps, the
   * loop never sleeps through work it has not seen. (A signaller that read the loop's sleep,
   * stalled while the loop ran a pass, and then acted on that stale read could leave the loop
   * parked while it looked awake; this caught such a version one run in three.)
   */
  @Test
  void concurrentSignalsNeverLeaveTheLoopAsleepOverUnseenWork() throws Exception {
    AtomicLong added = new AtomicLong();
    AtomicLong seen = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    Thread loop =
        new Thread(
            () -> {
              while (!stop.get()) {
                waiter.beginPass();
                seen.set(added.get());
                waiter.await(null);
              }
            },
            "waiter-test-loop");
    loop.setDaemon(true);
    sleepers.add(loop);
    loop.start();
    Thread[] signallers = new Thread[4];
    for (int i = 0; i < signallers.length; i++) {
      signallers[i] =
          new Thread(
              () -> {
                for (int n = 0; n < 1_000_000; n++) {
                  added.incrementAndGet();
                  waiter.signalIfBefore(T);
                }
              });
      signallers[i].start();
    }
    for (Thread signaller : signallers) {
      signaller.join();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
    while (seen.get() != added.get() && System.nanoTime() - deadline < 0) {
      Thread.onSpinWait();
    }
    stop.set(true);
    waiter.signal();
    assertThat(seen.get()).as("work the loop has seen").isEqualTo(added.get());
  }
}
