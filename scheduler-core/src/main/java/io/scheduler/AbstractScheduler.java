package io.scheduler;

import static io.scheduler.internal.Require.requireArgument;
import static io.scheduler.internal.Require.requireNonNull;
import static io.scheduler.internal.Require.requireState;

import io.scheduler.event.AllJobsRemoved;
import io.scheduler.event.EventType;
import io.scheduler.event.ExecutorAdded;
import io.scheduler.event.ExecutorRemoved;
import io.scheduler.event.JobAdded;
import io.scheduler.event.JobLeaseLost;
import io.scheduler.event.JobLoadFailed;
import io.scheduler.event.JobModified;
import io.scheduler.event.JobRecovered;
import io.scheduler.event.JobRemoved;
import io.scheduler.event.JobStoreAdded;
import io.scheduler.event.JobStoreRemoved;
import io.scheduler.event.JobSubmitted;
import io.scheduler.event.MaxInstancesReached;
import io.scheduler.event.SchedulerListener;
import io.scheduler.event.SchedulerPaused;
import io.scheduler.event.SchedulerResumed;
import io.scheduler.event.SchedulerShutdown;
import io.scheduler.event.SchedulerStarted;
import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.executor.JobExecutor;
import io.scheduler.internal.ClockAdjustments;
import io.scheduler.internal.EventFanOut;
import io.scheduler.internal.InstanceCounter;
import io.scheduler.internal.JobIds;
import io.scheduler.internal.Waiter;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobRunObserver;
import io.scheduler.job.JobSpec;
import io.scheduler.job.Task;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStoreListener;
import io.scheduler.store.JobStores;
import io.scheduler.store.ReleaseResult;
import io.scheduler.store.RunClaim;
import io.scheduler.store.SharedJobStore;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.Triggers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler engine shared by {@link BackgroundScheduler}, {@link BlockingScheduler} and the
 * test kit's {@code ManualScheduler}: job operations, stores, executors, listeners, and one pass of
 * APScheduler's processing loop ({@link #processDueJobs()}). Subclasses only decide which thread
 * runs the passes.
 */
public abstract class AbstractScheduler implements Scheduler {

  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  /** How many due jobs one store hands out at a time. */
  private static final int ACQUIRE_BATCH = 256;

  /** The most ended runs whose completion one store call records. */
  private static final int COMPLETION_ROUND = 512;

  private final Clock clock;
  private final ZoneId timezone;
  private final JobDefaults jobDefaults;
  private final TaskResolver taskResolver;
  private final Duration shutdownTimeout;
  private final Duration jobStoreRetryInterval;
  private final Supplier<JobExecutor> defaultExecutor;
  private final List<JobRunObserver> runObservers;
  private final String schedulerId;
  private final EventFanOut events = new EventFanOut();
  private final InstanceCounter instances = new InstanceCounter();
  private final JobIds jobIds = new JobIds();
  private final Waiter waiter;
  private final Runnable wakeupOnClockChange;
  private final Object lock = new Object();
  // Held while a pass acquires, submits and releases a batch of due jobs, and while a job is
  // read, changed and written back; so a change never undoes a run's new next run time.
  private final ReentrantLock processing = new ReentrantLock();
  private final List<PendingJob> pending = new ArrayList<>();
  private volatile Map<String, JobStore> stores;
  private volatile Map<String, JobExecutor> executors;
  private volatile SchedulerState state = SchedulerState.STOPPED;
  // Runs claimed in shared stores and not yet completed, by run id; their leases are renewed.
  private final Map<String, HeldClaim> heldClaims = new ConcurrentHashMap<>();
  // Completed runs whose completion the store could not record yet (it was unreachable).
  private final ConcurrentLinkedQueue<HeldClaim> unrecordedCompletions =
      new ConcurrentLinkedQueue<>();
  // Runs that ended and whose completion one of the threads ending runs is about to record.
  private final ConcurrentLinkedQueue<HeldClaim> completions = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean recordingCompletions = new AtomicBoolean();
  private volatile Instant nextLeaseRenewal = Instant.MIN;

  /**
   * Creates the engine from a builder's settings.
   *
   * @param builder the settings
   */
  protected AbstractScheduler(SchedulerBuilder<?> builder) {
    this.clock = builder.clock();
    this.timezone = builder.timezone();
    this.jobDefaults = builder.jobDefaults();
    this.taskResolver = builder.taskResolver();
    this.shutdownTimeout = builder.shutdownTimeout();
    this.jobStoreRetryInterval = builder.jobStoreRetryInterval();
    this.defaultExecutor = builder.defaultExecutor();
    this.runObservers = builder.runObservers();
    this.schedulerId = builder.schedulerId();
    this.stores = Collections.unmodifiableMap(new LinkedHashMap<>(builder.jobStores()));
    this.executors = Collections.unmodifiableMap(new LinkedHashMap<>(builder.executors()));
    this.waiter = new Waiter(clock);
    this.wakeupOnClockChange = waiter::signal;
    for (Map.Entry<SchedulerListener, EventType[]> listener : builder.listeners()) {
      addListener(listener.getKey(), listener.getValue());
    }
  }

  // ---------------------------------------------------------------- jobs

  @Override
  public Job addJob(JobSpec spec) {
    requireNonNull(spec, "spec");
    String id = spec.id() != null ? spec.id() : jobIds.next();
    Trigger trigger = trigger(spec);
    Task task = task(spec);
    // Once running, adding a job needs no scheduler lock: only a stopped scheduler keeps pending
    // jobs, and start() publishes RUNNING only after its stores are ready.
    if (state == SchedulerState.STOPPED) {
      Job pendingJob = addPending(spec, id, trigger, task);
      if (pendingJob != null) {
        return pendingJob;
      }
    }
    JobStore store = store(spec.jobStore());
    requireExecutor(spec.executor());
    Instant next = spec.nextRunTimeIsSet() ? spec.nextRunTime() : firstRunTime(trigger);
    Job job = Job.create(spec, id, task, trigger, jobDefaults, next);
    storeNewJob(store, job, spec.replaceExisting());
    return job;
  }

