package io.scheduler.boot.autoconfigure;

import io.scheduler.store.jdbc.InitializeSchema;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;

/**
 * One job store, {@code scheduler.jobstores.<alias>.*}: its type and the settings of that type
 * under {@code jdbc.*} or {@code redis.*}. The flat keys {@code table-prefix}, {@code
 * initialize-schema} and {@code key-prefix} of earlier snapshots still work, with a warning, until
 * the next release.
 */
public class JobStoreProperties {

  /** Type of the store. */
  private SchedulerProperties.JobStoreType type = SchedulerProperties.JobStoreType.MEMORY;

  /** Settings of a 'jdbc' store. */
  private final Jdbc jdbc = new Jdbc();

  /** Settings of a 'redis' store. */
  private final Redis redis = new Redis();

  /** Prefix of the table names of a 'jdbc' store. */
  private @Nullable String tablePrefix;

  /** When a 'jdbc' store creates its tables. */
  private @Nullable InitializeSchema initializeSchema;

  /** Prefix of the keys of a 'redis' store. */
  private @Nullable String keyPrefix;

  public SchedulerProperties.JobStoreType getType() {
    return type;
  }

  public void setType(SchedulerProperties.JobStoreType type) {
    this.type = type;
  }

  public Jdbc getJdbc() {
    return jdbc;
  }

  public Redis getRedis() {
    return redis;
  }

  @Deprecated(since = "0.1.0")
  @DeprecatedConfigurationProperty(
      replacement = "scheduler.jobstores.<alias>.jdbc.table-prefix",
      since = "0.1.0")
  public @Nullable String getTablePrefix() {
    return tablePrefix;
  }

  @Deprecated(since = "0.1.0")
  public void setTablePrefix(@Nullable String tablePrefix) {
    this.tablePrefix = tablePrefix;
  }

  @Deprecated(since = "0.1.0")
  @DeprecatedConfigurationProperty(
      replacement = "scheduler.jobstores.<alias>.jdbc.initialize-schema",
      since = "0.1.0")
  public @Nullable InitializeSchema getInitializeSchema() {
    return initializeSchema;
  }

  @Deprecated(since = "0.1.0")
  public void setInitializeSchema(@Nullable InitializeSchema initializeSchema) {
    this.initializeSchema = initializeSchema;
  }

  @Deprecated(since = "0.1.0")
  @DeprecatedConfigurationProperty(
      replacement = "scheduler.jobstores.<alias>.redis.key-prefix",
      since = "0.1.0")
  public @Nullable String getKeyPrefix() {
    return keyPrefix;
  }

  @Deprecated(since = "0.1.0")
  public void setKeyPrefix(@Nullable String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }

  /** Settings of a 'jdbc' store, {@code scheduler.jobstores.<alias>.jdbc.*}. */
  public static class Jdbc {

    /** Prefix of the table names; letters, digits and underscores. Defaults to 'scheduler_'. */
    private @Nullable String tablePrefix;

    /** When the store creates its tables. Defaults to 'scheduler.jdbc.initialize-schema'. */
    private @Nullable InitializeSchema initializeSchema;

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

    public @Nullable String getTablePrefix() {
      return tablePrefix;
    }

    public void setTablePrefix(@Nullable String tablePrefix) {
      this.tablePrefix = tablePrefix;
    }

    public @Nullable InitializeSchema getInitializeSchema() {
      return initializeSchema;
    }

    public void setInitializeSchema(@Nullable InitializeSchema initializeSchema) {
      this.initializeSchema = initializeSchema;
    }
  }

  /** Settings of a 'redis' store, {@code scheduler.jobstores.<alias>.redis.*}. */
  public static class Redis {

    /** Prefix of the store's keys. Defaults to 'scheduler:'. */
    private @Nullable String keyPrefix;

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

    public @Nullable String getKeyPrefix() {
      return keyPrefix;
    }

    public void setKeyPrefix(@Nullable String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }
  }
}
