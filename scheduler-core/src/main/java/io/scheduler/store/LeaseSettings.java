package io.scheduler.store;

import static io.scheduler.internal.Require.requirePositive;

import java.time.Duration;

/**
 * The lease settings of a {@link SharedJobStore}, validated in one place for every store: how long
 * an acquisition or a run claim lasts without renewal, and how often a scheduler looks into the
 * store when no change was announced. Store builders keep one and replace it setting by setting.
 *
 * @param leaseTime how long an acquisition or a run claim lasts without renewal
 * @param pollInterval the longest a scheduler sleeps without looking into the store
 */
public record LeaseSettings(Duration leaseTime, Duration pollInterval) {

  /** {@link SharedJobStore#DEFAULT_LEASE_TIME} and {@link SharedJobStore#DEFAULT_POLL_INTERVAL}. */
  public static final LeaseSettings DEFAULTS =
      new LeaseSettings(SharedJobStore.DEFAULT_LEASE_TIME, SharedJobStore.DEFAULT_POLL_INTERVAL);

  /**
   * Checks that both durations are positive.
   *
   * @param leaseTime a positive duration
   * @param pollInterval a positive duration
   * @throws IllegalArgumentException naming the setting and its value otherwise
   */
  public LeaseSettings {
    requirePositive(leaseTime, "leaseTime");
    requirePositive(pollInterval, "pollInterval");
  }

  /**
   * Returns these settings with another lease time.
   *
   * @param leaseTime a positive duration
   * @return the new settings
   * @throws IllegalArgumentException when it is not positive
   */
  public LeaseSettings withLeaseTime(Duration leaseTime) {
    return new LeaseSettings(leaseTime, pollInterval);
  }

  /**
   * Returns these settings with another poll interval.
   *
   * @param pollInterval a positive duration
   * @return the new settings
   * @throws IllegalArgumentException when it is not positive
   */
  public LeaseSettings withPollInterval(Duration pollInterval) {
    return new LeaseSettings(leaseTime, pollInterval);
  }
}
