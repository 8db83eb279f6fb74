package io.scheduler.boot.autoconfigure;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.SchedulerBuilder;
import io.scheduler.boot.autoconfigure.SchedulerProperties.JobStoreType;
import io.scheduler.boot.discovery.BeanTaskResolver;
import io.scheduler.boot.discovery.ScheduledJobAnnotationBeanPostProcessor;
import io.scheduler.boot.discovery.ScheduledJobBeanLazyInitializationExcludeFilter;
import io.scheduler.boot.event.SchedulerEventPublishingListener;
import io.scheduler.boot.lifecycle.SchedulerLifecycle;
import io.scheduler.boot.redis.RedisJobStore;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.jdbc.JdbcJobStore;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration of the scheduler: a {@link BackgroundScheduler} built from {@code scheduler.*}
 * properties and {@link SchedulerCustomizer} beans, a {@link TaskResolver} for {@code bean:} task
 * references, discovery of {@code @ScheduledJob} methods, the jobs of {@code scheduler.jobs}, a
 * {@link SchedulerLifecycle} that starts and stops the scheduler with the context, and the bridge
 * that publishes scheduler events as application events.
 *
 * <p>A {@link Scheduler} bean of the application's own replaces the built one; it still receives
 * the declared and discovered jobs when the context is refreshed, but the application starts and
 * shuts it down (the starter only manages the scheduler it builds), and it gets no customizers and
 * no event bridge.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration"
    })
