package io.scheduler.boot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.scheduler.boot.TestJobs.Recorder;
import io.scheduler.boot.TestJobs.StaticTasks;
import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.Task;
import io.scheduler.job.TaskContext;
import io.scheduler.job.TaskRef;
import io.scheduler.trigger.DateTrigger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Resolving {@code bean:} task references against a bean factory. */
class BeanTaskResolverTests {

  private final Recorder recorder = new Recorder();
  private final StaticListableBeanFactory beans = new StaticListableBeanFactory();
  private final BeanTaskResolver resolver = new BeanTaskResolver(beans);

  BeanTaskResolverTests() {
    beans.addBean("recorder", recorder);
    beans.addBean("overloaded", new Overloaded());
  }

  @Test
  void bindsArgsAndKwargsAsTheStaticResolverDoes() throws Exception {
    Task task =
        resolver.resolve(TaskRef.of("bean:recorder#greet"), List.of("Ada"), Map.of("times", 3));
    task.run(null);
    assertThat(recorder.next()).isEqualTo("greet Ada x3");
  }

  @Test
  void convertsTextToTheParameterTypes() throws Exception {
    resolver.resolve(TaskRef.of("bean:recorder#greet"), List.of("Bob", "2"), Map.of()).run(null);
    assertThat(recorder.next()).isEqualTo("greet Bob x2");
  }

  @Test
  void handsOtherReferencesToTheStaticResolver() throws Exception {
    StaticTasks.RUNS.clear();
    resolver
        .resolve(TaskRef.of(StaticTasks.class.getName() + "::ping"), List.of("static"), Map.of())
        .run(null);
    assertThat(StaticTasks.RUNS).containsExactly("static");
  }

  @Test
  void callsTheMethodThroughTheBeansProxy() throws Exception {
    AtomicInteger advised = new AtomicInteger();
    ProxyFactory factory = new ProxyFactory(recorder);
    factory.setProxyTargetClass(true);
    factory.addAdvice(
        (MethodInterceptor)
            invocation -> {
              advised.incrementAndGet();
              return invocation.proceed();
            });
    beans.addBean("proxied", factory.getProxy());
    resolver.resolve(TaskRef.of("bean:proxied#run"), List.of(), Map.of()).run(null);
    assertThat(recorder.next()).isEqualTo("run");
    assertThat(advised).hasValue(1);
  }

  @Test
  void namesWhatIsWrong() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> resolver.resolve(TaskRef.of("bean:nobody#run"), List.of(), Map.of()))
        .withMessage("taskRef 'bean:nobody#run': there is no bean named 'nobody'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> resolver.resolve(TaskRef.of("bean:recorder#fly"), List.of(), Map.of()))
        .withMessage(
            "taskRef 'bean:recorder#fly': " + Recorder.class.getName() + " has no method 'fly'");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> resolver.resolve(TaskRef.of("bean:recorder#greet"), List.of("Ada"), Map.of()))
        .withMessageContaining("fit no overload")
        .withMessageContaining("has no value for parameter 2 (times)");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                resolver.resolve(
                    TaskRef.of("bean:recorder#greet"), List.of("Ada", "many"), Map.of()))
        .withMessageContaining("parameter times cannot take many");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> resolver.resolve(TaskRef.of("bean:overloaded#run"), List.of(), Map.of()))
        .withMessageContaining("is ambiguous");
  }

  @Test
  void aTaskContextMethodReadsTheKwargsThroughTheContext() throws Exception {
    beans.addBean("reader", new KwargsReader());
    Map<String, Object> kwargs = Map.of("region", "eu");
    Task task = resolver.resolve(TaskRef.of("bean:reader#read"), List.of(), kwargs);
    JobSpec spec = JobSpec.builder().id("reader").task(task).kwargs(kwargs).build();
    Instant runTime = Instant.parse("2026-03-02T08:00:00Z");
    Job job =
        Job.create(
            spec,
            "reader",
            task,
            DateTrigger.at(runTime.atZone(ZoneOffset.UTC)),
            JobDefaults.ofDefaults(),
            runTime);

    assertThat(task.run(new TaskContext(job, runTime))).isEqualTo("reader: {region=eu}");
  }

  @Test
  void resolvesInheritedAndNonPublicMethods() throws Exception {
    beans.addBean("child", new Child());
    Task task = resolver.resolve(TaskRef.of("bean:child#inherited"), List.of(), Map.of());
    assertThat(task.run(null)).isEqualTo("parent");
  }

  @Test
  void theLazyInitExcludeFilterKeepsOnlyBeansWithJobsEager() {
    ScheduledJobBeanLazyInitializationExcludeFilter filter =
        new ScheduledJobBeanLazyInitializationExcludeFilter();
    assertThat(filter.isExcluded("jobs", null, WithJob.class)).isTrue();
    assertThat(filter.isExcluded("plain", null, Recorder.class)).isFalse();
    assertThat(filter.isExcluded("plain", null, Recorder.class)).isFalse();
  }

  static class Overloaded {
    void run() {}

    void run(TaskContext context) {}
  }

  static class KwargsReader {
    String read(TaskContext context) {
      return context.jobId() + ": " + context.kwargs();
    }
  }

  static class Parent {
    String inherited() {
      return "parent";
    }
  }

  static class Child extends Parent {}

  static class WithJob {
    @io.scheduler.boot.annotation.ScheduledJob(interval = "1m")
    void job() {}
  }
}
