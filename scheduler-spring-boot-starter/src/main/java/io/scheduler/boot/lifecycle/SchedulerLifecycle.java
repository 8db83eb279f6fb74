package io.scheduler.boot.lifecycle;

import io.scheduler.Scheduler;
import io.scheduler.SchedulerState;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the scheduler once the application context is refreshed and shuts it down gracefully when
 * the context closes.
 *
 * <p>On {@link #start()} the job registration runs first (the starter adds the jobs of {@code
 * scheduler.jobs} and of {@code @ScheduledJob} methods; before {@code start()} the scheduler keeps
 * them pending), then the scheduler starts, at once or after the startup delay. On {@link #stop}
 * the scheduler shuts down, waiting for running jobs when so configured (up to the scheduler's
 * shutdown timeout). With {@code startsScheduler} false (a scheduler the application built itself)
 * only the jobs are registered: the application starts and stops its scheduler.
 *
 * <p>The {@link #DEFAULT_PHASE} starts the scheduler after an embedded web server has started and
 * stops it after the server's graceful shutdown (which no longer accepts requests and lets those in
 * flight finish), but before the server itself stops and before beans are destroyed, so jobs that
 * are still finishing can use the data sources and clients they need.
 */
public final class SchedulerLifecycle implements SmartLifecycle {

  /**
   * The phase: between Spring Boot's web-server start/stop phase ({@code DEFAULT_PHASE - 2048}) and
   * its graceful-shutdown phase ({@code DEFAULT_PHASE - 1024}).
   */
  public static final int DEFAULT_PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

  private static final Logger log = LoggerFactory.getLogger(SchedulerLifecycle.class);

  private final Scheduler scheduler;
  private final Consumer<Scheduler> jobRegistration;
  private final Settings settings;
  private final Object lock = new Object();
  private volatile boolean running;
  private @Nullable CountDownLatch pendingStart;

  /**
   * Creates the lifecycle.
   *
   * @param scheduler the scheduler
   * @param jobRegistration adds the application's jobs, called on every start before the scheduler
   *     starts
   * @param settings how to start and stop
   */
  public SchedulerLifecycle(
      Scheduler scheduler, Consumer<Scheduler> jobRegistration, Settings settings) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.jobRegistration = Objects.requireNonNull(jobRegistration, "jobRegistration");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Returns the scheduler this lifecycle drives.
   *
   * @return the scheduler
   */
  public Scheduler getScheduler() {
    return scheduler;
  }

  @Override
  public void start() {
    synchronized (lock) {
      if (running) {
        return;
      }
      jobRegistration.accept(scheduler);
      running = true;
      if (!settings.startsScheduler()) {
        return;
      }
      Duration delay = settings.startupDelay();
      if (delay.isZero() || delay.isNegative()) {
        startScheduler();
      } else {
        CountDownLatch cancelled = new CountDownLatch(1);
        pendingStart = cancelled;
        Thread starter = new Thread(() -> startAfter(delay, cancelled), "scheduler-delayed-start");
        starter.setDaemon(true);
        starter.start();
        log.info("Scheduler will start in {}", delay);
      }
    }
  }

  private void startAfter(Duration delay, CountDownLatch cancelled) {
    try {
      if (cancelled.await(delay.toNanos(), TimeUnit.NANOSECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    synchronized (lock) {
      if (pendingStart != cancelled) {
        return;
      }
      pendingStart = null;
      try {
        startScheduler();
      } catch (RuntimeException e) {
        log.error("Delayed start of the scheduler failed", e);
      }
    }
  }

  private void startScheduler() {
    if (scheduler.state() == SchedulerState.STOPPED) {
      scheduler.start();
    }
  }

  @Override
  public void stop() {
    synchronized (lock) {
      if (!running) {
        return;
      }
      running = false;
      CountDownLatch cancelled = pendingStart;
      pendingStart = null;
      if (cancelled != null) {
        cancelled.countDown();
      }
      if (settings.startsScheduler()) {
        scheduler.shutdown(settings.waitForJobsOnShutdown());
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isAutoStartup() {
    return settings.autoStartup();
  }

  @Override
  public int getPhase() {
    return settings.phase();
  }

  /**
   * How the lifecycle starts and stops the scheduler.
   *
   * @param startsScheduler whether to start and stop the scheduler (false: only register jobs)
   * @param autoStartup whether to start when the context is refreshed
   * @param startupDelay how long after {@link #start()} the scheduler starts
   * @param waitForJobsOnShutdown whether shutdown waits for running jobs
   * @param phase the lifecycle phase
   */
  public record Settings(
      boolean startsScheduler,
      boolean autoStartup,
      Duration startupDelay,
      boolean waitForJobsOnShutdown,
      int phase) {

    /**
     * Checks the settings.
     *
     * @param startsScheduler whether to start and stop the scheduler
     * @param autoStartup whether to start when the context is refreshed
     * @param startupDelay how long after {@link #start()} the scheduler starts
     * @param waitForJobsOnShutdown whether shutdown waits for running jobs
     * @param phase the lifecycle phase
     */
    public Settings {
      Objects.requireNonNull(startupDelay, "startupDelay");
    }

    /**
     * Returns the defaults: start and stop the scheduler, automatically, at once, waiting for
     * running jobs, in {@link #DEFAULT_PHASE}.
     *
     * @return the defaults
     */
    public static Settings defaults() {
      return new Settings(true, true, Duration.ZERO, true, DEFAULT_PHASE);
    }
  }
}
