package io.scheduler.boot.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.Scheduler;
import io.scheduler.SchedulerState;
import io.scheduler.boot.TestJobs;
import io.scheduler.boot.autoconfigure.SchedulerAutoConfiguration;
import io.scheduler.boot.autoconfigure.SchedulerCustomizer;
import io.scheduler.event.EventType;
import io.scheduler.event.JobExecuted;
import io.scheduler.event.SchedulerEvent;
import io.scheduler.event.SchedulerShutdown;
import io.scheduler.job.JobSpec;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;

/** Starting and stopping the scheduler with the application context. */
class SchedulerLifecycleTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(SchedulerAutoConfiguration.class))
          .withBean(MutableClock.class, TestJobs::clock);

  @Test
  void startsWhenTheContextIsRefreshedAndShutsDownWhenItCloses() {
    Scheduler[] scheduler = new Scheduler[1];
    runner.run(
        context -> {
          scheduler[0] = context.getBean(Scheduler.class);
          assertThat(scheduler[0].state()).isEqualTo(SchedulerState.RUNNING);
          assertThat(context.getBean(SchedulerLifecycle.class).isRunning()).isTrue();
        });
    assertThat(scheduler[0].state()).isEqualTo(SchedulerState.STOPPED);
  }

  @Test
  void autoStartupFalseLeavesTheSchedulerAndItsJobsForAnExplicitStart() {
    runner
        .withBean("recorder", TestJobs.Recorder.class, TestJobs.Recorder::new)
        .withPropertyValues(
            "scheduler.auto-startup=false",
            "scheduler.jobs.report.task=bean:recorder#run",
            "scheduler.jobs.report.interval=1m")
        .run(
            context -> {
              Scheduler scheduler = context.getBean(Scheduler.class);
              SchedulerLifecycle lifecycle = context.getBean(SchedulerLifecycle.class);
              assertThat(lifecycle.isAutoStartup()).isFalse();
              assertThat(scheduler.state()).isEqualTo(SchedulerState.STOPPED);
              assertThat(scheduler.getJobs()).isEmpty();
              lifecycle.start();
              assertThat(scheduler.state()).isEqualTo(SchedulerState.RUNNING);
              assertThat(scheduler.getJob("report")).isPresent();
              lifecycle.stop();
              assertThat(scheduler.state()).isEqualTo(SchedulerState.STOPPED);
            });
  }

  @Test
  void startupDelayPostponesTheStartAndAStopCancelsIt() {
    Scheduler[] scheduler = new Scheduler[1];
    runner
        .withPropertyValues("scheduler.startup-delay=1h")
        .run(
            context -> {
              scheduler[0] = context.getBean(Scheduler.class);
              assertThat(context.getBean(SchedulerLifecycle.class).isRunning()).isTrue();
              assertThat(scheduler[0].state()).isEqualTo(SchedulerState.STOPPED);
            });
    assertThat(scheduler[0].state()).isEqualTo(SchedulerState.STOPPED);
  }

  @Test
  void startsAfterTheStartupDelay() {
    CountDownLatch started = new CountDownLatch(1);
    runner
        .withPropertyValues("scheduler.startup-delay=50ms")
        .withBean(
            SchedulerCustomizer.class,
            () ->
                builder ->
                    builder.listener(event -> started.countDown(), EventType.SCHEDULER_STARTED))
        .run(
            context -> {
              assertThat(started.await(TestJobs.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                  .isTrue();
              assertThat(context.getBean(Scheduler.class).state())
                  .isEqualTo(SchedulerState.RUNNING);
            });
  }

  @Test
  void shutdownWaitsForRunningJobsUpToTheTimeoutThenInterruptsThem() throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch ended = new CountDownLatch(1);
    RecordingListener events = new RecordingListener();
    runner
        .withPropertyValues("scheduler.shutdown.timeout=100ms")
        .withBean(SchedulerCustomizer.class, () -> builder -> builder.listener(events))
        .run(
            context -> {
              context
                  .getBean(Scheduler.class)
                  .addJob(
                      JobSpec.builder()
                          .id("blocking")
                          .task(
                              () -> {
                                running.countDown();
                                try {
                                  new CountDownLatch(1).await();
                                } catch (InterruptedException e) {
                                  interrupted.set(true);
                                }
                                ended.countDown();
                              })
                          .build());
              assertThat(running.await(TestJobs.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                  .isTrue();
            });
    // shutdown interrupts the job after the timeout; the job notices on its own thread
    assertThat(ended.await(TestJobs.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    assertThat(interrupted).isTrue();
    assertThat(events.types()).contains(EventType.SCHEDULER_SHUTDOWN);
  }

  @Test
  void shutdownLetsRunningJobsFinishFirst() {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RecordingListener events = new RecordingListener();
    runner
        .withBean(SchedulerCustomizer.class, () -> builder -> builder.listener(events))
        .run(
            context -> {
              context
                  .getBean(Scheduler.class)
                  .addJob(
                      JobSpec.builder()
                          .id("slow")
                          .task(
                              () -> {
                                running.countDown();
                                release.await();
                                return "done";
                              })
                          .build());
              assertThat(running.await(TestJobs.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                  .isTrue();
              release.countDown();
            });
    List<SchedulerEvent> ends =
        events.events().stream()
            .filter(e -> e instanceof JobExecuted || e instanceof SchedulerShutdown)
            .toList();
    assertThat(ends).hasSize(2);
    assertThat(ends.get(0)).isInstanceOf(JobExecuted.class);
    assertThat(ends.get(1)).isInstanceOf(SchedulerShutdown.class);
  }

  @Test
  void shutdownWithoutWaitLeavesRunningJobsAlone() throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    runner
        .withPropertyValues("scheduler.shutdown.wait=false")
        .run(
            context -> {
              context
                  .getBean(Scheduler.class)
                  .addJob(
                      JobSpec.builder()
                          .id("slow")
                          .task(
                              () -> {
                                running.countDown();
                                try {
                                  release.await();
                                } catch (InterruptedException e) {
                                  interrupted.set(true);
                                }
                                finished.countDown();
                              })
                          .build());
              assertThat(running.await(TestJobs.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                  .isTrue();
            });
    assertThat(finished.getCount()).isEqualTo(1);
    release.countDown();
    assertThat(finished.await(TestJobs.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    assertThat(interrupted).isFalse();
  }

  @Test
  void stopsAfterTheWebServersGracefulShutdownAndBeforeTheServerStops() {
    int gracefulShutdown = SmartLifecycle.DEFAULT_PHASE - 1024;
    int webServerStartStop = SmartLifecycle.DEFAULT_PHASE - 2048;
    runner.run(
        context -> {
          int phase = context.getBean(SchedulerLifecycle.class).getPhase();
          assertThat(phase).isEqualTo(SchedulerLifecycle.DEFAULT_PHASE);
          assertThat(phase).isLessThan(gracefulShutdown).isGreaterThan(webServerStartStop);
        });
  }

  @Test
  void settingsDefaults() {
    assertThat(SchedulerLifecycle.Settings.defaults())
        .isEqualTo(
            new SchedulerLifecycle.Settings(
                true, true, java.time.Duration.ZERO, true, SchedulerLifecycle.DEFAULT_PHASE));
  }
}
