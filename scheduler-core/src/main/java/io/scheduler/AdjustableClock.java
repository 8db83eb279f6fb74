package io.scheduler;

/**
 * A clock whose time can be moved by hand, such as the test kit's {@code MutableClock}: a scheduler
 * built on it is woken whenever the time moves, instead of sleeping on the wall clock.
 */
public interface AdjustableClock {

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
