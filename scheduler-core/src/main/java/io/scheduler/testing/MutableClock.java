package io.scheduler.testing;

import static io.scheduler.internal.Require.requireNonNull;

import io.scheduler.AdjustableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it. Thread-safe. A scheduler built on it wakes up
 * whenever the time is moved, so even a {@code BackgroundScheduler} can be tested without sleeps.
 */
public final class MutableClock extends Clock implements AdjustableClock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;
  private final CopyOnWriteArrayList<Runnable> onAdjust;

  private MutableClock(
      AtomicReference<Instant> now, ZoneId zone, CopyOnWriteArrayList<Runnable> onAdjust) {
    this.now = now;
    this.zone = zone;
    this.onAdjust = onAdjust;
  }

  /**
   * Returns a clock standing at {@code instant}, in {@code zone}.
   *
   * @param instant the time
   * @param zone the clock's zone (a scheduler's default time zone)
   * @return the clock
   */
  public static MutableClock at(Instant instant, ZoneId zone) {
    return new MutableClock(
        new AtomicReference<>(requireNonNull(instant, "instant")),
        requireNonNull(zone, "zone"),
        new CopyOnWriteArrayList<>());
  }

  /**
   * Moves the clock forward (or back, with a negative duration).
   *
   * @param duration how far
   * @return the new time
   */
  public Instant advance(Duration duration) {
    requireNonNull(duration, "duration");
    Instant moved = now.updateAndGet(current -> current.plus(duration));
    adjusted();
    return moved;
  }

  /**
   * Sets the time.
   *
   * @param instant the new time
   */
  public void setInstant(Instant instant) {
    now.set(requireNonNull(instant, "instant"));
    adjusted();
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Returns a view of this clock in another zone; it shares the time (moving either moves both).
   *
   * @param zone the zone
   * @return the view
   */
  @Override
  public MutableClock withZone(ZoneId zone) {
    return new MutableClock(now, requireNonNull(zone, "zone"), onAdjust);
  }

  @Override
  public void onAdjust(Runnable callback) {
    onAdjust.add(callback);
  }

  @Override
  public void removeOnAdjust(Runnable callback) {
    onAdjust.remove(callback);
  }

  private void adjusted() {
    for (Runnable callback : onAdjust) {
      callback.run();
    }
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }
}
