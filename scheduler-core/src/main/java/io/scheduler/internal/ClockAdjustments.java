package io.scheduler.internal;

/**
 * Implemented by clocks that can be moved by hand (the test kit's {@code MutableClock}): a waiting
 * scheduler registers to be woken when the time changes, instead of sleeping on the wall clock.
 */
public interface ClockAdjustments {

  /**
   * Registers a callback run (on the adjusting thread) after every change of the time.
   *
   * @param callback what to run
   */
  void onAdjust(Runnable callback);

  /**
   * Removes a callback.
   *
   * @param callback the callback given to {@link #onAdjust}
   */
  void removeOnAdjust(Runnable callback);
}
