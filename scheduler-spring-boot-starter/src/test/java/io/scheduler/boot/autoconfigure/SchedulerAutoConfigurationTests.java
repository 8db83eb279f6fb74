package io.scheduler.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.SchedulerBuilder;
import io.scheduler.SchedulerState;
import io.scheduler.boot.TestJobs;
import io.scheduler.boot.TestJobs.Recorder;
import io.scheduler.boot.TestJobs.StaticTasks;
import io.scheduler.boot.discovery.BeanTaskResolver;
import io.scheduler.boot.discovery.ScheduledJobAnnotationBeanPostProcessor;
import io.scheduler.boot.discovery.ScheduledJobBeanLazyInitializationExcludeFilter;
import io.scheduler.boot.event.SchedulerEventPublishingListener;
import io.scheduler.boot.lifecycle.SchedulerLifecycle;
import io.scheduler.event.SchedulerStarted;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.jdbc.InitializeSchema;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.Order;

/** The scheduler auto-configuration: conditions, beans and every property. */
class SchedulerAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(SchedulerAutoConfiguration.class))
          .withBean(MutableClock.class, TestJobs::clock);

  @Test
  void createsTheSchedulerAndItsCompanions() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(Scheduler.class);
          assertThat(context).hasSingleBean(SchedulerProperties.class);
          assertThat(context).hasSingleBean(ScheduledJobAnnotationBeanPostProcessor.class);
          assertThat(context).hasSingleBean(ScheduledJobBeanLazyInitializationExcludeFilter.class);
          assertThat(context).hasSingleBean(SchedulerEventPublishingListener.class);
          assertThat(context).hasSingleBean(SchedulerLifecycle.class);
          assertThat(context).getBean(TaskResolver.class).isInstanceOf(BeanTaskResolver.class);
          assertThat(context).getBean("scheduler").isInstanceOf(BackgroundScheduler.class);
          assertThat(context.getBean(Scheduler.class).state()).isEqualTo(SchedulerState.RUNNING);
        });
  }

  @Test
  void enabledFalseCreatesNoBeans() {
    runner
        .withPropertyValues("scheduler.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(Scheduler.class);
              assertThat(context).doesNotHaveBean(SchedulerProperties.class);
              assertThat(context).doesNotHaveBean(TaskResolver.class);
              assertThat(context).doesNotHaveBean(SchedulerLifecycle.class);
              assertThat(context).doesNotHaveBean(ScheduledJobAnnotationBeanPostProcessor.class);
              assertThat(context).doesNotHaveBean(SchedulerEventPublishingListener.class);
            });
  }

  @Test
  void aSchedulerOfTheApplicationWinsAndIsLeftToTheApplicationToStart() {
    ManualScheduler own = ManualScheduler.builder(TestJobs.clock()).build();
    runner
        .withBean("mine", Scheduler.class, () -> own)
        .withPropertyValues(
            "scheduler.jobs.ping.task=" + StaticTasks.class.getName() + "::ping",
            "scheduler.jobs.ping.args=own",
            "scheduler.jobs.ping.interval=10s")
        .run(
            context -> {
              assertThat(context).hasSingleBean(Scheduler.class);
              assertThat(context.getBean(Scheduler.class)).isSameAs(own);
              assertThat(context).hasSingleBean(SchedulerLifecycle.class);
              assertThat(own.state()).isEqualTo(SchedulerState.STOPPED);
              assertThat(own.getJobs()).extracting(Job::id).containsExactly("ping");
            });
    assertThat(own.state()).isEqualTo(SchedulerState.STOPPED);
  }

  @Test
  void twoSchedulersOfTheApplicationGetNoLifecycle() {
    runner
        .withBean("one", Scheduler.class, () -> ManualScheduler.builder(TestJobs.clock()).build())
        .withBean("two", Scheduler.class, () -> ManualScheduler.builder(TestJobs.clock()).build())
        .run(context -> assertThat(context).doesNotHaveBean(SchedulerLifecycle.class));
  }

  @Test
  void theSchedulerThreadKeepsTheApplicationAliveUnlessSetToDaemon() {
    CompletableFuture<Boolean> daemon = new CompletableFuture<>();
    runner
        .withPropertyValues("scheduler.executors.default.type=direct")
        .run(
            context -> {
              context
                  .getBean(Scheduler.class)
                  .addJob(
                      JobSpec.builder()
                          .task(() -> daemon.complete(Thread.currentThread().isDaemon()))
                          .build());
              assertThat(daemon.get(10, TimeUnit.SECONDS)).isFalse();
            });
    CompletableFuture<Boolean> daemonToo = new CompletableFuture<>();
    runner
        .withPropertyValues("scheduler.executors.default.type=direct", "scheduler.daemon=true")
        .run(
            context -> {
              context
                  .getBean(Scheduler.class)
                  .addJob(
                      JobSpec.builder()
                          .task(() -> daemonToo.complete(Thread.currentThread().isDaemon()))
                          .build());
              assertThat(daemonToo.get(10, TimeUnit.SECONDS)).isTrue();
            });
  }

  @Test
  void aTaskResolverOfTheApplicationWins() {
    TaskResolver own = TaskResolver.staticMethods();
    runner
        .withBean(TaskResolver.class, () -> own)
        .run(context -> assertThat(context.getBean(TaskResolver.class)).isSameAs(own));
  }

  @Test
  void customizersAreAppliedInOrderAfterTheProperties() {
    List<String> calls = new ArrayList<>();
    RecordingListener listener = new RecordingListener();
    runner
        .withPropertyValues("scheduler.timezone=UTC")
        .withBean("second", SchedulerCustomizer.class, () -> new Second(calls))
        .withBean(
            "first",
            SchedulerCustomizer.class,
            () ->
                new First(
                    calls,
                    builder -> {
                      builder.listener(listener);
                      builder.timezone(ZoneId.of("Asia/Tokyo"));
                    }))
        .run(
            context -> {
              assertThat(calls).containsExactly("first", "second");
              Scheduler scheduler = context.getBean(Scheduler.class);
              assertThat(scheduler.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
              assertThat(listener.events(SchedulerStarted.class)).hasSize(1);
            });
  }

  @Test
  void usesTheClockBean() {
    runner.run(
        context ->
            assertThat(context.getBean(Scheduler.class).clock())
                .isSameAs(context.getBean(MutableClock.class)));
  }

  @Test
  void usesTheSystemClockWithoutAClockBean() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SchedulerAutoConfiguration.class))
        .withPropertyValues("scheduler.auto-startup=false")
        .run(
            context ->
                assertThat(context.getBean(Scheduler.class).clock())
                    .isEqualTo(Clock.systemDefaultZone()));
  }

  @Test
  void timezoneDefaultsToTheClocksAndCanBeSet() {
    runner.run(
        context ->
            assertThat(context.getBean(Scheduler.class).timezone()).isEqualTo(TestJobs.BERLIN));
    runner
        .withPropertyValues("scheduler.timezone=America/New_York")
        .run(
            context ->
                assertThat(context.getBean(Scheduler.class).timezone())
                    .isEqualTo(ZoneId.of("America/New_York")));
  }

  @Test
  void bindsEveryPropertyWithTheCoreDefaults() {
    runner.run(
        context -> {
          SchedulerProperties properties = context.getBean(SchedulerProperties.class);
          assertThat(properties.isEnabled()).isTrue();
          assertThat(properties.getTimezone()).isNull();
          assertThat(properties.isAutoStartup()).isTrue();
          assertThat(properties.getStartupDelay()).isZero();
          assertThat(properties.isDaemon()).isFalse();
          assertThat(properties.getThreadNamePrefix())
              .isEqualTo(SchedulerBuilder.DEFAULT_THREAD_NAME_PREFIX);
          assertThat(properties.getShutdown().isWait()).isTrue();
          assertThat(properties.getShutdown().getTimeout())
              .isEqualTo(SchedulerBuilder.DEFAULT_SHUTDOWN_TIMEOUT);
          assertThat(properties.getJobDefaults().getCoalesce().policy())
              .isEqualTo(JobDefaults.DEFAULT_COALESCE);
          assertThat(properties.getJobDefaults().getMaxInstances())
              .isEqualTo(JobDefaults.DEFAULT_MAX_INSTANCES);
          assertThat(properties.getJobDefaults().getMisfireGraceTime())
              .isEqualTo(JobDefaults.DEFAULT_MISFIRE_GRACE_TIME);
          assertThat(properties.getJdbc().getInitializeSchema())
              .isEqualTo(InitializeSchema.EMBEDDED);
          assertThat(properties.getJobstores()).isEmpty();
          assertThat(properties.getExecutors()).isEmpty();
          assertThat(properties.getJobs()).isEmpty();
        });
    runner
        .withPropertyValues(
            "scheduler.auto-startup=false",
            "scheduler.startup-delay=5",
            "scheduler.shutdown.wait=false",
            "scheduler.shutdown.timeout=PT2M",
            "scheduler.jdbc.initialize-schema=always",
            "scheduler.jobstores.db.type=jdbc",
            "scheduler.jobstores.db.jdbc.table-prefix=jobs_",
            "scheduler.jobstores.db.jdbc.initialize-schema=never",
            "scheduler.jobstores.cache.type=redis",
            "scheduler.jobstores.cache.redis.key-prefix=app:",
            "scheduler.executors.io.type=virtual-threads",
            "scheduler.executors.io.max-workers=50",
            "scheduler.executors.io.thread-name-prefix=io-")
        .withBean(Scheduler.class, () -> ManualScheduler.builder(TestJobs.clock()).build())
        .run(
            context -> {
              SchedulerProperties properties = context.getBean(SchedulerProperties.class);
              assertThat(properties.isAutoStartup()).isFalse();
              assertThat(properties.getStartupDelay()).isEqualTo(Duration.ofSeconds(5));
              assertThat(properties.getShutdown().isWait()).isFalse();
              assertThat(properties.getShutdown().getTimeout()).isEqualTo(Duration.ofMinutes(2));
              assertThat(properties.getJdbc().getInitializeSchema())
                  .isEqualTo(InitializeSchema.ALWAYS);
              JobStoreProperties db = properties.getJobstores().get("db");
              assertThat(db.getType()).isEqualTo(SchedulerProperties.JobStoreType.JDBC);
              assertThat(db.getJdbc().getTablePrefix()).isEqualTo("jobs_");
              assertThat(db.getJdbc().getInitializeSchema()).isEqualTo(InitializeSchema.NEVER);
              assertThat(properties.getJobstores().get("cache").getRedis().getKeyPrefix())
                  .isEqualTo("app:");
              ExecutorProperties io = properties.getExecutors().get("io");
              assertThat(io.getType()).isEqualTo(SchedulerProperties.ExecutorType.VIRTUAL_THREADS);
              assertThat(io.getMaxWorkers()).isEqualTo(50);
              assertThat(io.getThreadNamePrefix()).isEqualTo("io-");
            });
  }

  @Test
  void buildsTheConfiguredExecutorsAndStores() {
    Recorder recorder = new Recorder();
    runner
        .withBean("recorder", Recorder.class, () -> recorder)
        .withPropertyValues(
            "scheduler.thread-name-prefix=sched-",
            "scheduler.jobstores.default.type=memory",
            "scheduler.jobstores.other.type=memory",
            "scheduler.executors.default.type=thread-pool",
            "scheduler.executors.default.max-workers=2",
            "scheduler.executors.default.thread-name-prefix=worker-",
            "scheduler.executors.inline.type=direct")
        .run(
            context -> {
              Scheduler scheduler = context.getBean(Scheduler.class);
              scheduler.addJob(JobSpec.builder().id("pooled").task("bean:recorder#run").build());
              assertThat(recorder.next()).isEqualTo("run");
              scheduler.addJob(
                  JobSpec.builder()
                      .id("inline")
                      .task("bean:recorder#run")
                      .jobStore("other")
                      .executor("inline")
                      .build());
              assertThat(recorder.next()).isEqualTo("run");
              assertThat(recorder.threads())
                  .satisfiesExactly(
                      pooled -> assertThat(pooled).startsWith("worker-"),
                      inline -> assertThat(inline).isEqualTo("sched-main"));
            });
  }

  @Test
  void appliesTheJobDefaults() {
    runner
        .withPropertyValues(
            "scheduler.job-defaults.coalesce=false",
            "scheduler.job-defaults.max-instances=3",
            "scheduler.job-defaults.misfire-grace-time=30")
        .run(
            context -> {
              Job job = addIdleJob(context.getBean(Scheduler.class));
              assertThat(job.coalesce()).isEqualTo(CoalescePolicy.ALL);
              assertThat(job.maxInstances()).isEqualTo(3);
              assertThat(job.misfireGraceTime()).contains(Duration.ofSeconds(30));
            });
    runner
        .withPropertyValues(
            "scheduler.job-defaults.coalesce=earliest",
            "scheduler.job-defaults.misfire-grace-time=-1")
        .run(
            context -> {
              Job job = addIdleJob(context.getBean(Scheduler.class));
              assertThat(job.coalesce()).isEqualTo(CoalescePolicy.EARLIEST);
              assertThat(job.misfireGraceTime()).isEmpty();
            });
  }

  @Test
  void registersAndRunsDeclaredJobs() {
    Recorder recorder = new Recorder();
    Recorder greeter = new Recorder();
    StaticTasks.RUNS.clear();
    runner
        .withBean("recorder", Recorder.class, () -> recorder)
        .withBean("greeter", Recorder.class, () -> greeter)
        .withPropertyValues(
            "scheduler.executors.default.type=direct",
            "scheduler.jobs.every-ten.task=bean:recorder#run",
            "scheduler.jobs.every-ten.interval=10s",
            "scheduler.jobs.greeting.task=bean:greeter#greet",
            "scheduler.jobs.greeting.cron=0 10 * * *",
            "scheduler.jobs.greeting.args=Ada",
            "scheduler.jobs.greeting.kwargs.times=2",
            "scheduler.jobs.greeting.name=Greeting",
            "scheduler.jobs.greeting.max-instances=2",
            "scheduler.jobs.greeting.coalesce=all",
            "scheduler.jobs.greeting.misfire-grace-time=1m",
            "scheduler.jobs.weekdays.task=" + StaticTasks.class.getName() + "::ping",
            "scheduler.jobs.weekdays.args=weekday",
            "scheduler.jobs.weekdays.trigger=cron",
            "scheduler.jobs.weekdays.trigger-options.day-of-week=mon-fri",
            "scheduler.jobs.weekdays.trigger-options.hour=9",
            "scheduler.jobs.weekdays.trigger-options.minute=30",
            "scheduler.jobs.paused.task=bean:recorder#run",
            "scheduler.jobs.paused.interval=1s",
            "scheduler.jobs.paused.paused=true")
        .run(
            context -> {
              Scheduler scheduler = context.getBean(Scheduler.class);
              MutableClock clock = context.getBean(MutableClock.class);
              assertThat(scheduler.getJobs())
                  .extracting(Job::id)
                  .containsExactlyInAnyOrder("every-ten", "greeting", "weekdays", "paused");
              Job greeting = scheduler.getJob("greeting").orElseThrow();
              assertThat(greeting.name()).isEqualTo("Greeting");
              assertThat(greeting.maxInstances()).isEqualTo(2);
              assertThat(greeting.coalesce()).isEqualTo(CoalescePolicy.ALL);
              assertThat(greeting.misfireGraceTime()).contains(Duration.ofMinutes(1));
              assertThat(greeting.args()).containsExactly("Ada");
              assertThat(greeting.kwargs()).isEqualTo(Map.of("times", "2"));
              assertThat(greeting.nextRunTime()).contains(TestJobs.START.plusSeconds(3600));
              assertThat(scheduler.getJob("weekdays").orElseThrow().nextRunTime())
                  .contains(TestJobs.START.plusSeconds(30 * 60));
              assertThat(scheduler.getJob("paused").orElseThrow().nextRunTime()).isEmpty();

              clock.advance(Duration.ofSeconds(10));
              assertThat(recorder.next()).isEqualTo("run");
              clock.setInstant(TestJobs.START.plus(Duration.ofMinutes(30)));
              assertThat(StaticTasks.RUNS.poll(10, TimeUnit.SECONDS)).isEqualTo("weekday");
              clock.setInstant(TestJobs.START.plus(Duration.ofHours(1)));
              assertThat(greeter.next()).isEqualTo("greet Ada x2");
            });
  }

  @Test
  void declaredJobsReplaceStoredOnesWithTheSameId() {
    runner
        .withBean("recorder", Recorder.class, Recorder::new)
        .withPropertyValues(
            "scheduler.auto-startup=false",
            "scheduler.jobs.report.task=bean:recorder#run",
            "scheduler.jobs.report.interval=10s")
        .run(
            context -> {
              Scheduler scheduler = context.getBean(Scheduler.class);
              scheduler.addJob(
                  JobSpec.builder()
                      .id("report")
                      .task(() -> {})
                      .trigger("interval", Map.of("hours", 1))
                      .build());
              context.getBean(SchedulerLifecycle.class).start();
              assertThat(scheduler.getJobs()).hasSize(1);
              assertThat(scheduler.getJob("report").orElseThrow().taskRef())
                  .hasValueSatisfying(
                      ref -> assertThat(ref.value()).isEqualTo("bean:recorder#run"));
            });
  }

  private static Job addIdleJob(Scheduler scheduler) {
    return scheduler.addJob(
        JobSpec.builder().task(() -> {}).trigger("interval", Map.of("hours", 1)).build());
  }

  @Order(1)
  private record First(List<String> calls, SchedulerCustomizer then)
      implements SchedulerCustomizer {
    @Override
    public void customize(SchedulerBuilder<?> builder) {
      calls.add("first");
      then.customize(builder);
    }
  }

  @Order(2)
  private record Second(List<String> calls) implements SchedulerCustomizer {
    @Override
    public void customize(SchedulerBuilder<?> builder) {
      calls.add("second");
    }
  }
}
