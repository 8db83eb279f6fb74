package io.scheduler.job;

import static io.scheduler.internal.Require.requireArgument;

import io.scheduler.internal.Require;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Job options a scheduler applies to every job that does not set its own, with APScheduler's
 * defaults: misfire grace time 1 s, coalesce (run the latest overdue time once), one instance.
 */
public final class JobDefaults {

  /** APScheduler's default misfire grace time: a run more than 1 s late is skipped. */
  public static final Duration DEFAULT_MISFIRE_GRACE_TIME = Duration.ofSeconds(1);

  /** APScheduler's default {@code coalesce=True}: overdue runs collapse into the latest one. */
  public static final CoalescePolicy DEFAULT_COALESCE = CoalescePolicy.LATEST;

  /** APScheduler's default {@code max_instances=1}: a job never overlaps itself. */
  public static final int DEFAULT_MAX_INSTANCES = 1;

  private static final JobDefaults DEFAULTS = new Builder().build();

  private final @Nullable Duration misfireGraceTime;
  private final CoalescePolicy coalesce;
  private final int maxInstances;

  private JobDefaults(Builder builder) {
    this.misfireGraceTime = builder.misfireGraceTime;
    this.coalesce = builder.coalesce;
    this.maxInstances = builder.maxInstances;
  }

  /**
   * Returns APScheduler's defaults.
   *
   * @return the defaults
   */
  public static JobDefaults ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder starting from APScheduler's defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder starting from {@code base}.
   *
   * @param base the defaults to start from
   * @return a new builder
   */
  public static Builder from(JobDefaults base) {
    return new Builder()
        .misfireGraceTime(base.misfireGraceTime)
        .coalesce(base.coalesce)
        .maxInstances(base.maxInstances);
  }

  /**
   * Returns how late a run may start; empty means however late.
   *
   * @return the grace time
   */
  public Optional<Duration> misfireGraceTime() {
    return Optional.ofNullable(misfireGraceTime);
  }

  /** The misfire grace time, {@code null} for unlimited: for {@link Job#create}, without boxing. */
  @Nullable Duration misfireGraceTimeOrNull() {
    return misfireGraceTime;
  }

  /**
   * Returns the policy for overdue runs.
   *
   * @return the coalesce policy
   */
  public CoalescePolicy coalesce() {
    return coalesce;
  }

  /**
   * Returns how many runs of one job may overlap.
   *
   * @return at least 1
   */
  public int maxInstances() {
    return maxInstances;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof JobDefaults that
        && Objects.equals(misfireGraceTime, that.misfireGraceTime)
        && coalesce == that.coalesce
        && maxInstances == that.maxInstances;
  }

  @Override
  public int hashCode() {
    return Objects.hash(misfireGraceTime, coalesce, maxInstances);
  }

  @Override
  public String toString() {
    return "JobDefaults[misfireGraceTime="
        + (misfireGraceTime == null ? "unlimited" : misfireGraceTime)
        + ", coalesce="
        + coalesce
        + ", maxInstances="
        + maxInstances
        + "]";
  }

  /** Builds {@link JobDefaults}, validating each value as it is set. */
  public static final class Builder {

    private @Nullable Duration misfireGraceTime = DEFAULT_MISFIRE_GRACE_TIME;
    private CoalescePolicy coalesce = DEFAULT_COALESCE;
    private int maxInstances = DEFAULT_MAX_INSTANCES;

    private Builder() {}

    /**
     * Sets how late a run may start before it is skipped as missed.
     *
     * @param misfireGraceTime a positive duration, or {@code null} to run however late
     * @return this builder
     */
    public Builder misfireGraceTime(@Nullable Duration misfireGraceTime) {
      this.misfireGraceTime = checkGraceTime(misfireGraceTime);
      return this;
    }

    /**
     * Sets APScheduler's boolean {@code coalesce}.
     *
     * @param coalesce true for {@link CoalescePolicy#LATEST}, false for {@link CoalescePolicy#ALL}
     * @return this builder
     */
    public Builder coalesce(boolean coalesce) {
      this.coalesce = CoalescePolicy.of(coalesce);
      return this;
    }

    /**
     * Sets the policy for overdue runs.
     *
     * @param coalesce the policy
     * @return this builder
     */
    public Builder coalesce(CoalescePolicy coalesce) {
      this.coalesce = Require.requireNonNull(coalesce, "coalesce");
      return this;
    }

    /**
     * Sets how many runs of one job may overlap.
     *
     * @param maxInstances at least 1
     * @return this builder
     */
    public Builder maxInstances(int maxInstances) {
      this.maxInstances = checkMaxInstances(maxInstances);
      return this;
    }

    /**
     * Builds the defaults.
     *
     * @return the defaults
     */
    public JobDefaults build() {
      return new JobDefaults(this);
    }
  }

  static @Nullable Duration checkGraceTime(@Nullable Duration misfireGraceTime) {
    requireArgument(
        misfireGraceTime == null || (!misfireGraceTime.isNegative() && !misfireGraceTime.isZero()),
        "misfireGraceTime must be positive, or null for no limit, but was %s",
        misfireGraceTime);
    return misfireGraceTime;
  }

  static int checkMaxInstances(int maxInstances) {
    requireArgument(
        maxInstances > 0, "maxInstances must be greater than 0, but was %s", maxInstances);
    return maxInstances;
  }
}
