package io.scheduler.internal.engine;

import static io.scheduler.internal.Require.requireArgument;
import static io.scheduler.internal.Require.requireNonNull;
import static io.scheduler.internal.Require.requireState;

import io.scheduler.event.AllJobsRemoved;
import io.scheduler.event.EventType;
import io.scheduler.event.JobAdded;
import io.scheduler.event.JobModified;
import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.executor.JobExecutor;
import io.scheduler.job.Job;
import io.scheduler.job.JobFactory;
import io.scheduler.job.JobSpec;
import io.scheduler.job.Task;
import io.scheduler.store.JobStore;
import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.Triggers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job operations of {@code io.scheduler.Scheduler} that change jobs: add, change, run and
 * remove them, in the stores once started and among the pending jobs before ({@link JobQueries}
 * looks them up). Every new job comes from the {@link JobFactory}.
 */
public final class JobOperations {

  private static final Logger log = LoggerFactory.getLogger(SchedulerEngine.LOGGER_NAME);
  // A declared job is read again after a lost race at most this often.
  private static final int MAX_DECLARE_ATTEMPTS = 10;

  private final EngineContext context;
  private final JobFactory jobFactory;
  // The engine's lock: guards the pending jobs and the change from stopped to started.
  private final Object lock;
  private final PendingJobs pending;
  private final JobQueries queries;
  private final RunDispatcher dispatcher;

  JobOperations(
      EngineContext context,
      JobFactory jobFactory,
      Object lock,
      PendingJobs pending,
      JobQueries queries,
      RunDispatcher dispatcher) {
    this.context = context;
    this.jobFactory = jobFactory;
    this.lock = lock;
    this.pending = pending;
    this.queries = queries;
    this.dispatcher = dispatcher;
  }

  /** See {@code Scheduler.addJob}. */
  public Job addJob(JobSpec spec) {
    requireNonNull(spec, "spec");
    String id = jobFactory.id(spec);
    Trigger trigger = jobFactory.trigger(spec);
    Task task = jobFactory.task(spec);
    // Once running, adding a job needs no scheduler lock: only a stopped scheduler keeps pending
    // jobs, and start() publishes RUNNING only after its stores are ready.
    if (context.state == EngineState.STOPPED) {
      Job pendingJob = addPending(spec, id, trigger, task);
      if (pendingJob != null) {
        return pendingJob;
      }
    }
    JobStore store = context.store(spec.jobStore());
    context.requireExecutor(spec.executor());
    if (spec.replaceExisting()) {
      return declare(store, declaredJob(spec, id, task, trigger), spec.nextRunTimeIsSet());
    }
    trigger = jobFactory.anchor(trigger);
    Instant next = spec.nextRunTimeIsSet() ? spec.nextRunTime() : jobFactory.firstRunTime(trigger);
    if (next == null && !spec.nextRunTimeIsSet()) {
      jobFactory.requireFiring(id, trigger, context.clock.instant());
    }
    Job job = jobFactory.create(spec, id, task, trigger, next);
    storeNewJob(store, job);
    return job;
  }

