package io.scheduler.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.Scheduler;
import io.scheduler.boot.TestJobs;
import io.scheduler.boot.redis.RedisJobStore;
import io.scheduler.job.Job;
import io.scheduler.store.jdbc.JdbcJobStore;
import io.scheduler.testing.MutableClock;
import io.scheduler.testservers.TestServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * {@code scheduler.jobstores.<alias>.type=jdbc|redis}: the stores are built on the application's
 * {@code DataSource} or {@code RedisConnectionFactory}, and declared jobs are persisted in them.
 */
class PersistentJobStoreWiringTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(SchedulerAutoConfiguration.class))
          .withBean(MutableClock.class, TestJobs::clock)
          .withPropertyValues(
              "scheduler.auto-startup=true",
              "scheduler.jobs.ping.task=" + TestJobs.StaticTasks.class.getName() + "::ping",
              "scheduler.jobs.ping.args=db",
              "scheduler.jobs.ping.interval=1h");

  private static DataSource h2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  @Test
  void aJdbcStoreIsBuiltOnTheDataSourceWithItsTablesAndHoldsTheDeclaredJobs() {
    runner
        .withBean(DataSource.class, PersistentJobStoreWiringTests::h2)
        .withPropertyValues(
            "scheduler.jobstores.default.type=jdbc",
            "scheduler.jobstores.default.jdbc.table-prefix=app_")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              Scheduler scheduler = context.getBean(Scheduler.class);
              assertThat(scheduler.jobStores().get("default")).isInstanceOf(JdbcJobStore.class);
              Job stored = scheduler.jobStores().get("default").lookupJob("ping").orElseThrow();
              assertThat(stored.taskRef().orElseThrow().value()).endsWith("StaticTasks::ping");
              try (var connection = context.getBean(DataSource.class).getConnection();
                  var rows = connection.createStatement().executeQuery("select id from app_jobs")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("ping");
              }
            });
  }

  @Test
  void leaseTimeAndPollIntervalAreSetPerStore() {
    runner
        .withBean(DataSource.class, PersistentJobStoreWiringTests::h2)
        .withPropertyValues(
            "scheduler.jobstores.default.type=jdbc",
            "scheduler.jobstores.default.jdbc.lease-time=2m",
            "scheduler.jobstores.default.jdbc.poll-interval=PT3S")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              JdbcJobStore store =
                  (JdbcJobStore) context.getBean(Scheduler.class).jobStores().get("default");
              assertThat(store.leaseTime()).isEqualTo(Duration.ofMinutes(2));
              assertThat(store.pollInterval()).isEqualTo(Duration.ofSeconds(3));
            });
  }

  @Test
  void aLeaseSettingOfAnotherTypeOrNotPositiveFailsNamingTheKey() {
    runner
        .withBean(DataSource.class, PersistentJobStoreWiringTests::h2)
        .withPropertyValues(
            "scheduler.jobstores.default.type=jdbc",
            "scheduler.jobstores.default.redis.lease-time=2m")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "scheduler.jobstores.default.redis.lease-time does not apply to a job"
                            + " store of type 'jdbc', but was 'PT2M'"));
    runner
        .withBean(DataSource.class, PersistentJobStoreWiringTests::h2)
        .withPropertyValues(
            "scheduler.jobstores.default.type=jdbc",
            "scheduler.jobstores.default.jdbc.poll-interval=0s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "scheduler.jobstores.default.jdbc.poll-interval must be a positive"
                            + " duration, such as 30s, but was 'PT0S'"));
  }

  @Test
  void aJdbcStoreWithoutADataSourceFailsNamingTheKey() {
    runner
        .withPropertyValues("scheduler.jobstores.db.type=jdbc")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("scheduler.jobstores.db.type is 'jdbc'")
                    .hasMessageContaining("no single DataSource bean"));
  }

  @Test
  void aRedisStoreIsBuiltOnTheConnectionFactoryAndHoldsTheDeclaredJobs() {
    String prefix = "wiring-" + UUID.randomUUID() + ":";
    runner
        .withBean(RedisConnectionFactory.class, PersistentJobStoreWiringTests::redis)
        .withPropertyValues(
            "scheduler.jobstores.default.type=redis",
            "scheduler.jobstores.default.redis.key-prefix=" + prefix)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              Scheduler scheduler = context.getBean(Scheduler.class);
              assertThat(scheduler.jobStores().get("default")).isInstanceOf(RedisJobStore.class);
              assertThat(scheduler.getJob("ping")).isPresent();
              try (RedisConnection connection =
                  context.getBean(RedisConnectionFactory.class).getConnection()) {
                Set<byte[]> keys =
                    connection.keyCommands().keys((prefix + "*").getBytes(StandardCharsets.UTF_8));
                assertThat(keys).isNotEmpty();
                connection.keyCommands().del(keys.toArray(new byte[0][]));
              }
            });
  }

  private static LettuceConnectionFactory redis() {
    LettuceConnectionFactory connections =
        new LettuceConnectionFactory(
            LettuceConnectionFactory.createRedisConfiguration(TestServers.redisUrl()));
    connections.afterPropertiesSet();
    connections.start();
    return connections;
  }

  @Test
  void aRedisStoreWithoutAConnectionFactoryFailsNamingTheKey() {
    runner
        .withPropertyValues("scheduler.jobstores.cache.type=redis")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("scheduler.jobstores.cache.type is 'redis'")
                    .hasMessageContaining("no single RedisConnectionFactory bean"));
  }
}