  @Override
  public List<Job> addJobs(List<JobSpec> specs) {
    requireNonNull(specs, "specs");
    List<String> ids = new ArrayList<>(specs.size());
    List<Trigger> triggers = new ArrayList<>(specs.size());
    List<Task> tasks = new ArrayList<>(specs.size());
    Set<String> seen = new HashSet<>();
    for (JobSpec spec : specs) {
      requireNonNull(spec, "specs[" + ids.size() + "]");
      String id = spec.id() != null ? spec.id() : jobIds.next();
      requireArgument(seen.add(id), "job id '%s' appears more than once in addJobs", id);
      ids.add(id);
      triggers.add(trigger(spec));
      tasks.add(task(spec));
    }
    if (state == SchedulerState.STOPPED) {
      List<Job> jobs = new ArrayList<>(specs.size());
      for (int i = 0; i < specs.size(); i++) {
        Job pendingJob = addPending(specs.get(i), ids.get(i), triggers.get(i), tasks.get(i));
        if (pendingJob == null) {
          // started meanwhile: add the rest as a running scheduler does
          return addStartedJobs(
              specs.subList(i, specs.size()),
              ids.subList(i, ids.size()),
              triggers.subList(i, triggers.size()),
              tasks.subList(i, tasks.size()),
              jobs);
        }
        jobs.add(pendingJob);
      }
      return jobs;
    }
    return addStartedJobs(specs, ids, triggers, tasks, new ArrayList<>(specs.size()));
  }

  private List<Job> addStartedJobs(
      List<JobSpec> specs,
      List<String> ids,
      List<Trigger> triggers,
      List<Task> tasks,
      List<Job> out) {
    Instant now = clock.instant();
    Map<String, List<Job>> batches = new LinkedHashMap<>();
    List<Job> added = new ArrayList<>(specs.size());
    for (int i = 0; i < specs.size(); i++) {
      JobSpec spec = specs.get(i);
      store(spec.jobStore());
      requireExecutor(spec.executor());
      Instant next =
          spec.nextRunTimeIsSet() ? spec.nextRunTime() : firstRunTime(triggers.get(i), now);
      added.add(Job.create(spec, ids.get(i), tasks.get(i), triggers.get(i), jobDefaults, next));
    }
    for (int i = 0; i < added.size(); i++) {
      if (!specs.get(i).replaceExisting()) {
        batches
            .computeIfAbsent(added.get(i).jobStore(), alias -> new ArrayList<>())
            .add(added.get(i));
      }
    }
    for (Map.Entry<String, List<Job>> batch : batches.entrySet()) {
      store(batch.getKey()).addJobs(batch.getValue());
      for (Job job : batch.getValue()) {
        jobStored(job);
      }
    }
    for (int i = 0; i < added.size(); i++) {
      if (specs.get(i).replaceExisting()) {
        storeNewJob(store(added.get(i).jobStore()), added.get(i), true);
      }
    }
    out.addAll(added);
    return out;
  }

  /** Keeps a job added while stopped for start(); returns null when the scheduler started. */
  private @Nullable Job addPending(JobSpec spec, String id, Trigger trigger, Task task) {
    synchronized (lock) {
      if (state == SchedulerState.STOPPED) {
        requireArgument(
            pending.stream().noneMatch(p -> p.job.id().equals(id)) || spec.replaceExisting(),
            "job id '%s' is already taken by a pending job",
            id);
        Job job =
            Job.create(
                spec,
                id,
                task,
                trigger,
                jobDefaults,
                spec.nextRunTimeIsSet() ? spec.nextRunTime() : null);
        pending.removeIf(p -> p.job.id().equals(id));
        pending.add(new PendingJob(job, spec.nextRunTimeIsSet(), spec.replaceExisting()));
        return job;
      }
      return null;
    }
  }

  @Override
  public Job modifyJob(String id, Consumer<JobSpec.Builder> changes) {
    requireNonNull(changes, "changes");
    return modify(id, changes);
  }

  @Override
  public Job rescheduleJob(String id, Trigger trigger) {
    requireNonNull(trigger, "trigger");
    Instant next = firstRunTime(trigger, clock.instant());
    return modify(id, builder -> builder.trigger(trigger).nextRunTime(next));
  }

  @Override
  public Job rescheduleJob(String id, String triggerAlias, Map<String, ?> triggerOptions) {
    return rescheduleJob(id, Triggers.create(triggerAlias, triggerOptions, timezone));
  }

  @Override
  public Job pauseJob(String id) {
    return modify(id, JobSpec.Builder::paused);
  }

  @Override
  public Optional<Job> resumeJob(String id) {
    Job job = getJob(id).orElseThrow(() -> new JobNotFoundException(id, null));
    Instant next = firstRunTime(job.trigger(), clock.instant());
    if (next == null) {
      removeJob(id);
      return Optional.empty();
    }
    return Optional.of(modify(id, builder -> builder.nextRunTime(next)));
  }

  @Override
  public void removeJob(String id) {
    requireNonNull(id, "id");
    synchronized (lock) {
      if (state == SchedulerState.STOPPED) {
        PendingJob found = pendingJob(id);
        pending.remove(found);
        publishJobRemoved(found.job.id(), found.job.jobStore());
        return;
      }
    }
    for (Map.Entry<String, JobStore> store : stores.entrySet()) {
      if (store.getValue().lookupJob(id).isPresent()) {
        try {
          store.getValue().removeJob(id);
        } catch (JobNotFoundException removedMeanwhile) {
          continue;
        }
        publishJobRemoved(id, store.getKey());
        return;
      }
    }
    throw new JobNotFoundException(id, null);
  }

  @Override
  public void removeAllJobs() {
    synchronized (lock) {
      pending.clear();
    }
    for (JobStore store : stores.values()) {
      store.removeAllJobs();
    }
    events.publish(EventType.ALL_JOBS_REMOVED, () -> new AllJobsRemoved(null, clock.instant()));
  }

  @Override
  public void removeAllJobs(String jobStore) {
    JobStore store = store(jobStore);
    synchronized (lock) {
      pending.removeIf(p -> p.job.jobStore().equals(jobStore));
    }
    store.removeAllJobs();
    events.publish(EventType.ALL_JOBS_REMOVED, () -> new AllJobsRemoved(jobStore, clock.instant()));
  }

