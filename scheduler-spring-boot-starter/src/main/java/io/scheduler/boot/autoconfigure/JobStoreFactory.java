package io.scheduler.boot.autoconfigure;

import io.scheduler.boot.autoconfigure.SchedulerProperties.JobStoreType;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStores;
import io.scheduler.store.LeaseSettings;
import io.scheduler.store.jdbc.InitializeSchema;
import io.scheduler.store.jdbc.JdbcJobStore;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Builds the job stores of {@code scheduler.jobstores.<alias>}: checks that every setting fits the
 * store's type, reads the deprecated flat keys, and hands persistent stores to the {@link
 * JdbcStores} or {@link RedisStores} bean that the nested configuration of that type contributes
 * when the application has its connection.
 */
final class JobStoreFactory {

  private static final Logger log = LoggerFactory.getLogger(JobStoreFactory.class);

  private final SchedulerProperties properties;
  private final @Nullable JdbcStores jdbcStores;
  private final @Nullable RedisStores redisStores;

  JobStoreFactory(
      SchedulerProperties properties,
      @Nullable JdbcStores jdbcStores,
      @Nullable RedisStores redisStores) {
    this.properties = properties;
    this.jdbcStores = jdbcStores;
    this.redisStores = redisStores;
  }

  @SuppressWarnings("deprecation") // reads the deprecated flat keys
  JobStore create(String alias, JobStoreProperties store) {
    String prefix = "scheduler.jobstores." + alias + ".";
    JobStoreType type = store.getType();
    Setting tablePrefix =
        new Setting(
            prefix,
            JobStoreType.JDBC,
            "table-prefix",
            store.getJdbc().getTablePrefix(),
            store.getTablePrefix());
    Setting initializeSchema =
        new Setting(
            prefix,
            JobStoreType.JDBC,
            "initialize-schema",
            store.getJdbc().getInitializeSchema(),
            store.getInitializeSchema());
    Setting keyPrefix =
        new Setting(
            prefix,
            JobStoreType.REDIS,
            "key-prefix",
            store.getRedis().getKeyPrefix(),
            store.getKeyPrefix());
    Setting jdbcLeaseTime =
        new Setting(prefix, JobStoreType.JDBC, "lease-time", store.getJdbc().getLeaseTime(), null);
    Setting jdbcPollInterval =
        new Setting(
            prefix, JobStoreType.JDBC, "poll-interval", store.getJdbc().getPollInterval(), null);
    Setting redisLeaseTime =
        new Setting(
            prefix, JobStoreType.REDIS, "lease-time", store.getRedis().getLeaseTime(), null);
    Setting redisPollInterval =
        new Setting(
            prefix, JobStoreType.REDIS, "poll-interval", store.getRedis().getPollInterval(), null);
    for (Setting setting :
        new Setting[] {
          tablePrefix,
          initializeSchema,
          keyPrefix,
          jdbcLeaseTime,
          jdbcPollInterval,
          redisLeaseTime,
          redisPollInterval
        }) {
      setting.requireApplies(type);
    }
    return switch (type) {
      case MEMORY -> JobStores.memory();
      case JDBC ->
          connected(alias, type, jdbcStores)
              .create(
                  alias,
                  tablePrefix.value() instanceof String text
                      ? text
                      : JdbcJobStore.DEFAULT_TABLE_PREFIX,
                  initializeSchema.value() instanceof InitializeSchema mode
                      ? mode
                      : properties.getJdbc().getInitializeSchema(),
                  leases(jdbcLeaseTime, jdbcPollInterval));
      case REDIS ->
          connected(alias, type, redisStores)
              .create(
                  alias,
                  keyPrefix.value() instanceof String text ? text : null,
                  leases(redisLeaseTime, redisPollInterval));
    };
  }

  /** The lease settings of a store, each unset one at its default; refuses non-positive ones. */
  private static LeaseSettings leases(Setting leaseTime, Setting pollInterval) {
    LeaseSettings leases = LeaseSettings.DEFAULTS;
    for (Setting setting : new Setting[] {leaseTime, pollInterval}) {
      if (setting.nested() instanceof Duration value) {
        if (value.isNegative() || value.isZero()) {
          throw new InvalidSchedulerPropertyException(
              setting.nestedKey(), value, "a positive duration, such as 30s");
        }
        leases =
            setting == leaseTime ? leases.withLeaseTime(value) : leases.withPollInterval(value);
      }
    }
    return leases;
  }

