package io.scheduler.boot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.Scheduler;
import io.scheduler.boot.TestJobs;
import io.scheduler.boot.annotation.ScheduledJob;
import io.scheduler.boot.autoconfigure.SchedulerAutoConfiguration;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.Job;
import io.scheduler.job.TaskContext;
import io.scheduler.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;

/** {@code @ScheduledJob} discovery: attributes, placeholders, proxies, lazy init and errors. */
class ScheduledJobDiscoveryTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(SchedulerAutoConfiguration.class))
          .withBean(MutableClock.class, TestJobs::clock)
          .withPropertyValues("scheduler.executors.default.type=direct");

  @Test
  void registersAnAnnotatedMethodAsABeanReferenceJobAndRunsIt() {
    runner
        .withBean("reports", Reports.class, Reports::new)
        .run(
            context -> {
              Scheduler scheduler = context.getBean(Scheduler.class);
              Job job = scheduler.getJob("reports.everyTenSeconds").orElseThrow();
              assertThat(job.taskRef())
                  .hasValueSatisfying(
                      ref -> assertThat(ref.value()).isEqualTo("bean:reports#everyTenSeconds"));
              assertThat(job.nextRunTime()).contains(TestJobs.START.plusSeconds(10));
              context.getBean(MutableClock.class).advance(Duration.ofSeconds(10));
              assertThat(poll(context.getBean(Reports.class).runs))
                  .isEqualTo("every ten seconds for reports.everyTenSeconds");
            });
  }

  @Test
  void resolvesPlaceholdersAndDurations() {
    runner
        .withBean("placeholders", Placeholders.class, Placeholders::new)
        .withPropertyValues(
            "jobs.cron=0 6 * * *", "jobs.zone=America/New_York", "jobs.grace=2m", "jobs.id=nightly")
        .run(
            context -> {
              Scheduler scheduler = context.getBean(Scheduler.class);
              Job nightly = scheduler.getJob("nightly").orElseThrow();
              assertThat(nightly.nextRunTime())
                  .contains(java.time.Instant.parse("2026-03-02T11:00:00Z"));
              assertThat(nightly.misfireGraceTime()).contains(Duration.ofMinutes(2));
              Job iso = scheduler.getJob("placeholders.iso").orElseThrow();
              assertThat(iso.nextRunTime()).contains(TestJobs.START.plus(Duration.ofMinutes(5)));
              assertThat(iso.misfireGraceTime()).isEmpty();
              Job bare = scheduler.getJob("placeholders.bareSeconds").orElseThrow();
              assertThat(bare.nextRunTime()).contains(TestJobs.START.plusSeconds(90));
              Job defaulted = scheduler.getJob("placeholders.defaulted").orElseThrow();
              assertThat(defaulted.nextRunTime()).contains(TestJobs.START.plusSeconds(45));
            });
  }

  @Test
  void appliesCronFieldsDatesAndJobOptions() {
    runner
        .withBean("options", Options.class, Options::new)
        .withPropertyValues(
            "scheduler.jobstores.archive.type=memory", "scheduler.executors.slow.max-workers=1")
        .run(
            context -> {
              Scheduler scheduler = context.getBean(Scheduler.class);
              Job fields = scheduler.getJob("weekday-morning").orElseThrow();
              assertThat(fields.trigger().toString())
                  .contains("day_of_week='mon-fri'", "hour='5'", "minute='30'");
              assertThat(fields.name()).isEqualTo("Weekday morning");
              assertThat(fields.coalesce()).isEqualTo(CoalescePolicy.EARLIEST);
              assertThat(fields.maxInstances()).isEqualTo(3);
              assertThat(fields.jobStore()).isEqualTo("archive");
              assertThat(fields.executor()).isEqualTo("slow");
              assertThat(scheduler.getJob("options.once").orElseThrow().nextRunTime())
                  .contains(java.time.Instant.parse("2026-03-03T09:00:00Z"));
            });
  }

  @Test
  void passesTheTaskContext() {
    runner
        .withBean("reports", Reports.class, Reports::new)
        .run(
            context -> {
              context.getBean(MutableClock.class).advance(Duration.ofSeconds(10));
              assertThat(poll(context.getBean(Reports.class).runs)).startsWith("every ten");
            });
  }

  @Test
  void repeatedAnnotationsMakeOneJobEach() {
    runner
        .withBean("repeated", Repeated.class, Repeated::new)
        .run(
            context ->
                assertThat(context.getBean(Scheduler.class).getJobs())
                    .extracting(Job::id)
                    .containsExactlyInAnyOrder("weekdays", "weekends"));
  }

  @Test
  void runsThroughAClassProxy() {
    AtomicInteger advised = new AtomicInteger();
    BlockingQueue<String> runs = new LinkedBlockingQueue<>();
    runner
        .withBean("reports", Reports.class, () -> new Reports(runs))
        .withBean(
            "proxying",
            BeanPostProcessor.class,
            () -> new Proxying("reports", true, advised),
            definition -> definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE))
        .run(
            context -> {
              assertThat(
                      org.springframework.aop.support.AopUtils.isCglibProxy(
                          context.getBean("reports")))
                  .isTrue();
              context.getBean(MutableClock.class).advance(Duration.ofSeconds(10));
              assertThat(poll(runs)).startsWith("every ten");
              assertThat(advised).hasPositiveValue();
            });
  }

  @Test
  void runsThroughAnInterfaceProxy() {
    AtomicInteger advised = new AtomicInteger();
    BlockingQueue<String> runs = new LinkedBlockingQueue<>();
    runner
        .withBean("tasks", Tasks.class, () -> new TasksImpl(runs))
        .withBean(
            "proxying",
            BeanPostProcessor.class,
            () -> new Proxying("tasks", false, advised),
            definition -> definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE))
        .run(
            context -> {
              assertThat(
                      org.springframework.aop.support.AopUtils.isJdkDynamicProxy(
                          context.getBean("tasks")))
                  .isTrue();
              assertThat(context.getBean(Scheduler.class).getJob("tasks.tick")).isPresent();
              context.getBean(MutableClock.class).advance(Duration.ofSeconds(5));
              assertThat(poll(runs)).isEqualTo("tick");
              assertThat(advised).hasPositiveValue();
            });
  }

  @Test
  void worksUnderLazyInitialization() {
    runner
        .withInitializer(
            context ->
                context.addBeanFactoryPostProcessor(
                    new LazyInitializationBeanFactoryPostProcessor()))
        .withBean("reports", Reports.class, Reports::new)
        .withBean("unrelated", StringBuilder.class, StringBuilder::new)
        .run(
            context -> {
              assertThat(context.getBeanFactory().getBeanDefinition("unrelated").isLazyInit())
                  .isTrue();
              assertThat(context.getBeanFactory().getBeanDefinition("reports").isLazyInit())
                  .isFalse();
              assertThat(context.getBean(Scheduler.class).getJob("reports.everyTenSeconds"))
                  .isPresent();
            });
  }

  @Test
  void rejectsDuplicateIds() {
    runner
        .withBean("first", Duplicate.class, Duplicate::new)
        .withBean("second", Duplicate.class, Duplicate::new)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(InvalidScheduledJobException.class)
                    .hasMessage(
                        "Encountered invalid @ScheduledJob method 'report' of bean 'second': job"
                            + " id 'report' is already used by @ScheduledJob method 'report' of"
                            + " bean 'first'; give one of them another id"));
  }

  @Test
  void rejectsAnIdUsedByADeclaredJob() {
    runner
        .withBean("reports", Reports.class, Reports::new)
        .withPropertyValues(
            "scheduler.jobs[reports.everyTenSeconds].task=bean:reports#everyTenSeconds",
            "scheduler.jobs[reports.everyTenSeconds].interval=1h")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "job id 'reports.everyTenSeconds' of scheduler.jobs.reports.everyTenSeconds"
                            + " is also used by @ScheduledJob method bean:reports#everyTenSeconds"));
  }

  @Test
  void rejectsInvalidSignatures() {
    assertInvalid(
        WithParameter.class,
        "Encountered invalid @ScheduledJob method 'report' of bean 'invalid': a @ScheduledJob"
            + " method may only take TaskContext parameters, but it takes [String]");
    assertInvalid(
        Overloaded.class,
        "Encountered invalid @ScheduledJob method 'report' of bean 'invalid': its task reference"
            + " would be ambiguous");
  }

  @Test
  void rejectsAnythingButExactlyOneTrigger() {
    assertInvalid(
        NoTrigger.class,
        "Encountered invalid @ScheduledJob method 'report' of bean 'invalid': exactly one trigger"
            + " must be given (cron, interval, date, or cron fields such as hour), but none was");
    assertInvalid(
        CronAndFields.class,
        "exactly one trigger must be given (cron, interval, date, or cron fields such as hour),"
            + " but found cron and cron fields [hour]");
  }

  @Test
  void rejectsBadAttributeValues() {
    assertInvalid(BadCron.class, "invalid cron trigger: cron field 'hour'");
    assertInvalid(BadCron.class, "(attribute 'hour')");
    assertInvalid(
        BadInterval.class,
        "attribute 'interval' must be a duration such as 10s, 500ms, 5m or PT10S (a bare number"
            + " is seconds), but was 'often'");
    assertInvalid(BadMaxInstances.class, "attribute 'maxInstances' must be a positive integer");
    assertInvalid(RepeatedWithoutIds.class, "a repeated @ScheduledJob needs an explicit id");
    assertInvalid(BadZone.class, "(attribute 'zone')");
  }

  @Test
  void rejectsNonSingletonBeans() {
    runner
        .withBean(
            "invalid",
            Reports.class,
            Reports::new,
            definition -> definition.setScope(BeanDefinition.SCOPE_PROTOTYPE))
        .run(
            context ->
                assertThatThrownBy(() -> context.getBean("invalid"))
                    .hasStackTraceContaining(
                        "Encountered invalid @ScheduledJob method 'everyTenSeconds' of bean"
                            + " 'invalid': its bean must be a singleton, but has scope"
                            + " 'prototype'"));
  }

  @Test
  void aJobInAnUnknownStoreFailsTheStart() {
    runner
        .withBean("invalid", InUnknownStore.class, InUnknownStore::new)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "job 'invalid.report' names job store 'nowhere', which is not configured"));
  }

  private void assertInvalid(Class<?> type, String message) {
    runner
        .withBean("invalid", Object.class, () -> newInstance(type))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(message)
                    .hasStackTraceContaining(InvalidScheduledJobException.class.getName()));
  }

  private static Object newInstance(Class<?> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String poll(BlockingQueue<String> runs) throws InterruptedException {
    String run = runs.poll(TestJobs.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(run).as("a run within " + TestJobs.TIMEOUT).isNotNull();
    return run;
  }

  static class Reports {
    final BlockingQueue<String> runs;

    Reports() {
      this(new LinkedBlockingQueue<>());
    }

    Reports(BlockingQueue<String> runs) {
      this.runs = runs;
    }

    @ScheduledJob(interval = "10s")
    void everyTenSeconds(TaskContext context) {
      runs.add("every ten seconds for " + context.jobId());
    }
  }

  static class Placeholders {
    @ScheduledJob(
        id = "${jobs.id}",
        cron = "${jobs.cron}",
        zone = "${jobs.zone}",
        misfireGraceTime = "${jobs.grace}")
    void nightly() {}

    @ScheduledJob(interval = "PT5M", misfireGraceTime = "none")
    void iso() {}

    @ScheduledJob(interval = "90")
    void bareSeconds() {}

    @ScheduledJob(interval = "${jobs.missing:45s}")
    void defaulted() {}
  }

  static class Options {
    @ScheduledJob(
        id = "weekday-morning",
        name = "Weekday morning",
        dayOfWeek = "mon-fri",
        hour = "5",
        minute = "30",
        coalesce = "earliest",
        maxInstances = "3",
        jobstore = "archive",
        executor = "slow",
        jitter = "10s")
    void morning() {}

    @ScheduledJob(date = "2026-03-03 10:00:00")
    void once() {}
  }

  static class Repeated {
    @ScheduledJob(id = "weekdays", dayOfWeek = "mon-fri", hour = "6")
    @ScheduledJob(id = "weekends", dayOfWeek = "sat,sun", hour = "9")
    void report() {}
  }

  static class InUnknownStore {
    @ScheduledJob(interval = "1m", jobstore = "nowhere")
    void report() {}
  }

  static class Duplicate {
    @ScheduledJob(id = "report", interval = "1m")
    void report() {}
  }

  static class WithParameter {
    @ScheduledJob(interval = "1m")
    void report(String what) {}
  }

  static class Overloaded {
    @ScheduledJob(interval = "1m")
    void report() {}

    void report(TaskContext context) {}
  }

  static class NoTrigger {
    @ScheduledJob(name = "no trigger")
    void report() {}
  }

  static class CronAndFields {
    @ScheduledJob(cron = "@daily", hour = "5")
    void report() {}
  }

  static class BadCron {
    @ScheduledJob(hour = "24")
    void report() {}
  }

  static class BadInterval {
    @ScheduledJob(interval = "often")
    void report() {}
  }

  static class BadMaxInstances {
    @ScheduledJob(interval = "1m", maxInstances = "0")
    void report() {}
  }

  static class RepeatedWithoutIds {
    @ScheduledJob(interval = "1m")
    @ScheduledJob(interval = "2m")
    void report() {}
  }

  static class BadZone {
    @ScheduledJob(interval = "1m", zone = "Mars/Olympus")
    void report() {}
  }

  /** A bean behind an interface, for JDK proxies. */
  interface Tasks {
    void tick();
  }

  static class TasksImpl implements Tasks {
    private final BlockingQueue<String> runs;

    TasksImpl(BlockingQueue<String> runs) {
      this.runs = runs;
    }

    @Override
    @ScheduledJob(interval = "5s")
    public void tick() {
      runs.add("tick");
    }
  }

  /** Wraps one bean in a proxy whose advice counts calls, as {@code @Transactional} would. */
  static final class Proxying implements BeanPostProcessor, Ordered {
    private final String beanName;
    private final boolean proxyTargetClass;
    private final AtomicInteger advised;

    Proxying(String beanName, boolean proxyTargetClass, AtomicInteger advised) {
      this.beanName = beanName;
      this.proxyTargetClass = proxyTargetClass;
      this.advised = advised;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
      if (!name.equals(beanName)) {
        return bean;
      }
      ProxyFactory factory = new ProxyFactory(bean);
      factory.setProxyTargetClass(proxyTargetClass);
      factory.addAdvice(
          (MethodInterceptor)
              invocation -> {
                advised.incrementAndGet();
                return invocation.proceed();
              });
      return factory.getProxy();
    }

    @Override
    public int getOrder() {
      return HIGHEST_PRECEDENCE;
    }
  }
}
