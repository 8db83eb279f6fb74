package io.scheduler.internal.engine;

import static io.scheduler.internal.Require.requireArgument;
import static io.scheduler.internal.Require.requireNonNull;
import static io.scheduler.internal.Require.requireState;

import io.scheduler.event.EventType;
import io.scheduler.event.ExecutorAdded;
import io.scheduler.event.ExecutorRemoved;
import io.scheduler.event.JobLoadFailed;
import io.scheduler.event.JobStoreAdded;
import io.scheduler.event.JobStoreRemoved;
import io.scheduler.event.SchedulerListener;
import io.scheduler.event.SchedulerPaused;
import io.scheduler.event.SchedulerResumed;
import io.scheduler.event.SchedulerShutdown;
import io.scheduler.event.SchedulerStarted;
import io.scheduler.executor.JobExecutor;
import io.scheduler.job.JobFactory;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStoreListener;
import io.scheduler.store.JobStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler behind the public facades: the operations of {@code io.scheduler.Scheduler} (jobs,
 * stores, executors, listeners, lifecycle) and one pass of APScheduler's processing loop ({@link
 * #processDueJobs()}), composed from the parts of this package. Which thread runs the passes is its
 * {@link Processing}'s business.
 */
public final class SchedulerEngine {

  /** The name of the scheduler's logger (the one it always had). */
  static final String LOGGER_NAME = "io.scheduler.Scheduler";

  /** How many due jobs one store hands out at a time. */
  static final int ACQUIRE_BATCH = 256;