@ConditionalOnBooleanProperty(name = "scheduler.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SchedulerProperties.class)
public final class SchedulerAutoConfiguration {

  /**
   * Checks the {@code scheduler.*} keys before any of the scheduler's beans is built.
   *
   * @param environment the application's environment
   * @throws InvalidSchedulerPropertyException for a key no property reads
   */
  public SchedulerAutoConfiguration(Environment environment) {
    UnknownSchedulerProperties.check(environment);
  }

  /**
   * Reads the {@code scheduler.*} durations with the core's grammar.
   *
   * @return the converter, used only for the starter's own duration properties
   */
  @Bean
  @ConfigurationPropertiesBinding
  @ConditionalOnMissingBean
  static SchedulerDurationConverter schedulerDurationConverter() {
    return new SchedulerDurationConverter();
  }

  /**
   * Discovers {@code @ScheduledJob} methods.
   *
   * @return the post-processor
   */
  @Bean
  @ConditionalOnMissingBean
  static ScheduledJobAnnotationBeanPostProcessor scheduledJobAnnotationBeanPostProcessor() {
    return new ScheduledJobAnnotationBeanPostProcessor();
  }

  /**
   * Keeps beans with {@code @ScheduledJob} methods eager under lazy initialization.
   *
   * @return the filter
   */
  @Bean
  @ConditionalOnMissingBean
  static ScheduledJobBeanLazyInitializationExcludeFilter
      scheduledJobBeanLazyInitializationExcludeFilter() {
    return new ScheduledJobBeanLazyInitializationExcludeFilter();
  }

  /**
   * Resolves {@code bean:name#method} references against the context, others as static methods.
   *
   * @param beanFactory the context's bean factory
   * @return the resolver
   */
  @Bean
  @ConditionalOnMissingBean
  TaskResolver schedulerTaskResolver(ListableBeanFactory beanFactory) {
    return new BeanTaskResolver(beanFactory);
  }

  /**
   * Publishes scheduler events as application events.
   *
   * @param publisher the context
   * @return the listener, added to the built scheduler
   */
  @Bean
  @ConditionalOnMissingBean
  SchedulerEventPublishingListener schedulerEventPublishingListener(
      ApplicationEventPublisher publisher) {
    return new SchedulerEventPublishingListener(publisher);
  }

  /**
   * Drives a {@link Scheduler} bean of the application's own: registers the declared and discovered
   * jobs, leaves starting and stopping to the application.
   *
   * @param scheduler the application's scheduler
   * @param properties the properties
   * @param discovery the {@code @ScheduledJob} post-processor
   * @return the lifecycle
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnSingleCandidate(Scheduler.class)
  SchedulerLifecycle schedulerLifecycle(
      Scheduler scheduler,
      SchedulerProperties properties,
      ObjectProvider<ScheduledJobAnnotationBeanPostProcessor> discovery) {
    return lifecycle(scheduler, properties, discovery, false);
  }

  static SchedulerLifecycle lifecycle(
      Scheduler scheduler,
      SchedulerProperties properties,
      ObjectProvider<ScheduledJobAnnotationBeanPostProcessor> discovery,
      boolean startsScheduler) {
    DeclarativeJobs declared = DeclarativeJobs.of(properties.getJobs(), scheduler.timezone());
    SchedulerLifecycle.Settings settings =
        new SchedulerLifecycle.Settings(
            startsScheduler,
            properties.isAutoStartup(),
            properties.getStartupDelay(),
            properties.getShutdown().isWait(),
            SchedulerLifecycle.DEFAULT_PHASE);
    return new SchedulerLifecycle(
        scheduler,
        target -> {
          ScheduledJobAnnotationBeanPostProcessor annotated = discovery.getIfAvailable();
          Map<String, JobSpec> discovered = annotated != null ? annotated.getJobs() : Map.of();
          Set<String> clashing = new TreeSet<>(declared.specs().keySet());
          clashing.retainAll(discovered.keySet());
          if (!clashing.isEmpty()) {
            String id = clashing.iterator().next();
            throw new InvalidSchedulerPropertyException(
                DeclarativeJobs.key(id, ""),
                id,
                "a job id no @ScheduledJob method uses",
                "job id '"
                    + id
                    + "' of "
                    + DeclarativeJobs.key(id, "")
                    + " is also used by @ScheduledJob method "
                    + discovered.get(id).taskRef()
                    + "; rename one of them",
                null);
          }
          declared.register(target);
          if (annotated != null) {
            annotated.registerJobs(target);
          }
        },
        settings);
  }

  /** The scheduler the starter builds and manages, unless the application defines its own. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(Scheduler.class)
  static class BuiltSchedulerConfiguration {

    /**
     * Builds the scheduler from the properties, then applies every customizer in order.
     *
     * @param properties the properties
     * @param taskResolver the task resolver
     * @param clock the clock bean, if there is one (otherwise the system clock)
     * @param events the event bridge
     * @param customizers the customizers
     * @param jdbcStores builds 'jdbc' stores, when the application has a {@code DataSource}
     * @param redisStores builds 'redis' stores, when it has a {@code RedisConnectionFactory}
     * @return the scheduler, not started; created after the database is initialized (Flyway,
     *     Liquibase, {@code spring.sql.init}), so a JDBC store finds its migrated tables
     */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    Scheduler scheduler(
        SchedulerProperties properties,
        TaskResolver taskResolver,
        ObjectProvider<Clock> clock,
        ObjectProvider<SchedulerEventPublishingListener> events,
        ObjectProvider<SchedulerCustomizer> customizers,
        ObjectProvider<JobStoreFactory.JdbcStores> jdbcStores,
        ObjectProvider<JobStoreFactory.RedisStores> redisStores) {
      SchedulerBuilder<BackgroundScheduler> builder = BackgroundScheduler.builder();
      clock.ifAvailable(builder::clock);
      JobStoreFactory stores =
          new JobStoreFactory(
              properties, jdbcStores.getIfAvailable(), redisStores.getIfAvailable());
      new SchedulerConfigurer(properties, stores).configure(builder);
      builder.taskResolver(taskResolver);
      events.ifAvailable(listener -> builder.listener(listener));
      customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
      return builder.build();
    }

    /**
     * Starts the built scheduler when the context is refreshed (after registering the declared and
     * discovered jobs) and shuts it down gracefully when the context closes.
     *
     * @param scheduler the scheduler
     * @param properties the properties
     * @param discovery the {@code @ScheduledJob} post-processor
     * @return the lifecycle
     */
    @Bean
    @ConditionalOnMissingBean
    SchedulerLifecycle schedulerLifecycle(
        Scheduler scheduler,
        SchedulerProperties properties,
        ObjectProvider<ScheduledJobAnnotationBeanPostProcessor> discovery) {
      return lifecycle(scheduler, properties, discovery, true);
    }
  }

  /** Builds 'jdbc' job stores on the application's one (or primary) {@link DataSource}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(DataSource.class)
  @ConditionalOnSingleCandidate(DataSource.class)
  static class JdbcJobStoreConfiguration {

    /**
     * Builds the JDBC stores of {@code scheduler.jobstores}.
     *
     * @param dataSource the application's data source
     * @return the store factory
     */
    @Bean
    @ConditionalOnMissingBean
    JobStoreFactory.JdbcStores schedulerJdbcStores(ObjectProvider<DataSource> dataSource) {
      return (alias, tablePrefix, initializeSchema, leases) ->
          JdbcJobStore.builder(JobStoreFactory.connection(alias, JobStoreType.JDBC, dataSource))
              .tablePrefix(tablePrefix)
              .initializeSchema(initializeSchema)
              .leases(leases)
              .build();
    }
  }

  /** Builds 'redis' job stores on the application's one (or primary) connection factory. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RedisConnectionFactory.class)
  @ConditionalOnSingleCandidate(RedisConnectionFactory.class)
  static class RedisJobStoreConfiguration {

    /**
     * Builds the Redis stores of {@code scheduler.jobstores}.
     *
     * @param connectionFactory the application's connection factory
     * @return the store factory
     */
    @Bean
    @ConditionalOnMissingBean
    JobStoreFactory.RedisStores schedulerRedisStores(
        ObjectProvider<RedisConnectionFactory> connectionFactory) {
      return (alias, keyPrefix, leases) ->
          RedisJobStore.builder(
                  JobStoreFactory.connection(alias, JobStoreType.REDIS, connectionFactory))
              .keyPrefix(keyPrefix != null ? keyPrefix : RedisJobStore.DEFAULT_KEY_PREFIX)
              .leases(leases)
              .build();
    }
  }
}
