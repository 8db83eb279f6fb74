package io.scheduler.internal.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Lets one loop thread sleep until a deadline read on a {@link Clock}, and other threads wake it
 * early. There is no polling: without a deadline the thread parks until signalled, and a signal
 * only unparks it when the new work is due before the deadline it sleeps towards.
 */
final class Waiter {

  private static final Instant AWAKE = Instant.MIN;

  private static final AtomicReferenceFieldUpdater<Waiter, @Nullable Instant> PLANNED_WAKEUP =
      AtomicReferenceFieldUpdater.newUpdater(Waiter.class, Instant.class, "plannedWakeup");

  private final Clock clock;
  private volatile boolean signalled;

  private volatile @Nullable Instant plannedWakeup = AWAKE;
  private volatile @Nullable Thread sleeper;

  /**
   * Creates a waiter.
   *
   * @param clock the clock deadlines are read on
   */
  public Waiter(Clock clock) {
    this.clock = clock;
  }

  /** Marks the start of a pass of the loop: signals from now on make the next wait return. */
  public void beginPass() {
    plannedWakeup = AWAKE;
    signalled = false;
  }

  /**
   * Sleeps until {@code deadline}, a signal, or an interrupt, whichever comes first.
   *
   * @param deadline when to wake up, or {@code null} to sleep until signalled
   */
  public void await(@Nullable Instant deadline) {
    sleeper = Thread.currentThread();
    while (!Thread.currentThread().isInterrupted()) {
      // Armed before each check of the signal: a signaller that wakes this thread marks it awake,
      // and one acting on a read from an earlier sleep may do so while this thread is between
      // parks; re-arming keeps every later signal able to wake it.
      plannedWakeup = deadline;
      if (signalled) {
        break;
      }
      if (deadline == null) {
        LockSupport.park(this);
        continue;
      }
      long nanos = nanosUntil(deadline);
      if (nanos <= 0) {
        break;
      }
      LockSupport.parkNanos(this, nanos);
    }
    plannedWakeup = AWAKE;
  }

  /** Wakes the loop now. */
  public void signal() {
    signalled = true;
    unpark();
  }

  /**
   * Wakes the loop if it sleeps towards a time later than {@code time} (or sleeps without a
   * deadline); a loop that is awake sees the signal before it sleeps again.
   *
   * @param time when the new work is due
   */
  public void signalIfBefore(Instant time) {
    markSignalled();
    Instant planned = plannedWakeup;
    if (planned != AWAKE && (planned == null || time.isBefore(planned))) {
      wake(planned);
    }
  }

  private void markSignalled() {
    // Skipping the write when already set spares a fence per signal: an earlier signal still set
    // means the loop has not begun its next pass, which will see this signal's work.
    if (!signalled) {
      signalled = true;
    }
  }

  /**
   * Unparks the sleeping loop once: the first signal of a burst marks it awake, so the signals that
   * follow before it runs again skip the unpark (one wake-up per burst of adds, not one system call
   * per job). The loop sees {@code signalled} whichever signal woke it.
   */
  private void wake(@Nullable Instant planned) {
    if (PLANNED_WAKEUP.compareAndSet(this, planned, AWAKE)) {
      unpark();
    }
  }

  private void unpark() {
    Thread thread = sleeper;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  /**
   * Returns the nanoseconds from the clock's time until {@code deadline}: at most 0 for a deadline
   * reached (however far in the past), {@link Long#MAX_VALUE} for one beyond that (292 years).
   */
  private long nanosUntil(Instant deadline) {
    return saturatedNanos(Duration.between(clock.instant(), deadline));
  }

  /**
   * Returns a duration in nanoseconds, saturated at {@link Long#MIN_VALUE} and {@link
   * Long#MAX_VALUE} instead of overflowing.
   *
   * @param duration any duration, even between {@link Instant#MIN} and {@link Instant#MAX}
   * @return its nanoseconds, saturated
   */
  static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException overflow) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
