package io.scheduler.boot.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.Scheduler;
import io.scheduler.boot.TestJobs;
import io.scheduler.boot.autoconfigure.SchedulerAutoConfiguration;
import io.scheduler.event.JobAdded;
import io.scheduler.event.JobEvent;
import io.scheduler.event.JobExecuted;
import io.scheduler.event.JobFailed;
import io.scheduler.event.SchedulerEvent;
import io.scheduler.event.SchedulerStarted;
import io.scheduler.job.JobSpec;
import io.scheduler.testing.MutableClock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

/** Scheduler events arrive at {@code @EventListener} methods typed by the event records. */
class SchedulerEventPublishingListenerTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(SchedulerAutoConfiguration.class))
          .withBean(MutableClock.class, TestJobs::clock)
          .withBean(Listeners.class, Listeners::new)
          .withPropertyValues("scheduler.executors.default.type=direct");

  @Test
  void deliversEveryEventToTypedEventListeners() {
    runner.run(
        context -> {
          Scheduler scheduler = context.getBean(Scheduler.class);
          Listeners listeners = context.getBean(Listeners.class);
          scheduler.addJob(JobSpec.builder().id("ok").task(() -> "result").build());
          JobExecuted executed = listeners.executed.poll(10, TimeUnit.SECONDS);
          assertThat(executed).isNotNull();
          assertThat(executed.jobId()).isEqualTo("ok");
          assertThat(executed.returnValue()).isEqualTo("result");

          scheduler.addJob(
              JobSpec.builder()
                  .id("broken")
                  .task(
                      () -> {
                        throw new IllegalStateException("boom");
                      })
                  .build());
          JobFailed failed = listeners.failed.poll(10, TimeUnit.SECONDS);
          assertThat(failed).isNotNull();
          assertThat(failed.jobId()).isEqualTo("broken");

          assertThat(listeners.all).hasAtLeastOneElementOfType(SchedulerStarted.class);
          assertThat(listeners.all).hasAtLeastOneElementOfType(JobAdded.class);
          assertThat(listeners.jobEvents)
              .allSatisfy(e -> assertThat(e).isInstanceOf(JobEvent.class));
          assertThat(listeners.jobEvents).extracting(JobEvent::jobId).contains("ok", "broken");
        });
  }

  @Test
  void theApplicationsOwnListenerBeanWins() {
    List<Object> events = new CopyOnWriteArrayList<>();
    runner
        .withBean(
            SchedulerEventPublishingListener.class,
            () -> new SchedulerEventPublishingListener(events::add))
        .run(
            context -> {
              assertThat(context).hasSingleBean(SchedulerEventPublishingListener.class);
              assertThat(events).hasAtLeastOneElementOfType(SchedulerStarted.class);
              assertThat(context.getBean(Listeners.class).all).isEmpty();
            });
  }

  static class Listeners {
    final List<SchedulerEvent> all = new CopyOnWriteArrayList<>();
    final List<JobEvent> jobEvents = new CopyOnWriteArrayList<>();
    final BlockingQueue<JobExecuted> executed = new LinkedBlockingQueue<>();
    final BlockingQueue<JobFailed> failed = new LinkedBlockingQueue<>();

    @EventListener
    void on(SchedulerEvent event) {
      all.add(event);
    }

    @EventListener
    void on(JobEvent event) {
      jobEvents.add(event);
    }

    @EventListener
    void on(JobExecuted event) {
      executed.add(event);
    }

    @EventListener
    void on(JobFailed event) {
      failed.add(event);
    }
  }
}