  /** See {@code Scheduler.addJobs}. */
  public List<Job> addJobs(List<JobSpec> specs) {
    requireNonNull(specs, "specs");
    List<String> ids = new ArrayList<>(specs.size());
    List<Trigger> triggers = new ArrayList<>(specs.size());
    List<Task> tasks = new ArrayList<>(specs.size());
    Set<String> seen = new HashSet<>();
    for (JobSpec spec : specs) {
      requireNonNull(spec, "specs[" + ids.size() + "]");
      String id = jobFactory.id(spec);
      requireArgument(seen.add(id), "job id '%s' appears more than once in addJobs", id);
      ids.add(id);
      triggers.add(jobFactory.trigger(spec));
      tasks.add(jobFactory.task(spec));
    }
    if (context.state == EngineState.STOPPED) {
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
    Instant now = context.clock.instant();
    Map<String, List<Job>> batches = new LinkedHashMap<>();
    List<Job> added = new ArrayList<>(specs.size());
    for (int i = 0; i < specs.size(); i++) {
      JobSpec spec = specs.get(i);
      context.store(spec.jobStore());
      context.requireExecutor(spec.executor());
      if (spec.replaceExisting()) {
        added.add(declaredJob(spec, ids.get(i), tasks.get(i), triggers.get(i)));
        continue;
      }
      Trigger trigger = jobFactory.anchor(triggers.get(i));
      Instant next =
          spec.nextRunTimeIsSet()
              ? spec.nextRunTime()
              : jobFactory.requireFiring(ids.get(i), trigger, now);
      added.add(jobFactory.create(spec, ids.get(i), tasks.get(i), trigger, next));
    }
    for (int i = 0; i < added.size(); i++) {
      if (!specs.get(i).replaceExisting()) {
        batches
            .computeIfAbsent(added.get(i).jobStore(), alias -> new ArrayList<>())
            .add(added.get(i));
      }
    }
    // All or nothing across stores: when a store refuses, the jobs new in the others are removed
    // again, and no event is published. Declared jobs (replaceExisting) reconcile afterwards, one
    // by one, as addJob does: a job reconciled with its stored version stays so.
    List<List<Job>> stored = new ArrayList<>(batches.size() + 1);
    try {
      for (Map.Entry<String, List<Job>> batch : batches.entrySet()) {
        context.store(batch.getKey()).addJobs(batch.getValue());
        stored.add(batch.getValue());
      }
    } catch (RuntimeException e) {
      removeAgain(stored, e);
      throw e;
    }
    for (int i = 0; i < added.size(); i++) {
      if (!specs.get(i).replaceExisting()) {
        jobStored(added.get(i));
      }
    }
    for (int i = 0; i < added.size(); i++) {
      if (specs.get(i).replaceExisting()) {
        JobSpec spec = specs.get(i);
        added.set(
            i, declare(context.store(spec.jobStore()), added.get(i), spec.nextRunTimeIsSet()));
      }
    }
    out.addAll(added);
    return out;
  }

  private void removeAgain(List<List<Job>> stored, RuntimeException refusal) {
    for (List<Job> batch : stored) {
      for (Job job : batch) {
        try {
          context.store(job.jobStore()).removeJob(job.id());
        } catch (RuntimeException e) {
          log.warn(
              "addJobs failed, and job '{}' it added to job store '{}' could not be removed again",
              job.id(),
              job.jobStore(),
              e);
          refusal.addSuppressed(e);
        }
      }
    }
  }

  /** Keeps a job added while stopped for start(); returns null when the scheduler started. */
  private @Nullable Job addPending(JobSpec spec, String id, Trigger trigger, Task task) {
    if (!spec.nextRunTimeIsSet()) {
      jobFactory.requireFiring(id, trigger, context.clock.instant());
    }
    synchronized (lock) {
      if (context.state == EngineState.STOPPED) {
        // A declared job keeps its trigger as declared: start compares it with a stored job.
        Job job =
            jobFactory.create(
                spec,
                id,
                task,
                spec.replaceExisting() ? trigger : jobFactory.anchor(trigger),
                spec.nextRunTimeIsSet() ? spec.nextRunTime() : null);
        pending.add(job, spec.nextRunTimeIsSet(), spec.replaceExisting());
        return job;
      }
      return null;
    }
  }

  /** See {@code Scheduler.modifyJob}. */
  public Job modifyJob(String id, Consumer<JobSpec.Builder> changes) {
    requireNonNull(changes, "changes");
    return modify(id, changes);
  }

  /** See {@code Scheduler.rescheduleJob}. */
  public Job rescheduleJob(String id, Trigger trigger) {
    requireNonNull(trigger, "trigger");
    Trigger anchored = jobFactory.anchor(trigger);
    Instant next = jobFactory.firstRunTime(anchored, context.clock.instant());
    return modify(id, builder -> builder.trigger(anchored).nextRunTime(next));
  }

  /** See {@code Scheduler.rescheduleJob}. */
  public Job rescheduleJob(String id, String triggerAlias, Map<String, ?> triggerOptions) {
    return rescheduleJob(id, Triggers.create(triggerAlias, triggerOptions, context.timezone));
  }

  /** See {@code Scheduler.pauseJob}. */
  public Job pauseJob(String id) {
    return modify(id, JobSpec.Builder::paused);
  }

  /** See {@code Scheduler.resumeJob}. */
  public Optional<Job> resumeJob(String id) {
    Job job = queries.getJob(id).orElseThrow(() -> new JobNotFoundException(id, null));
    Instant next = jobFactory.firstRunTime(job.trigger(), context.clock.instant());
    if (next == null) {
      removeJob(id);
      return Optional.empty();
    }
    return Optional.of(modify(id, builder -> builder.nextRunTime(next)));
  }

  /** See {@code Scheduler.runJob}. */
  public boolean runJob(String id) {
    requireNonNull(id, "id");
    requireState(
        context.state != EngineState.STOPPED,
        "job '%s' cannot run now: the scheduler is not running",
        id);
    for (Map.Entry<String, JobStore> store : context.stores.entrySet()) {
      Optional<Job> job = store.getValue().lookupJob(id);
      if (job.isPresent()) {
        return dispatcher.runNow(
            store.getKey(), store.getValue(), job.get(), context.clock.instant());
      }
    }
    throw new JobNotFoundException(id, null);
  }

  /** See {@code Scheduler.removeJob}. */
  public void removeJob(String id) {
    requireNonNull(id, "id");
    synchronized (lock) {
      if (context.state == EngineState.STOPPED) {
        PendingJobs.PendingJob found = pending.get(id);
        pending.remove(found);
        context.publishJobRemoved(found.job().id(), found.job().jobStore());
        return;
      }
    }
    for (Map.Entry<String, JobStore> store : context.stores.entrySet()) {
      if (store.getValue().lookupJob(id).isPresent()) {
        try {
          store.getValue().removeJob(id);
        } catch (JobNotFoundException removedMeanwhile) {
          continue;
        }
        context.publishJobRemoved(id, store.getKey());
        return;
      }
    }
    // A stored job that cannot be loaded is not found by lookupJob, but can be removed.
    for (Map.Entry<String, JobStore> store : context.stores.entrySet()) {
      try {
        store.getValue().removeJob(id);
      } catch (JobNotFoundException notThere) {
        continue;
      }
      context.publishJobRemoved(id, store.getKey());
      return;
    }
    throw new JobNotFoundException(id, null);
  }

  /** See {@code Scheduler.removeAllJobs}. */
  public void removeAllJobs() {
    synchronized (lock) {
      pending.clear();
    }
    for (JobStore store : context.stores.values()) {
      store.removeAllJobs();
    }
    context.events.publish(
        EventType.ALL_JOBS_REMOVED, () -> new AllJobsRemoved(null, context.clock.instant()));
  }

  /** See {@code Scheduler.removeAllJobs}. */
  public void removeAllJobs(String jobStore) {
    JobStore store = context.store(jobStore);
    synchronized (lock) {
      pending.clear(jobStore);
    }
    store.removeAllJobs();
    context.events.publish(
        EventType.ALL_JOBS_REMOVED, () -> new AllJobsRemoved(jobStore, context.clock.instant()));
  }

  private Job modify(String id, Consumer<JobSpec.Builder> changes) {
    requireNonNull(id, "id");
    synchronized (lock) {
      if (context.state == EngineState.STOPPED) {
        PendingJobs.PendingJob found = pending.get(id);
        JobSpec spec = editedSpec(found.job(), changes);
        boolean nextIsSet = found.nextRunTimeIsSet() || spec.nextRunTimeIsSet();
        Job job =
            jobFactory.create(
                spec,
                id,
                jobFactory.task(spec),
                found.replaceExisting()
                    ? checkedTrigger(found.job(), spec)
                    : jobFactory.anchor(checkedTrigger(found.job(), spec)),
                spec.nextRunTimeIsSet()
                    ? spec.nextRunTime()
                    : found.job().nextRunTime().orElse(null));
        pending.replace(found, new PendingJobs.PendingJob(job, nextIsSet, found.replaceExisting()));
        publishJobModified(job);
        return job;
      }
    }
    Job updated = null;
    context.processing.lock();
    try {
      for (JobStore store : context.stores.values()) {
        Optional<Job> current = store.lookupJob(id);
        if (current.isPresent()) {
          Job job = current.get();
          JobSpec spec = editedSpec(job, changes);
          context.requireExecutor(spec.executor());
          updated =
              jobFactory.create(
                  spec,
                  id,
                  jobFactory.task(spec),
                  jobFactory.anchor(checkedTrigger(job, spec)),
                  spec.nextRunTimeIsSet() ? spec.nextRunTime() : job.nextRunTime().orElse(null));
          store.updateJob(updated);
          break;
        }
      }
    } finally {
      context.processing.unlock();
    }
    if (updated == null) {
      throw new JobNotFoundException(id, null);
    }
    publishJobModified(updated);
    updated.nextRunTime().ifPresent(this::jobScheduled);
    return updated;
  }

  /** The trigger of an edited spec, refused when it is a new one that never fires. */
  private Trigger checkedTrigger(Job job, JobSpec spec) {
    Trigger trigger = jobFactory.trigger(spec);
    if (trigger != job.trigger() && !trigger.equals(job.trigger())) {
      jobFactory.requireFiring(job.id(), trigger, context.clock.instant());
    }
    return trigger;
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

  private void storeNewJob(JobStore store, Job job) {
    store.addJob(job);
    jobStored(job);
  }

  /** A declared job as its spec gives it: trigger as declared, next run time only when set. */
  private Job declaredJob(JobSpec spec, String id, Task task, Trigger trigger) {
    return jobFactory.create(
        spec, id, task, trigger, spec.nextRunTimeIsSet() ? spec.nextRunTime() : null);
  }

  /**
   * Adds a declared job, or reconciles the stored job with its id with it ({@link DeclaredJobs}):
   * {@code JOB_ADDED} when added, {@code JOB_MODIFIED} when changed, no event when unchanged. The
   * stored job is replaced only while it is still the one read ({@link JobStore#replaceJob}), so
   * schedulers starting together on one store, or a run storing its next run time meanwhile, never
   * have a change undone; a lost race is read again.
   */
  private Job declare(JobStore store, Job declared, boolean nextRunTimeIsSet) {
    context.processing.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        Instant now = context.clock.instant();
        Optional<Job> current = store.lookupJob(declared.id());
        if (current.isEmpty()) {
          Trigger trigger = jobFactory.anchor(declared.trigger());
          Job job =
              declared.trigger() == trigger && nextRunTimeIsSet
                  ? declared
                  : jobFactory.create(
                      JobSpec.from(declared).build(),
                      declared.id(),
                      declared.task(),
                      trigger,
                      nextRunTimeIsSet
                          ? declared.nextRunTime().orElse(null)
                          : jobFactory.firstRunTime(trigger, now));
          try {
            store.addJob(job);
          } catch (ConflictingJobIdException e) {
            if (store.lookupJob(declared.id()).isPresent()) {
              continue; // added by another scheduler meanwhile: reconcile with it
            }
            store.updateJob(
                job); // stored, but it cannot be loaded here: the definition replaces it
          }
          jobStored(job);
          return job;
        }
        Job stored = current.get();
        Job updated = DeclaredJobs.reconcile(stored, declared, nextRunTimeIsSet, now, jobFactory);
        if (updated == stored) {
          log.debug("Declared job \"{}\" is unchanged", stored);
          return stored;
        }
        if (store.replaceJob(stored, updated)) {
          log.debug("Updated job \"{}\" to its declared definition", updated);
          publishJobModified(updated);
          updated.nextRunTime().ifPresent(this::jobScheduled);
          return updated;
        }
        requireState(
            attempt < MAX_DECLARE_ATTEMPTS,
            "job '%s' changed %s times while it was being declared; giving up",
            declared.id(),
            attempt);
      }
    } finally {
      context.processing.unlock();
    }
  }

