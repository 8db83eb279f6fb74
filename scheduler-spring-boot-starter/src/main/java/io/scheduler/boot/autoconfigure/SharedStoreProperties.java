package io.scheduler.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationUnit;

/** Settings every shared store type has (its lease time and poll interval). */
public class SharedStoreProperties {

  /** How long an acquisition or a run claim lasts without renewal. Defaults to 30 seconds. */
  @SchedulerDuration
  @DurationUnit(ChronoUnit.SECONDS)
  private @Nullable Duration leaseTime;

  /** Longest a scheduler sleeps without looking into the store. Defaults to 10 seconds. */
  @SchedulerDuration
  @DurationUnit(ChronoUnit.SECONDS)
  private @Nullable Duration pollInterval;

  public @Nullable Duration getLeaseTime() {
    return leaseTime;
  }

  public void setLeaseTime(@Nullable Duration leaseTime) {
    this.leaseTime = leaseTime;
  }

  public @Nullable Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(@Nullable Duration pollInterval) {
    this.pollInterval = pollInterval;
  }
}
