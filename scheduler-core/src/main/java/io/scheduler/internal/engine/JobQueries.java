package io.scheduler.internal.engine;

import static java.util.Objects.requireNonNull;

import io.scheduler.job.Job;
import io.scheduler.store.JobStore;
import io.scheduler.store.UnloadableJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read-only job operations of {@code io.scheduler.Scheduler}: look jobs up and list them, in
 * the stores once started and among the pending jobs before.
 */
public final class JobQueries {

  private final EngineContext context;
  // The engine's lock: guards the pending jobs and the change from stopped to started.
  private final Object lock;
  private final PendingJobs pending;

  JobQueries(EngineContext context, Object lock, PendingJobs pending) {
    this.context = context;
    this.lock = lock;
    this.pending = pending;
  }

  /** See {@code Scheduler.getJob}. */
  public Optional<Job> getJob(String id) {
    requireNonNull(id, "id");
    synchronized (lock) {
      if (context.state == EngineState.STOPPED) {
        return pending.find(id);
      }
    }
    for (JobStore store : context.stores.values()) {
      Optional<Job> job = store.lookupJob(id);
      if (job.isPresent()) {
        return job;
      }
    }
    return Optional.empty();
  }

  /** See {@code Scheduler.getJobs}. */
  public List<Job> getJobs() {
    synchronized (lock) {
      if (context.state == EngineState.STOPPED) {
        return pending.jobs();
      }
    }
    List<Job> jobs = new ArrayList<>();
    for (JobStore store : context.stores.values()) {
      jobs.addAll(store.getAllJobs());
    }
    return jobs;
  }

  /** See {@code Scheduler.getJobs}. */
  public List<Job> getJobs(String jobStore) {
    synchronized (lock) {
      if (context.state == EngineState.STOPPED) {
        return pending.jobs(jobStore);
      }
    }
    return context.store(jobStore).getAllJobs();
  }

  /** See {@code Scheduler.printJobs}. */
  public void printJobs(Appendable out) {
    try {
      if (context.state == EngineState.STOPPED) {
        out.append("Pending jobs:\n");
        List<Job> jobs = getJobs();
        for (Job job : jobs) {
          out.append("    ")
              .append(job.id())
              .append(job.name().equals(job.id()) ? " (" : " (name: " + job.name() + ", ")
              .append("trigger: ")
              .append(String.valueOf(job.trigger()))
              .append(", pending)\n");
        }
        if (jobs.isEmpty()) {
          out.append("    No pending jobs\n");
        }
        return;
      }
      for (Map.Entry<String, JobStore> store : context.stores.entrySet()) {
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

  /** See {@code Scheduler.getUnloadableJobs}. */
  public List<UnloadableJob> getUnloadableJobs() {
    synchronized (lock) {
      if (context.state == EngineState.STOPPED) {
        return List.of();
      }
    }
    List<UnloadableJob> jobs = new ArrayList<>();
    for (JobStore store : context.stores.values()) {
      jobs.addAll(store.getUnloadableJobs());
    }
    return jobs;
  }
}