  /**
   * Announces a job just stored and wakes the loop when it is due before the loop's next pass. A
   * job nobody listens for costs no event object, and a debug line only when debug is on.
   */
  private void jobStored(Job job) {
    if (log.isDebugEnabled()) {
      log.debug("Added job \"{}\" to job store \"{}\"", job, job.jobStore());
    }
    EventFanOut events = context.events;
    if (events.wants(EventType.JOB_ADDED)) {
      events.publish(new JobAdded(job.id(), job.jobStore(), context.clock.instant()));
    }
    @Nullable Instant next = job.nextRunTimeOrNull();
    if (next != null && context.state == EngineState.RUNNING) {
      context.waiter.signalIfBefore(next);
    }
  }

  /** Wakes the processing loop when a job became due before the time it sleeps towards. */
  private void jobScheduled(Instant nextRunTime) {
    if (context.state == EngineState.RUNNING) {
      context.waiter.signalIfBefore(nextRunTime);
    }
  }

  private void publishJobModified(Job job) {
    context.events.publish(
        EventType.JOB_MODIFIED,
        () -> new JobModified(job.id(), job.jobStore(), context.clock.instant()));
  }

  // ---------------------------------------------------------------- for start()

  /** Checks that every pending job names a store and an executor that start will have. */
  void checkPending(Map<String, JobStore> startStores, Map<String, JobExecutor> startExecutors) {
    for (PendingJobs.PendingJob job : pending.all()) {
      requireState(
          startStores.containsKey(job.job().jobStore()),
          "job '%s' names job store '%s', which is not configured (configured: %s)",
          job.job().id(),
          job.job().jobStore(),
          startStores.keySet());
      requireState(
          startExecutors.containsKey(job.job().executor()),
          "job '%s' names executor '%s', which is not configured (configured: %s)",
          job.job().id(),
          job.job().executor(),
          startExecutors.keySet());
    }
  }

  /** Stores the pending jobs, with their first run times from {@code now} unless set. */
  void storePending(Map<String, JobStore> startStores, Instant now) {
    for (PendingJobs.PendingJob job : pending.all()) {
      JobStore store = startStores.get(job.job().jobStore());
      if (job.replaceExisting()) {
        declare(store, job.job(), job.nextRunTimeIsSet());
        continue;
      }
      Instant next =
          job.nextRunTimeIsSet()
              ? job.job().nextRunTime().orElse(null)
              : jobFactory.firstRunTime(job.job().trigger(), now);
      storeNewJob(store, job.job().withNextRunTime(next));
    }
    pending.clear();
  }
}