  @Override
  public Optional<Job> getJob(String id) {
    requireNonNull(id, "id");
    synchronized (lock) {
      if (state == SchedulerState.STOPPED) {
        return pending.stream().map(p -> p.job).filter(job -> job.id().equals(id)).findFirst();
      }
    }
    for (JobStore store : stores.values()) {
      Optional<Job> job = store.lookupJob(id);
      if (job.isPresent()) {
        return job;
      }
    }
    return Optional.empty();
  }

  @Override
  public List<Job> getJobs() {
    synchronized (lock) {
      if (state == SchedulerState.STOPPED) {
        return pending.stream().map(p -> p.job).toList();
      }
    }
    List<Job> jobs = new ArrayList<>();
    for (JobStore store : stores.values()) {
      jobs.addAll(store.getAllJobs());
    }
    return jobs;
  }

  @Override
  public List<Job> getJobs(String jobStore) {
    synchronized (lock) {
      if (state == SchedulerState.STOPPED) {
        return pending.stream()
            .map(p -> p.job)
            .filter(job -> job.jobStore().equals(jobStore))
            .toList();
      }
    }
    return store(jobStore).getAllJobs();
  }

  @Override
  public void printJobs(Appendable out) {
    try {
      if (state == SchedulerState.STOPPED) {
        out.append("Pending jobs:\n");
        List<Job> jobs = getJobs();
        for (Job job : jobs) {
          out.append("    ")
              .append(job.name())
              .append(" (trigger: ")
              .append(String.valueOf(job.trigger()))
              .append(", pending)\n");
        }
        if (jobs.isEmpty()) {
          out.append("    No pending jobs\n");
        }
        return;
      }
      for (Map.Entry<String, JobStore> store : stores.entrySet()) {
        out.append("Jobstore ").append(store.getKey()).append(":\n");
        List<Job> jobs = store.getValue().getAllJobs();
        for (Job job : jobs) {
          out.append("    ").append(job.toString()).append('\n');
        }
        if (jobs.isEmpty()) {
          out.append("    No scheduled jobs\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void start(boolean paused) {
    synchronized (lock) {
      requireState(state == SchedulerState.STOPPED, "the scheduler is already running");
      Map<String, JobExecutor> startExecutors = new LinkedHashMap<>(executors);
      Map<String, JobStore> startStores = new LinkedHashMap<>(stores);
      boolean addedExecutor = !startExecutors.containsKey(JobSpec.DEFAULT_ALIAS);
      if (addedExecutor) {
        startExecutors.put(JobSpec.DEFAULT_ALIAS, defaultExecutor.get());
      }
      boolean addedStore = !startStores.containsKey(JobSpec.DEFAULT_ALIAS);
      if (addedStore) {
        startStores.put(JobSpec.DEFAULT_ALIAS, JobStores.memory());
      }
      for (PendingJob job : pending) {
        requireState(
            startStores.containsKey(job.job.jobStore()),
            "job '%s' names job store '%s', which is not configured (configured: %s)",
            job.job.id(),
            job.job.jobStore(),
            startStores.keySet());
        requireState(
            startExecutors.containsKey(job.job.executor()),
            "job '%s' names executor '%s', which is not configured (configured: %s)",
            job.job.id(),
            job.job.executor(),
            startExecutors.keySet());
      }
      startExecutors.forEach((alias, executor) -> executor.start(alias));
      startStores.forEach((alias, store) -> store.start(storeContext(alias)));
      executors = Collections.unmodifiableMap(startExecutors);
      stores = Collections.unmodifiableMap(startStores);
      Instant now = clock.instant();
      if (addedExecutor) {
        events.publish(
            EventType.EXECUTOR_ADDED, () -> new ExecutorAdded(JobSpec.DEFAULT_ALIAS, now));
      }
      if (addedStore) {
        events.publish(
            EventType.JOBSTORE_ADDED, () -> new JobStoreAdded(JobSpec.DEFAULT_ALIAS, now));
      }
      for (PendingJob job : pending) {
        Instant next =
            job.nextRunTimeIsSet
                ? job.job.nextRunTime().orElse(null)
                : firstRunTime(job.job.trigger(), now);
        storeNewJob(
            startStores.get(job.job.jobStore()),
            job.job.withNextRunTime(next),
            job.replaceExisting);
      }
      pending.clear();
      if (clock instanceof ClockAdjustments adjustable) {
        adjustable.onAdjust(wakeupOnClockChange);
      }
      state = paused ? SchedulerState.PAUSED : SchedulerState.RUNNING;
      log.info("Scheduler started{}", paused ? " (paused)" : "");
    }
    events.publish(EventType.SCHEDULER_STARTED, () -> new SchedulerStarted(clock.instant()));
    startProcessing();
  }

  @Override
  public void pause() {
    synchronized (lock) {
      requireState(state != SchedulerState.STOPPED, "the scheduler is not running");
      if (state != SchedulerState.RUNNING) {
        return;
      }
      state = SchedulerState.PAUSED;
    }
    log.info("Paused scheduler job processing");
    events.publish(EventType.SCHEDULER_PAUSED, () -> new SchedulerPaused(clock.instant()));
  }

  @Override
  public void resume() {
    synchronized (lock) {
      requireState(state != SchedulerState.STOPPED, "the scheduler is not running");
      if (state != SchedulerState.PAUSED) {
        return;
      }
      state = SchedulerState.RUNNING;
    }
    log.info("Resumed scheduler job processing");
    events.publish(EventType.SCHEDULER_RESUMED, () -> new SchedulerResumed(clock.instant()));
    wakeup();
  }

  @Override
  public void shutdown(boolean wait) {
    synchronized (lock) {
      if (state == SchedulerState.STOPPED) {
        return;
      }
      state = SchedulerState.STOPPED;
      if (clock instanceof ClockAdjustments adjustable) {
        adjustable.removeOnAdjust(wakeupOnClockChange);
      }
    }
    waiter.signal();
    stopProcessing();
    boolean waitForJobs = wait && !JobRun.isRunningJobOf(this);
    if (wait && !waitForJobs) {
      log.debug("Shutdown called from a job of this scheduler; not waiting for running jobs");
    }
    for (JobExecutor executor : executors.values()) {
      executor.shutdown(waitForJobs, shutdownTimeout);
    }
    Map<String, Integer> stillRunning = instances.snapshot();
    if (waitForJobs && !stillRunning.isEmpty()) {
      log.warn("Jobs still running after shutdown (instances by job id): {}", stillRunning);
    }
    for (JobStore store : stores.values()) {
      store.shutdown();
    }
    log.info("Scheduler has been shut down");
    events.publish(EventType.SCHEDULER_SHUTDOWN, () -> new SchedulerShutdown(clock.instant()));
  }

  @Override
  public void wakeup() {
    waiter.signal();
  }

  // ---------------------------------------------------------------- stores, executors, listeners

  @Override
  public void addJobStore(String alias, JobStore store) {
    requireNonNull(store, "store");
    synchronized (lock) {
      requireArgument(
          alias != null && !alias.isBlank(),
          "jobStore alias must not be blank, but was '%s'",
          alias);
      requireArgument(!stores.containsKey(alias), "jobStore alias '%s' is already in use", alias);
      if (state != SchedulerState.STOPPED) {
        store.start(storeContext(alias));
      }
      Map<String, JobStore> copy = new LinkedHashMap<>(stores);
      copy.put(alias, store);
      stores = Collections.unmodifiableMap(copy);
    }
    events.publish(EventType.JOBSTORE_ADDED, () -> new JobStoreAdded(alias, clock.instant()));
    wakeup();
  }

  @Override
  public void removeJobStore(String alias) {
    JobStore removed;
    synchronized (lock) {
      removed = store(alias);
      Map<String, JobStore> copy = new LinkedHashMap<>(stores);
      copy.remove(alias);
      stores = Collections.unmodifiableMap(copy);
    }
    if (state != SchedulerState.STOPPED) {
      removed.shutdown();
    }
    events.publish(EventType.JOBSTORE_REMOVED, () -> new JobStoreRemoved(alias, clock.instant()));
  }

  @Override
  public void addExecutor(String alias, JobExecutor executor) {
    requireNonNull(executor, "executor");
    synchronized (lock) {
      requireArgument(
          alias != null && !alias.isBlank(),
          "executor alias must not be blank, but was '%s'",
          alias);
      requireArgument(
          !executors.containsKey(alias), "executor alias '%s' is already in use", alias);
      if (state != SchedulerState.STOPPED) {
        executor.start(alias);
      }
      Map<String, JobExecutor> copy = new LinkedHashMap<>(executors);
      copy.put(alias, executor);
      executors = Collections.unmodifiableMap(copy);
    }
    events.publish(EventType.EXECUTOR_ADDED, () -> new ExecutorAdded(alias, clock.instant()));
  }

  @Override
  public void removeExecutor(String alias) {
    JobExecutor removed;
    synchronized (lock) {
      removed = executors.get(alias);
      requireArgument(
          removed != null,
          "no executor has the alias '%s' (configured: %s)",
          alias,
          executors.keySet());
      Map<String, JobExecutor> copy = new LinkedHashMap<>(executors);
      copy.remove(alias);
      executors = Collections.unmodifiableMap(copy);
    }
    if (state != SchedulerState.STOPPED) {
      removed.shutdown(true, shutdownTimeout);
    }
    events.publish(EventType.EXECUTOR_REMOVED, () -> new ExecutorRemoved(alias, clock.instant()));
  }

  @Override
  public void addListener(SchedulerListener listener, EventType... types) {
    events.add(requireNonNull(listener, "listener"), EventType.mask(types));
  }

  @Override
  public void removeListener(SchedulerListener listener) {
    events.remove(listener);
  }

  @Override
  public SchedulerState state() {
    return state;
  }

  @Override
  public ZoneId timezone() {
    return timezone;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Map<String, Integer> runningInstances() {
    return instances.snapshot();
  }

  @Override
  public Map<String, JobStore> jobStores() {
    return stores;
  }

  // ---------------------------------------------------------------- processing

  /**
   * Starts whatever runs {@link #processDueJobs()}; called at the end of {@link #start(boolean)},
   * outside any lock. {@link BlockingScheduler} returns from it only at shutdown.
   */
  protected abstract void startProcessing();

  /** Stops whatever runs {@link #processDueJobs()}; called by {@link #shutdown(boolean)}. */
  protected abstract void stopProcessing();

  /**
   * Runs passes of {@link #processDueJobs()} on the calling thread, sleeping in between until the
   * next run time or a wake-up, until the scheduler stops.
   */
  protected final void runLoop() {
    while (state != SchedulerState.STOPPED) {
      waiter.beginPass();
      @Nullable Instant next;
      try {
        next = processDueJobs();
      } catch (RuntimeException e) {
        log.error("Error processing jobs; retrying in {}", jobStoreRetryInterval, e);
        next = clock.instant().plus(jobStoreRetryInterval);
      }
      if (state != SchedulerState.STOPPED) {
        waiter.await(next);
      }
    }
  }

  /**
   * One pass of APScheduler's loop: takes the due jobs of every store, submits their runs to their
   * executors (applying coalescing and instance limits) and stores their next run times.
   *
   * @return when the next job is due, or {@code null} when none is (or the scheduler is paused)
   */
  protected final @Nullable Instant processDueJobs() {
    if (state != SchedulerState.RUNNING) {
      return null;
    }
    Instant now = clock.instant();
    ZonedDateTime zonedNow = now.atZone(timezone);
    @Nullable Instant next = null;
    for (Map.Entry<String, JobStore> entry : stores.entrySet()) {
      String alias = entry.getKey();
      JobStore store = entry.getValue();
      if (store instanceof SharedJobStore shared) {
        next = earliest(next, processSharedStore(alias, shared, now, zonedNow));
        continue;
      }
      try {
        int acquired;
        do {
          processing.lock();
          try {
            List<Job> due = store.acquireDueJobs(now, ACQUIRE_BATCH);
            acquired = due.size();
            processBatch(alias, store, due, now, zonedNow);
          } finally {
            processing.unlock();
          }
        } while (acquired == ACQUIRE_BATCH && state == SchedulerState.RUNNING);
        @Nullable Instant storeNext = store.nextRunTime().orElse(null);
        next = earliest(next, storeNext);
      } catch (RuntimeException e) {
        log.warn(
            "Error getting due jobs from job store '{}'; retrying in {}",
            alias,
            jobStoreRetryInterval,
            e);
        next = earliest(next, now.plus(jobStoreRetryInterval));
      }
    }
    return next;
  }

  /** Submits a batch of acquired jobs, then releases them with their next run times at once. */
  private void processBatch(
      String alias, JobStore store, List<Job> due, Instant now, ZonedDateTime zonedNow) {
    List<@Nullable Job> updated = new ArrayList<>(due.size());
    Map<JobExecutor, List<JobRun>> runs = new LinkedHashMap<>();
    try {
      for (Job job : due) {
        updated.add(processJob(alias, job, now, zonedNow, runs));
      }
    } finally {
      // Jobs not reached (only if an Error escaped) go back unchanged, due again next pass.
      for (int i = updated.size(); i < due.size(); i++) {
        updated.add(due.get(i));
      }
      handOver(runs);
      List<ReleaseResult> results = store.releaseJobs(due, updated);
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i) == ReleaseResult.REMOVED) {
          log.debug("Removed job \"{}\": its trigger has no more fire times", due.get(i));
          if (events.wants(EventType.JOB_REMOVED)) {
            publishJobRemoved(due.get(i).id(), alias);
          }
        }
      }
    }
  }

  /**
   * Hands the runs of a batch to their executors, each executor's in one call, in the order the
   * jobs were processed; a run an executor rejects gives back its instance.
   */
  private void handOver(Map<JobExecutor, List<JobRun>> runs) {
    for (Map.Entry<JobExecutor, List<JobRun>> entry : runs.entrySet()) {
      List<JobRun> submitted = entry.getValue();
      int accepted;
      try {
        accepted = entry.getKey().executeAll(submitted);
      } catch (RuntimeException e) {
        // A broken executor must not keep the batch from being released.
        log.error("Executor {} failed to take {} run(s)", entry.getKey(), submitted.size(), e);
        accepted = 0;
      }
      for (JobRun rejected : submitted.subList(accepted, submitted.size())) {
        rejected.rejected();
      }
    }
  }

  /** Submits one due job's runs; returns its next snapshot, or null to remove it. */
  private @Nullable Job processJob(
      String alias,
      Job job,
      Instant now,
      ZonedDateTime zonedNow,
      Map<JobExecutor, List<JobRun>> runs) {
    try {
      JobExecutor executor = executors.get(job.executor());
      if (executor == null) {
        log.error(
            "Executor lookup (\"{}\") failed for job \"{}\" -- removing it from the job store",
            job.executor(),
            job);
        return null;
      }
      return submitDueRuns(alias, job, executor, now, zonedNow, runs);
    } catch (RuntimeException e) {
      log.error("Error processing job \"{}\"; pausing it", job, e);
      return job.withNextRunTime(null);
    }
  }

  /** Submits a due job's run times and returns the job with its next run time (null: finished). */
  private @Nullable Job submitDueRuns(
      String alias,
      Job job,
      JobExecutor executor,
      Instant now,
      ZonedDateTime zonedNow,
      Map<JobExecutor, List<JobRun>> runs) {
    DueRuns due = dueRuns(job, now, zonedNow);
    submit(alias, job, executor, due.runTimes, now, runs);
    return due.next == null ? null : job.withNextRunTime(due.next);
  }

  /**
   * Walks a due job's trigger from its next run time up to now: the run times to submit (after
   * coalescing) and the first fire time after now.
   */
  private DueRuns dueRuns(Job job, Instant now, ZonedDateTime zonedNow) {
    Instant first = job.nextRunTime().orElseThrow();
    if (job.trigger() instanceof DateTrigger date && !date.runInstant().isAfter(first)) {
      // The common one-shot job at (or past) its run date: one run, nothing after it.
      return new DueRuns(List.of(first), null);
    }
    List<Instant> all = job.coalesce() == CoalescePolicy.ALL ? new ArrayList<>() : List.of();
    Instant last = first;
    @Nullable ZonedDateTime current = null;
    @Nullable Instant following;
    while (true) {
      if (job.coalesce() == CoalescePolicy.ALL) {
        all.add(last);
      }
      if (job.trigger() instanceof DateTrigger date) {
        // The common one-shot job: its run date, if still ahead, is all that follows.
        following = date.runInstant().isAfter(last) ? date.runInstant() : null;
      } else {
        Optional<ZonedDateTime> next =
            job.trigger().nextFireTime(current != null ? current : last.atZone(timezone), zonedNow);
        current = next.orElse(null);
        following = current == null ? null : current.toInstant();
      }
      if (following == null) {
        break;
      }
      if (!following.isAfter(last)) {
        throw new IllegalStateException(
            "trigger "
                + job.trigger()
                + " returned "
                + following
                + ", which is not after its previous fire time "
                + last);
      }
      if (following.isAfter(now)) {
        break;
      }
      last = following;
    }
    List<Instant> runTimes =
        switch (job.coalesce()) {
          case EARLIEST -> List.of(first);
          case LATEST -> List.of(last);
          case ALL -> all;
        };
    return new DueRuns(runTimes, following);
  }

  /** Counts an instance of a due job and queues its run for {@link #handOver}. */
  private void submit(
      String alias,
      Job job,
      JobExecutor executor,
      List<Instant> runTimes,
      Instant now,
      Map<JobExecutor, List<JobRun>> runs) {
    InstanceCounter.Instances instance = instances.tryAcquire(job.id(), job.maxInstances());
    if (instance == null) {
      maxInstancesReached(alias, job, runTimes, now);
      return;
    }
    if (events.wants(EventType.JOB_SUBMITTED)) {
      events.publish(new JobSubmitted(job.id(), alias, runTimes, now));
    }
    runs.computeIfAbsent(executor, any -> new ArrayList<>())
        .add(new JobRun(this, executor, job, runTimes, instance, null));
  }

  private void maxInstancesReached(String alias, Job job, List<Instant> runTimes, Instant now) {
    log.warn(
        "Execution of job \"{}\" skipped: maximum number of running instances reached ({})",
        job,
        job.maxInstances());
    events.publish(
        EventType.JOB_MAX_INSTANCES, () -> new MaxInstancesReached(job.id(), alias, runTimes, now));
  }

  // ---------------------------------------------------------------- shared stores

  /**
   * One pass over a shared store: records completions it missed, renews the leases of this
   * scheduler's runs, re-runs runs whose scheduler died, then acquires, claims and submits due
   * jobs. Returns when to look again.
   */
  private @Nullable Instant processSharedStore(
      String alias, SharedJobStore store, Instant now, ZonedDateTime zonedNow) {
    @Nullable Instant next = now.plus(store.pollInterval());
    try {
      recordUnrecordedCompletions();
      renewLeasesIfDue(now);
      processing.lock();
      try {
        for (RunClaim claim : store.recoverExpiredRuns(now, ACQUIRE_BATCH)) {
          runRecovered(alias, store, claim, now);
        }
        int acquired;
        do {
          SharedJobStore.AcquiredRuns batch =
              store.acquireAndClaim(now, ACQUIRE_BATCH, due -> sharedReleases(due, now, zonedNow));
          acquired = batch.releases().size();
          processClaimResults(alias, store, batch, now);
        } while (acquired == ACQUIRE_BATCH && state == SchedulerState.RUNNING);
      } finally {
        processing.unlock();
      }
      next = earliest(next, store.nextRunTime().orElse(null));
    } catch (RuntimeException e) {
      log.warn("Error processing job store '{}'; retrying in {}", alias, jobStoreRetryInterval, e);
      next = earliest(next, now.plus(jobStoreRetryInterval));
    }
    if (!heldClaims.isEmpty()) {
      next = earliest(next, nextLeaseRenewal);
    }
    if (!unrecordedCompletions.isEmpty()) {
      next = earliest(next, now.plus(jobStoreRetryInterval));
    }
    return next;
  }

  /** What to release acquired jobs of a shared store with, in order. */
  private List<SharedJobStore.Release> sharedReleases(
      List<Job> due, Instant now, ZonedDateTime zonedNow) {
    List<SharedJobStore.Release> releases = new ArrayList<>(due.size());
    for (Job job : due) {
      releases.add(sharedRelease(job, now, zonedNow));
    }
    return releases;
  }

  /** Reports what a store did with a batch of released jobs and submits the claimed runs. */
  private void processClaimResults(
      String alias, SharedJobStore store, SharedJobStore.AcquiredRuns batch, Instant now) {
    for (int i = 0; i < batch.releases().size(); i++) {
      SharedJobStore.Release release = batch.releases().get(i);
      Job job = release.acquired();
      SharedJobStore.ClaimResult result = batch.results().get(i);
      switch (result.release()) {
        case LEASE_LOST -> {
          log.warn("Lost the acquisition of job \"{}\" to another scheduler; not running it", job);
          events.publish(
              EventType.JOB_LEASE_LOST, () -> new JobLeaseLost(job.id(), alias, List.of(), now));
        }
        case REMOVED -> {
          log.debug("Removed job \"{}\": its trigger has no more fire times", job);
          publishJobRemoved(job.id(), alias);
        }
        case UPDATED, SUPERSEDED -> {}
      }
      if (result.maxInstancesReached()) {
        maxInstancesReached(alias, job, release.runTimes(), now);
      }
      RunClaim claim = result.claim();
      if (claim != null) {
        submitClaimed(alias, store, job, claim, now);
      }
    }
  }

  /**
   * What to release an acquired job of a shared store with: its next snapshot and its runs. It may
   * run again for the same job when the store retries, so it only computes (and logs).
   */
  private SharedJobStore.Release sharedRelease(Job job, Instant now, ZonedDateTime zonedNow) {
    if (!executors.containsKey(job.executor())) {
      log.error(
          "Executor lookup (\"{}\") failed for job \"{}\" -- removing it from the job store",
          job.executor(),
          job);
      return new SharedJobStore.Release(job, null, List.of());
    }
    try {
      DueRuns due = dueRuns(job, now, zonedNow);
      return new SharedJobStore.Release(
          job, due.next == null ? null : job.withNextRunTime(due.next), due.runTimes);
    } catch (RuntimeException e) {
      log.error("Error processing job \"{}\"; pausing it", job, e);
      return new SharedJobStore.Release(job, job.withNextRunTime(null), List.of());
    }
  }

  /** Re-runs a claim taken over from a scheduler whose lease expired. */
  private void runRecovered(String alias, SharedJobStore store, RunClaim claim, Instant now) {
    Optional<Job> job = store.claimedJob(claim);
    if (job.isEmpty() || !executors.containsKey(job.get().executor())) {
      log.warn(
          "Dropping the run of job '{}' taken over from a failed scheduler: {}",
          claim.jobId(),
          job.isEmpty() ? "the job was removed" : "its executor is not configured here");
      store.completeRun(claim);
      return;
    }
    log.warn(
        "Recovering the run of job \"{}\" at {} from a scheduler whose lease expired",
        job.get(),
        claim.runTimes());
    events.publish(
        EventType.JOB_RECOVERED,
        () -> new JobRecovered(claim.jobId(), alias, claim.runTimes(), now));
    submitClaimed(alias, store, job.get(), claim, now);
  }

  /** Submits a claimed run; the claim is completed when the run ends. */
  private void submitClaimed(
      String alias, SharedJobStore store, Job job, RunClaim claim, Instant now) {
    JobExecutor executor = executors.get(job.executor());
    HeldClaim held = new HeldClaim(alias, store, claim);
    if (heldClaims.isEmpty()) {
      nextLeaseRenewal = now.plus(store.leaseTime().dividedBy(3));
    }
    heldClaims.put(claim.runId(), held);
    // The store enforced maxInstances when it claimed the run; this only counts it.
    InstanceCounter.Instances instance =
        Objects.requireNonNull(instances.tryAcquire(job.id(), Integer.MAX_VALUE));
    events.publish(
        EventType.JOB_SUBMITTED, () -> new JobSubmitted(job.id(), alias, claim.runTimes(), now));
    try {
      if (executor == null) {
        throw new RejectedExecutionException("executor '" + job.executor() + "' was removed");
      }
      executor.execute(new JobRun(this, executor, job, claim.runTimes(), instance, held));
    } catch (RejectedExecutionException e) {
      log.error("Executor \"{}\" rejected job \"{}\"", job.executor(), job, e);
      instance.release();
      completeClaim(held);
    }
  }

  /**
   * Ends a claimed run in its store; called when the run ends. Runs that end while another thread
   * records completions are recorded by that thread, in its next round: one store call (for JDBC,
   * one transaction) per round instead of one per run.
   */
  void completeClaim(HeldClaim held) {
    held.completing = true;
    completions.add(held);
    while (!completions.isEmpty() && recordingCompletions.compareAndSet(false, true)) {
      try {
        List<HeldClaim> round = new ArrayList<>();
        for (HeldClaim next;
            round.size() < COMPLETION_ROUND && (next = completions.poll()) != null; ) {
          round.add(next);
        }
        recordCompletions(round);
      } finally {
        recordingCompletions.set(false);
      }
    }
  }

  private void recordUnrecordedCompletions() {
    List<HeldClaim> retry = new ArrayList<>();
    for (int i = unrecordedCompletions.size(); i > 0; i--) {
      HeldClaim held = unrecordedCompletions.poll();
      if (held == null) {
        break;
      }
      retry.add(held);
    }
    recordCompletions(retry);
  }

  /** Completes claims in their stores, one call per store; keeps them for a retry on failure. */
  private void recordCompletions(List<HeldClaim> ended) {
    Map<SharedJobStore, List<HeldClaim>> byStore = new LinkedHashMap<>();
    for (HeldClaim held : ended) {
      if (held.lost) {
        heldClaims.remove(held.claim.runId());
      } else {
        byStore.computeIfAbsent(held.store, store -> new ArrayList<>()).add(held);
      }
    }
    for (Map.Entry<SharedJobStore, List<HeldClaim>> entry : byStore.entrySet()) {
      List<HeldClaim> claims = entry.getValue();
      List<RunClaim> notHeld;
      try {
        notHeld = entry.getKey().completeRuns(claims.stream().map(held -> held.claim).toList());
      } catch (RuntimeException e) {
        log.warn(
            "Could not record the end of {} run(s) (first: job '{}') in job store '{}'; retrying"
                + " in {}",
            claims.size(),
            claims.get(0).claim.jobId(),
            claims.get(0).alias,
            jobStoreRetryInterval,
            e);
        claims.forEach(held -> held.recordingFailed = true);
        unrecordedCompletions.addAll(claims);
        waiter.signal();
        continue;
      }
      Set<String> lostRunIds = new HashSet<>();
      notHeld.forEach(claim -> lostRunIds.add(claim.runId()));
      for (HeldClaim held : claims) {
        heldClaims.remove(held.claim.runId());
        // A failed attempt may have completed some of the claims before it failed.
        if (lostRunIds.contains(held.claim.runId()) && !held.recordingFailed) {
          leaseLost(held);
        }
      }
    }
  }

  /** Extends the leases of the runs this scheduler holds, every third of the lease time. */
  private void renewLeasesIfDue(Instant now) {
    if (heldClaims.isEmpty() || now.isBefore(nextLeaseRenewal)) {
      return;
    }
    Map<SharedJobStore, List<HeldClaim>> byStore = new LinkedHashMap<>();
    for (HeldClaim held : heldClaims.values()) {
      if (!held.lost) {
        byStore.computeIfAbsent(held.store, s -> new ArrayList<>()).add(held);
      }
    }
    Instant renewal = now.plus(SharedJobStore.DEFAULT_LEASE_TIME);
    for (Map.Entry<SharedJobStore, List<HeldClaim>> entry : byStore.entrySet()) {
      SharedJobStore store = entry.getKey();
      Instant storeRenewal = now.plus(store.leaseTime().dividedBy(3));
      renewal = storeRenewal.isBefore(renewal) ? storeRenewal : renewal;
      Map<String, HeldClaim> byRunId = new LinkedHashMap<>();
      List<RunClaim> claims = new ArrayList<>();
      for (HeldClaim held : entry.getValue()) {
        byRunId.put(held.claim.runId(), held);
        claims.add(held.claim);
      }
      for (RunClaim lost : store.renewLeases(claims, now)) {
        HeldClaim held = byRunId.get(lost.runId());
        // A claim completed while this renewal ran is gone from the store, but not lost.
        if (held != null && !held.completing && heldClaims.containsKey(lost.runId())) {
          held.lost = true;
          leaseLost(held);
        }
      }
    }
    nextLeaseRenewal = renewal;
  }

  private void leaseLost(HeldClaim held) {
    log.warn(
        "Lost the claim on the run of job '{}' at {}: its lease expired and another scheduler"
            + " took it over",
        held.claim.jobId(),
        held.claim.runTimes());
    events.publish(
        EventType.JOB_LEASE_LOST,
        () ->
            new JobLeaseLost(
                held.claim.jobId(), held.alias, held.claim.runTimes(), clock.instant()));
  }

  // ---------------------------------------------------------------- for JobRun

  EventFanOut events() {
    return events;
  }

  List<JobRunObserver> runObservers() {
    return runObservers;
  }

  // ---------------------------------------------------------------- helpers

  private Job modify(String id, Consumer<JobSpec.Builder> changes) {
    requireNonNull(id, "id");
    synchronized (lock) {
      if (state == SchedulerState.STOPPED) {
        PendingJob found = pendingJob(id);
        JobSpec spec = editedSpec(found.job, changes);
        boolean nextIsSet = found.nextRunTimeIsSet || spec.nextRunTimeIsSet();
        Job job =
            Job.create(
                spec,
                id,
                task(spec),
                trigger(spec),
                jobDefaults,
                spec.nextRunTimeIsSet()
                    ? spec.nextRunTime()
                    : found.job.nextRunTime().orElse(null));
        pending.set(pending.indexOf(found), new PendingJob(job, nextIsSet, found.replaceExisting));
        publishJobModified(job);
        return job;
      }
    }
    Job updated = null;
    processing.lock();
    try {
      for (JobStore store : stores.values()) {
        Optional<Job> current = store.lookupJob(id);
        if (current.isPresent()) {
          Job job = current.get();
          JobSpec spec = editedSpec(job, changes);
          requireExecutor(spec.executor());
          updated =
              Job.create(
                  spec,
                  id,
                  task(spec),
                  trigger(spec),
                  jobDefaults,
                  spec.nextRunTimeIsSet() ? spec.nextRunTime() : job.nextRunTime().orElse(null));
          store.updateJob(updated);
          break;
        }
      }
    } finally {
      processing.unlock();
    }
    if (updated == null) {
      throw new JobNotFoundException(id, null);
    }
    publishJobModified(updated);
    updated.nextRunTime().ifPresent(this::jobScheduled);
    return updated;
  }

  private static JobSpec editedSpec(Job job, Consumer<JobSpec.Builder> changes) {
    JobSpec.Builder builder = JobSpec.from(job);
    changes.accept(builder);
    JobSpec spec = builder.build();
    requireArgument(
        job.id().equals(spec.id()),
        "id cannot be changed by modifyJob (job '%s'), but was set to '%s'",
        job.id(),
        spec.id());
    requireArgument(
        job.jobStore().equals(spec.jobStore()),
        "jobStore cannot be changed by modifyJob (job '%s' is in '%s'), but was set to '%s'",
        job.id(),
        job.jobStore(),
        spec.jobStore());
    return spec;
  }

  private void storeNewJob(JobStore store, Job job, boolean replaceExisting) {
    try {
      store.addJob(job);
    } catch (ConflictingJobIdException e) {
      if (!replaceExisting) {
        throw e;
      }
      store.updateJob(job);
    }
    jobStored(job);
  }

  /** Announces a job just stored and wakes the loop when it is due before the loop's next pass. */
  private void jobStored(Job job) {
    log.debug("Added job \"{}\" to job store \"{}\"", job, job.jobStore());
    events.publish(
        EventType.JOB_ADDED, () -> new JobAdded(job.id(), job.jobStore(), clock.instant()));
    if (!job.isPaused() && state == SchedulerState.RUNNING) {
      waiter.signalIfBefore(job.nextRunTime().orElseThrow());
    }
  }

  /** Wakes the processing loop when a job became due before the time it sleeps towards. */
  private void jobScheduled(Instant nextRunTime) {
    if (state == SchedulerState.RUNNING) {
      waiter.signalIfBefore(nextRunTime);
    }
  }

  private void publishJobRemoved(String id, String alias) {
    events.publish(EventType.JOB_REMOVED, () -> new JobRemoved(id, alias, clock.instant()));
  }

  private void publishJobModified(Job job) {
    events.publish(
        EventType.JOB_MODIFIED, () -> new JobModified(job.id(), job.jobStore(), clock.instant()));
  }

  private Trigger trigger(JobSpec spec) {
    if (spec.trigger() != null) {
      return spec.trigger();
    }
    if (spec.triggerAlias() != null) {
      return Triggers.create(spec.triggerAlias(), spec.triggerOptions(), timezone);
    }
    return DateTrigger.at(clock.instant(), timezone);
  }

  private Task task(JobSpec spec) {
    if (spec.task() != null) {
      return spec.task();
    }
    return taskResolver.resolve(
        requireNonNull(spec.taskRef(), "taskRef"), spec.args(), spec.kwargs());
  }

  /** The first run time of a new job: its trigger's first fire time from now. */
  private @Nullable Instant firstRunTime(Trigger trigger) {
    // A date trigger needs no clock reading.
    return trigger instanceof DateTrigger date
        ? date.runInstant()
        : firstRunTime(trigger, clock.instant());
  }

  private @Nullable Instant firstRunTime(Trigger trigger, Instant now) {
    if (trigger instanceof DateTrigger date) {
      return date.runInstant();
    }
    return trigger
        .nextFireTime(null, now.atZone(timezone))
        .map(ZonedDateTime::toInstant)
        .orElse(null);
  }

  private JobStore store(String alias) {
    JobStore store = stores.get(alias);
    if (store == null) {
      throw new IllegalArgumentException(
          "no job store has the alias '" + alias + "' (configured: " + stores.keySet() + ")");
    }
    return store;
  }

  private void requireExecutor(String alias) {
    if (!executors.containsKey(alias)) {
      throw new IllegalArgumentException(
          "no executor has the alias '" + alias + "' (configured: " + executors.keySet() + ")");
    }
  }

  private PendingJob pendingJob(String id) {
    for (PendingJob job : pending) {
      if (job.job.id().equals(id)) {
        return job;
      }
    }
    throw new JobNotFoundException(id, null);
  }

  private JobStoreContext storeContext(String alias) {
    return new JobStoreContext(
        alias, clock, timezone, taskResolver, schedulerId, new StoreListener(alias));
  }

  private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  /** A job added before start, with what start needs to schedule it. */
  private record PendingJob(Job job, boolean nextRunTimeIsSet, boolean replaceExisting) {}

  /** The run times to submit for a due job, and its next run time after now (null: finished). */
  private record DueRuns(List<Instant> runTimes, @Nullable Instant next) {}

  /** A run this scheduler claimed in a shared store and has not completed. */
  static final class HeldClaim {
    final String alias;
    final SharedJobStore store;
    final RunClaim claim;
    // Set when a renewal found the claim taken over: its completion is no longer attempted.
    volatile boolean lost;
    // Set when the run ended and its completion began.
    volatile boolean completing;
    // Set when recording the completion failed (it is retried).
    volatile boolean recordingFailed;

    HeldClaim(String alias, SharedJobStore store, RunClaim claim) {
      this.alias = alias;
      this.store = store;
      this.claim = claim;
    }
  }

  /** Turns a store's reports into wake-ups and events. */
  private final class StoreListener implements JobStoreListener {
    private final String alias;

    StoreListener(String alias) {
      this.alias = alias;
    }

    @Override
    public void jobsChanged() {
      if (state == SchedulerState.RUNNING) {
        waiter.signal();
      }
    }

    @Override
    public void jobLoadFailed(String jobId, Exception cause) {
      log.error("Job '{}' in job store '{}' could not be loaded; skipping it", jobId, alias, cause);
      events.publish(
          EventType.JOB_LOAD_FAILED,
          () -> new JobLoadFailed(jobId, alias, cause.getMessage(), cause, clock.instant()));
    }
  }
}
