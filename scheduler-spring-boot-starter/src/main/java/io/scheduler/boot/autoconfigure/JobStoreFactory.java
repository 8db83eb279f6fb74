package io.scheduler.boot.autoconfigure;

import io.scheduler.boot.autoconfigure.SchedulerProperties.JobStoreType;
import io.scheduler.boot.autoconfigure.SchedulerProperties.SchemaInitialization;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStores;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Builds the job stores of {@code scheduler.jobstores.<alias>}: one small method per store type.
 * The {@code jdbc} and {@code redis} methods are where the persistent stores get wired in.
 */
final class JobStoreFactory {

  /** The table prefix of a JDBC store that sets none. */
  static final String DEFAULT_TABLE_PREFIX = "scheduler_";

  /** The key prefix of a Redis store that sets none. */
  static final String DEFAULT_KEY_PREFIX = "scheduler:";

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
              store.getTablePrefix() != null ? store.getTablePrefix() : DEFAULT_TABLE_PREFIX,
              store.getInitializeSchema() != null
                  ? store.getInitializeSchema()
                  : properties.getJdbc().getInitializeSchema());
      case REDIS ->
          redis(alias, store.getKeyPrefix() != null ? store.getKeyPrefix() : DEFAULT_KEY_PREFIX);
    };
  }

  static JobStore memory() {
    return JobStores.memory();
  }

  /**
   * Builds a JDBC store on the application's {@code DataSource}. Not wired yet: the store is being
   * written ({@code JdbcJobStore.builder(dataSource).tablePrefix(prefix)...build()}); until then
   * startup fails naming the key.
   */
  JobStore jdbc(String alias, String tablePrefix, SchemaInitialization initializeSchema) {
    throw notAvailable(alias, JobStoreType.JDBC);
  }

  /**
   * Builds a Redis store on the application's Redis connection. Not wired yet: the store is being
   * written ({@code io.scheduler.boot.redis.RedisJobStore}); until then startup fails naming the
   * key.
   */
  JobStore redis(String alias, String keyPrefix) {
    throw notAvailable(alias, JobStoreType.REDIS);
  }

  private static InvalidSchedulerPropertyException notAvailable(String alias, JobStoreType type) {
    String key = "scheduler.jobstores." + alias + ".type";
    String value = type.name().toLowerCase(Locale.ROOT);
    return new InvalidSchedulerPropertyException(
        key,
        value,
        "memory (the only store type this version of the starter can build)",
        key
            + " is '"
            + value
            + "', but this version of scheduler-spring-boot-starter cannot build "
            + value
            + " job stores yet",
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