  private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);

  private final EngineContext context;
  private final JobFactory jobFactory;
  private final TaskResolver taskResolver;
  private final Duration shutdownTimeout;
  private final Supplier<JobExecutor> defaultExecutor;
  private final String schedulerId;
  private final Processing processing;
  private final @Nullable Function<Runnable, Runnable> clockWatch;
  private final SharedClaims claims;
  private final RunContext runContext;
  private final RunDispatcher dispatcher;
  private final Object lock = new Object();
  private final JobOperations jobs;
  private final JobQueries queries;
  private volatile List<StoreProcessor> processors = List.of();
  private @Nullable Runnable unwatchClock;

  /**
   * Creates the engine.
   *
   * @param config the scheduler's settings
   * @param processing which thread runs the processing loop
   */
  public SchedulerEngine(SchedulerConfig config, Processing processing) {
    this.context =
        new EngineContext(
            config.clock(), config.timezone(), config.jobStoreRetryInterval(), config.executors());
    this.jobFactory =
        JobFactory.of(
            config.clock(), config.timezone(), config.taskResolver(), config.jobDefaults());
    this.taskResolver = config.taskResolver();
    this.shutdownTimeout = config.shutdownTimeout();
    this.defaultExecutor = config.defaultExecutor();
    this.schedulerId = config.schedulerId();
    this.processing = requireNonNull(processing, "processing");
    this.clockWatch = config.clockWatch();
    this.claims = new SharedClaims(context);
    this.runContext = new RunContext(config.clock(), context.events, config.runObservers(), claims);
    this.dispatcher = new RunDispatcher(context, runContext, claims);
    PendingJobs pending = new PendingJobs();
    this.queries = new JobQueries(context, lock, pending);
    this.jobs = new JobOperations(context, jobFactory, lock, pending, queries, dispatcher);
    useStores(config.jobStores());
    for (Map.Entry<SchedulerListener, EventType[]> listener : config.listeners()) {
      addListener(listener.getKey(), listener.getValue());
    }
  }

  /**
   * Returns the job operations.
   *
   * @return the operations on jobs
   */
  public JobOperations jobs() {
    return jobs;
  }

  /** The engine's job look-ups. */
  public JobQueries queries() {
    return queries;
  }

  // ---------------------------------------------------------------- lifecycle

  /** See {@code Scheduler.start}; returns when the {@link Processing} returns. */
  public void start(boolean paused) {
    synchronized (lock) {
      requireState(context.state == EngineState.STOPPED, "the scheduler is already running");
      Map<String, JobExecutor> startExecutors = new LinkedHashMap<>(context.executors);
      Map<String, JobStore> startStores = new LinkedHashMap<>(context.stores);
      boolean addedExecutor = !startExecutors.containsKey(JobSpec.DEFAULT_ALIAS);
      if (addedExecutor) {
        startExecutors.put(JobSpec.DEFAULT_ALIAS, defaultExecutor.get());
      }
      boolean addedStore = !startStores.containsKey(JobSpec.DEFAULT_ALIAS);
      if (addedStore) {
        startStores.put(JobSpec.DEFAULT_ALIAS, JobStores.memory());
      }
      jobs.checkPending(startStores, startExecutors);
      startExecutors.forEach((alias, executor) -> executor.start(alias));
      startStores.forEach((alias, store) -> store.start(storeContext(alias)));
      context.executors = Collections.unmodifiableMap(startExecutors);
      useStores(startStores);
      Instant now = context.clock.instant();
      if (addedExecutor) {
        context.events.publish(
            EventType.EXECUTOR_ADDED, () -> new ExecutorAdded(JobSpec.DEFAULT_ALIAS, now));
      }
      if (addedStore) {
        context.events.publish(
            EventType.JOBSTORE_ADDED, () -> new JobStoreAdded(JobSpec.DEFAULT_ALIAS, now));
      }
      jobs.storePending(startStores, now);
      if (clockWatch != null) {
        unwatchClock = clockWatch.apply(context.waiter::signal);
      }
      context.state = paused ? EngineState.PAUSED : EngineState.RUNNING;
      log.info("Scheduler started{}", paused ? " (paused)" : "");
    }
    context.events.publish(
        EventType.SCHEDULER_STARTED, () -> new SchedulerStarted(context.clock.instant()));
    processing.start(this::runLoop);
  }

  /** See {@code Scheduler.pause}. */
  public void pause() {
    synchronized (lock) {
      requireState(context.state != EngineState.STOPPED, "the scheduler is not running");
      if (context.state != EngineState.RUNNING) {
        return;
      }
      context.state = EngineState.PAUSED;
    }
    log.info("Paused scheduler job processing");
    context.events.publish(
        EventType.SCHEDULER_PAUSED, () -> new SchedulerPaused(context.clock.instant()));
  }

  /** See {@code Scheduler.resume}. */
  public void resume() {
    synchronized (lock) {
      requireState(context.state != EngineState.STOPPED, "the scheduler is not running");
      if (context.state != EngineState.PAUSED) {
        return;
      }
      context.state = EngineState.RUNNING;
    }
    log.info("Resumed scheduler job processing");
    context.events.publish(
        EventType.SCHEDULER_RESUMED, () -> new SchedulerResumed(context.clock.instant()));
    wakeup();
  }

  /** See {@code Scheduler.shutdown}. */
  public void shutdown(boolean wait) {
    synchronized (lock) {
      if (context.state == EngineState.STOPPED) {
        return;
      }
      context.state = EngineState.STOPPED;
      if (unwatchClock != null) {
        unwatchClock.run();
        unwatchClock = null;
      }
    }
    context.waiter.signal();
    processing.stop();
    boolean waitForJobs = wait && !JobRun.isRunningJobOf(runContext);
    if (wait && !waitForJobs) {
      log.debug("Shutdown called from a job of this scheduler; not waiting for running jobs");
    }
    if (waitForJobs) {
      Map<String, Integer> running = context.instances.snapshot();
      if (!running.isEmpty()) {
        log.info(
            "Shutdown waits up to {} for running jobs to finish (instances by job id): {}",
            shutdownTimeout,
            running);
      }
    }
    for (JobExecutor executor : context.executors.values()) {
      executor.shutdown(waitForJobs, shutdownTimeout);
    }
    Map<String, Integer> stillRunning = context.instances.snapshot();
    if (waitForJobs && !stillRunning.isEmpty()) {
      log.warn("Jobs still running after shutdown (instances by job id): {}", stillRunning);
    }
    for (JobStore store : context.stores.values()) {
      store.shutdown();
    }
    log.info("Scheduler has been shut down");
    context.events.publish(
        EventType.SCHEDULER_SHUTDOWN, () -> new SchedulerShutdown(context.clock.instant()));
  }

  /** See {@code Scheduler.wakeup}. */
  public void wakeup() {
    context.waiter.signal();
  }

  // ---------------------------------------------------------------- stores, executors, listeners

  /** See {@code Scheduler.addJobStore}. */
  public void addJobStore(String alias, JobStore store) {
    requireNonNull(store, "store");
    synchronized (lock) {
      requireArgument(
          alias != null && !alias.isBlank(),
          "jobStore alias must not be blank, but was '%s'",
          alias);
      requireArgument(
          !context.stores.containsKey(alias), "jobStore alias '%s' is already in use", alias);
      if (context.state != EngineState.STOPPED) {
        store.start(storeContext(alias));
      }
      Map<String, JobStore> copy = new LinkedHashMap<>(context.stores);
      copy.put(alias, store);
      useStores(copy);
    }
    context.events.publish(
        EventType.JOBSTORE_ADDED, () -> new JobStoreAdded(alias, context.clock.instant()));
    wakeup();
  }

  /** See {@code Scheduler.removeJobStore}. */
  public void removeJobStore(String alias) {
    JobStore removed;
    synchronized (lock) {
      removed = context.store(alias);
      Map<String, JobStore> copy = new LinkedHashMap<>(context.stores);
      copy.remove(alias);
      useStores(copy);
    }
    if (context.state != EngineState.STOPPED) {
      removed.shutdown();
    }
    context.events.publish(
        EventType.JOBSTORE_REMOVED, () -> new JobStoreRemoved(alias, context.clock.instant()));
  }

  /** See {@code Scheduler.addExecutor}. */
  public void addExecutor(String alias, JobExecutor executor) {
    requireNonNull(executor, "executor");
    synchronized (lock) {
      requireArgument(
          alias != null && !alias.isBlank(),
          "executor alias must not be blank, but was '%s'",
          alias);
      requireArgument(
          !context.executors.containsKey(alias), "executor alias '%s' is already in use", alias);
      if (context.state != EngineState.STOPPED) {
        executor.start(alias);
      }
      Map<String, JobExecutor> copy = new LinkedHashMap<>(context.executors);
      copy.put(alias, executor);
      context.executors = Collections.unmodifiableMap(copy);
    }
    context.events.publish(
        EventType.EXECUTOR_ADDED, () -> new ExecutorAdded(alias, context.clock.instant()));
  }

  /** See {@code Scheduler.removeExecutor}. */
  public void removeExecutor(String alias) {
    JobExecutor removed;
    synchronized (lock) {
      removed = context.executors.get(alias);
      requireArgument(
          removed != null,
          "no executor has the alias '%s' (configured: %s)",
          alias,
          context.executors.keySet());
      Map<String, JobExecutor> copy = new LinkedHashMap<>(context.executors);
      copy.remove(alias);
      context.executors = Collections.unmodifiableMap(copy);
    }
    if (context.state != EngineState.STOPPED) {
      removed.shutdown(true, shutdownTimeout);
    }
    context.events.publish(
        EventType.EXECUTOR_REMOVED, () -> new ExecutorRemoved(alias, context.clock.instant()));
  }

  /** See {@code Scheduler.addListener}. */
  public void addListener(SchedulerListener listener, EventType... types) {
    context.events.add(requireNonNull(listener, "listener"), EventType.mask(types));
  }

  /** See {@code Scheduler.removeListener}. */
  public void removeListener(SchedulerListener listener) {
    context.events.remove(listener);
  }

  /** See {@code Scheduler.state}. */
  public EngineState state() {
    return context.state;
  }

  /** See {@code Scheduler.timezone}. */
  public ZoneId timezone() {
    return context.timezone;
  }

  /** See {@code Scheduler.clock}. */
  public Clock clock() {
    return context.clock;
  }

  /** See {@code Scheduler.runningInstances}. */
  public Map<String, Integer> runningInstances() {
    return context.instances.snapshot();
  }

  /** See {@code Scheduler.jobStores}. */
  public Map<String, JobStore> jobStores() {
    return context.stores;
  }

  // ---------------------------------------------------------------- processing

  /**
   * Runs passes of {@link #processDueJobs()} on the calling thread, sleeping in between until the
   * next run time or a wake-up, until the scheduler stops.
   */
  private void runLoop() {
    while (context.state != EngineState.STOPPED) {
      context.waiter.beginPass();
      @Nullable Instant next;
      try {
        next = processDueJobs();
      } catch (RuntimeException e) {
        log.error("Error processing jobs; retrying in {}", context.retryInterval, e);
        next = context.clock.instant().plus(context.retryInterval);
      }
      if (context.state != EngineState.STOPPED) {
        context.waiter.await(next);
      }
    }
  }

  /**
   * One pass of APScheduler's loop: takes the due jobs of every store, submits their runs to their
   * executors (applying coalescing and instance limits) and stores their next run times.
   *
   * @return when the next job is due, or {@code null} when none is (or the scheduler is paused)
   */
  public @Nullable Instant processDueJobs() {
    if (context.state != EngineState.RUNNING) {
      return null;
    }
    Instant now = context.clock.instant();
    ZonedDateTime zonedNow = now.atZone(context.timezone);
    @Nullable Instant next = null;
    for (StoreProcessor processor : processors) {
      next = EngineContext.earliest(next, processor.process(now, zonedNow));
    }
    return next;
  }

  // ---------------------------------------------------------------- helpers

  /** Sets the stores and chooses each one's processor. */
  private void useStores(Map<String, JobStore> byAlias) {
    List<StoreProcessor> chosen = new ArrayList<>(byAlias.size());
    byAlias.forEach(
        (alias, store) -> chosen.add(StoreProcessor.of(alias, store, context, dispatcher, claims)));
    context.stores = Collections.unmodifiableMap(new LinkedHashMap<>(byAlias));
    processors = List.copyOf(chosen);
  }

  private JobStoreContext storeContext(String alias) {
    return new JobStoreContext(
        alias,
        context.clock,
        context.timezone,
        taskResolver,
        schedulerId,
        new StoreListener(alias),
        jobFactory);
  }

  /** Turns a store's reports into wake-ups and events. */
  private final class StoreListener implements JobStoreListener {
    private final String alias;

    StoreListener(String alias) {
      this.alias = alias;
    }

    @Override
    public void jobsChanged() {
      if (context.state == EngineState.RUNNING) {
        context.waiter.signal();
      }
    }

    @Override
    public void jobLoadFailed(String jobId, Exception cause) {
      log.error("Job '{}' in job store '{}' could not be loaded; skipping it", jobId, alias, cause);
      context.events.publish(
          EventType.JOB_LOAD_FAILED,
          () ->
              new JobLoadFailed(jobId, alias, cause.getMessage(), cause, context.clock.instant()));
    }
  }
}
