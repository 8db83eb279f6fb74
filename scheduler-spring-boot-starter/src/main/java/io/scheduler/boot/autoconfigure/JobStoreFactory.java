package io.scheduler.boot.autoconfigure;

import io.scheduler.boot.autoconfigure.SchedulerProperties.JobStoreType;
import io.scheduler.boot.redis.RedisJobStore;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStores;
import io.scheduler.store.jdbc.InitializeSchema;
import io.scheduler.store.jdbc.JdbcJobStore;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Builds the job stores of {@code scheduler.jobstores.<alias>}: one small method per store type;
 * the persistent ones use the application's {@code DataSource} or {@code RedisConnectionFactory}.
 */
final class JobStoreFactory {

  private final SchedulerProperties properties;

  /** Where the persistent stores find their connections ({@code DataSource}, Redis). */
  private final ListableBeanFactory beanFactory;

  JobStoreFactory(SchedulerProperties properties, ListableBeanFactory beanFactory) {
    this.properties = properties;
    this.beanFactory = beanFactory;
  }

  JobStore create(String alias, SchedulerProperties.JobStore store) {
    String prefix = "scheduler.jobstores." + alias + ".";
    JobStoreType type = store.getType();
    rejectUnless(type == JobStoreType.JDBC, prefix + "table-prefix", store.getTablePrefix(), type);
    rejectUnless(
        type == JobStoreType.JDBC, prefix + "initialize-schema", store.getInitializeSchema(), type);
    rejectUnless(type == JobStoreType.REDIS, prefix + "key-prefix", store.getKeyPrefix(), type);
    return switch (type) {
      case MEMORY -> memory();
      case JDBC ->
          jdbc(
              alias,
              store.getTablePrefix() != null
                  ? store.getTablePrefix()
                  : JdbcJobStore.DEFAULT_TABLE_PREFIX,
              store.getInitializeSchema() != null
                  ? store.getInitializeSchema()
                  : properties.getJdbc().getInitializeSchema());
      case REDIS ->
          redis(
              alias,
              store.getKeyPrefix() != null
                  ? store.getKeyPrefix()
                  : RedisJobStore.DEFAULT_KEY_PREFIX);
    };
  }

  static JobStore memory() {
    return JobStores.memory();
  }

  /**
   * Builds a JDBC store on the application's {@code DataSource} (the one bean of that type, or the
   * primary one).
   */
  JobStore jdbc(String alias, String tablePrefix, InitializeSchema initializeSchema) {
    return JdbcJobStore.builder(
            requiredBean(
                alias, "jdbc", "javax.sql.DataSource", "a DataSource (spring-boot-starter-jdbc)"))
        .tablePrefix(tablePrefix)
        .initializeSchema(initializeSchema)
        .build();
  }

  /** Builds a Redis store on the application's {@code RedisConnectionFactory}. */
  JobStore redis(String alias, String keyPrefix) {
    return RedisJobStore.builder(
            requiredBean(
                alias,
                "redis",
                "org.springframework.data.redis.connection.RedisConnectionFactory",
                "a RedisConnectionFactory (spring-boot-starter-data-redis)"))
        .keyPrefix(keyPrefix)
        .build();
  }

  /** The application's bean of a class the store type needs, or a failure naming the key. */
  @SuppressWarnings("unchecked")
  private <T> T requiredBean(String alias, String storeType, String className, String what) {
    String key = "scheduler.jobstores." + alias + ".type";
    Class<T> type;
    try {
      type = (Class<T>) Class.forName(className, false, JobStoreFactory.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw missing(key, storeType, what, className + " is not on the classpath");
    }
    try {
      T bean = beanFactory.getBeanProvider(type).getIfUnique();
      if (bean == null) {
        throw missing(
            key,
            storeType,
            what,
            "the application has no single " + type.getSimpleName() + " bean");
      }
      return bean;
    } catch (BeansException e) {
      throw missing(
          key, storeType, what, "its " + type.getSimpleName() + " cannot be created: " + e);
    }
  }

  private static InvalidSchedulerPropertyException missing(
      String key, String storeType, String what, String why) {
    return new InvalidSchedulerPropertyException(
        key,
        storeType,
        "a store type whose connection the application provides; '" + storeType + "' needs " + what,
        key + " is '" + storeType + "', but " + why,
        null);
  }

  private static void rejectUnless(
      boolean applies, String key, @Nullable Object value, JobStoreType type) {
    if (!applies && value != null) {
      throw new InvalidSchedulerPropertyException(
          key,
          value,
          "unset for a " + type.name().toLowerCase(Locale.ROOT) + " store",
          key
              + " does not apply to a job store of type '"
              + type.name().toLowerCase(Locale.ROOT)
              + "', but was '"
              + value
              + "'",
          null);
    }
  }
}
