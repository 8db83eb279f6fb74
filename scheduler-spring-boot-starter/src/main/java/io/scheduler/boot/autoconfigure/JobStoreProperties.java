package io.scheduler.boot.autoconfigure;

import io.scheduler.store.jdbc.InitializeSchema;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

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
  public static class Jdbc extends SharedStoreProperties {

    /** Prefix of the table names; letters, digits and underscores. Defaults to 'scheduler_'. */
    private @Nullable String tablePrefix;

    /** When the store creates its tables. Defaults to 'scheduler.jdbc.initialize-schema'. */
    private @Nullable InitializeSchema initializeSchema;

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
  public static class Redis extends SharedStoreProperties {

    /** Prefix of the store's keys. Defaults to 'scheduler:'. */
    private @Nullable String keyPrefix;

    public @Nullable String getKeyPrefix() {
      return keyPrefix;
    }

    public void setKeyPrefix(@Nullable String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }
  }
}