  /** Builds JDBC stores on the application's {@code DataSource}. */
  @FunctionalInterface
  interface JdbcStores {
    /**
     * Builds a store.
     *
     * @param alias the store's alias, for errors
     * @param tablePrefix the table prefix
     * @param initializeSchema when the tables are created
     * @param leases the lease time and poll interval
     */
    JobStore create(
        String alias, String tablePrefix, InitializeSchema initializeSchema, LeaseSettings leases);
  }

  /** Builds Redis stores on the application's {@code RedisConnectionFactory}. */
  @FunctionalInterface
  interface RedisStores {
    /**
     * Builds a store.
     *
     * @param alias the store's alias, for errors
     * @param keyPrefix the prefix, or {@code null} for the store's default
     * @param leases the lease time and poll interval
     */
    JobStore create(String alias, @Nullable String keyPrefix, LeaseSettings leases);
  }

  /**
   * The application's connection bean a store type needs, or a failure naming the key.
   *
   * @param alias the store's alias
   * @param type the store's type
   * @param connection the bean, expected to be unique
   */
  static <T> T connection(String alias, JobStoreType type, ObjectProvider<T> connection) {
    try {
      T bean = connection.getIfUnique();
      if (bean == null) {
        throw missing(alias, type);
      }
      return bean;
    } catch (BeansException e) {
      throw new InvalidSchedulerPropertyException(
          typeKey(alias),
          name(type),
          allowed(type),
          typeKey(alias)
              + " is '"
              + name(type)
              + "', but its "
              + connectionType(type)
              + " cannot be created: "
              + e,
          e);
    }
  }

  private static <S> S connected(String alias, JobStoreType type, @Nullable S stores) {
    if (stores == null) {
      throw missing(alias, type);
    }
    return stores;
  }

  private static InvalidSchedulerPropertyException missing(String alias, JobStoreType type) {
    return new InvalidSchedulerPropertyException(
        typeKey(alias),
        name(type),
        allowed(type),
        typeKey(alias)
            + " is '"
            + name(type)
            + "', but the application has no single "
            + connectionType(type)
            + " bean",
        null);
  }

  private static String allowed(JobStoreType type) {
    String needs =
        type == JobStoreType.JDBC
            ? "a DataSource (spring-boot-starter-jdbc)"
            : "a RedisConnectionFactory (spring-boot-starter-data-redis)";
    return "a store type whose connection the application provides; '"
        + name(type)
        + "' needs "
        + needs;
  }

  private static String connectionType(JobStoreType type) {
    return type == JobStoreType.JDBC ? "DataSource" : "RedisConnectionFactory";
  }

  private static String typeKey(String alias) {
    return "scheduler.jobstores." + alias + ".type";
  }

  private static String name(JobStoreType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /**
   * One type-specific setting of a store, written under its nested key ({@code
   * jobstores.<alias>.jdbc.table-prefix}) or its deprecated flat key ({@code
   * jobstores.<alias>.table-prefix}).
   */
  private record Setting(
      String prefix,
      JobStoreType storeType,
      String setting,
      @Nullable Object nested,
      @Nullable Object flat) {

    String nestedKey() {
      return prefix + name(storeType) + "." + setting;
    }

    String flatKey() {
      return prefix + setting;
    }

    void requireApplies(JobStoreType type) {
      if (type == storeType || (nested == null && flat == null)) {
        return;
      }
      String key = flat != null ? flatKey() : nestedKey();
      Object value = flat != null ? flat : nested;
      throw new InvalidSchedulerPropertyException(
          key,
          value,
          "unset for a " + name(type) + " store",
          key
              + " does not apply to a job store of type '"
              + name(type)
              + "', but was '"
              + value
              + "'",
          null);
    }

    /** The nested value, or the flat one with a warning; both at once are refused. */
    @Nullable Object value() {
      if (flat == null) {
        return nested;
      }
      if (nested != null) {
        throw new InvalidSchedulerPropertyException(
            flatKey(),
            flat,
            "unset when " + nestedKey() + " is set",
            flatKey() + " is deprecated and clashes with " + nestedKey() + "; remove " + flatKey(),
            null);
      }
      log.warn("Property {} is deprecated; use {} instead", flatKey(), nestedKey());
      return flat;
    }
  }
}
