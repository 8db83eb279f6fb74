package io.scheduler;

import io.scheduler.event.EventType;
import io.scheduler.event.SchedulerListener;
import io.scheduler.executor.JobExecutor;
import io.scheduler.internal.engine.JobOperations;
import io.scheduler.internal.engine.JobQueries;
import io.scheduler.internal.engine.SchedulerEngine;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.store.JobStore;
import io.scheduler.store.UnloadableJob;
import io.scheduler.trigger.Trigger;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@link BackgroundScheduler} and {@link BlockingScheduler} share: every {@link Scheduler}
 * operation, passed to the engine. They differ only in the engine's {@code Processing}.
 */
abstract class EngineScheduler implements Scheduler {

  private final SchedulerEngine engine;
  private final JobOperations jobs;
  private final JobQueries queries;

  EngineScheduler(SchedulerEngine engine) {
    this.engine = engine;
    this.jobs = engine.jobs();
    this.queries = engine.queries();
  }

  @Override
  public Job addJob(JobSpec spec) {
    return jobs.addJob(spec);
  }

  @Override
  public List<Job> addJobs(List<JobSpec> specs) {
    return jobs.addJobs(specs);
  }

  @Override
  public Job modifyJob(String id, Consumer<JobSpec.Builder> changes) {
    return jobs.modifyJob(id, changes);
  }

  @Override
  public Job rescheduleJob(String id, Trigger trigger) {
    return jobs.rescheduleJob(id, trigger);
  }

  @Override
  public Job rescheduleJob(String id, String triggerAlias, Map<String, ?> triggerOptions) {
    return jobs.rescheduleJob(id, triggerAlias, triggerOptions);
  }

  @Override
  public Job pauseJob(String id) {
    return jobs.pauseJob(id);
  }

  @Override
  public Optional<Job> resumeJob(String id) {
    return jobs.resumeJob(id);
  }

  @Override
  public boolean runJob(String id) {
    return jobs.runJob(id);
  }

  @Override
  public void removeJob(String id) {
    jobs.removeJob(id);
  }

  @Override
  public void removeAllJobs() {
    jobs.removeAllJobs();
  }

  @Override
  public void removeAllJobs(String jobStore) {
    jobs.removeAllJobs(jobStore);
  }

  @Override
  public Optional<Job> getJob(String id) {
    return queries.getJob(id);
  }

  @Override
  public List<Job> getJobs() {
    return queries.getJobs();
  }

  @Override
  public List<Job> getJobs(String jobStore) {
    return queries.getJobs(jobStore);
  }

  @Override
  public List<UnloadableJob> getUnloadableJobs() {
    return queries.getUnloadableJobs();
  }

  @Override
  public void printJobs(Appendable out) {
    queries.printJobs(out);
  }

  @Override
  public void start(boolean paused) {
    engine.start(paused);
  }

  @Override
  public void pause() {
    engine.pause();
  }

  @Override
  public void resume() {
    engine.resume();
  }

  @Override
  public void shutdown(boolean wait) {
    engine.shutdown(wait);
  }

  @Override
  public void wakeup() {
    engine.wakeup();
  }

  @Override
  public void addJobStore(String alias, JobStore store) {
    engine.addJobStore(alias, store);
  }

  @Override
  public void removeJobStore(String alias) {
    engine.removeJobStore(alias);
  }

  @Override
  public void addExecutor(String alias, JobExecutor executor) {
    engine.addExecutor(alias, executor);
  }

  @Override
  public void removeExecutor(String alias) {
    engine.removeExecutor(alias);
  }

  @Override
  public void addListener(SchedulerListener listener, EventType... types) {
    engine.addListener(listener, types);
  }

  @Override
  public void removeListener(SchedulerListener listener) {
    engine.removeListener(listener);
  }

  @Override
  public SchedulerState state() {
    return SchedulerState.valueOf(engine.state().name());
  }

  @Override
  public ZoneId timezone() {
    return engine.timezone();
  }

  @Override
  public Clock clock() {
    return engine.clock();
  }

  @Override
  public Map<String, Integer> runningInstances() {
    return engine.runningInstances();
  }

  @Override
  public Map<String, JobStore> jobStores() {
    return engine.jobStores();
  }
}
