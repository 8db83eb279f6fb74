package io.scheduler.boot.actuate;

import io.scheduler.exception.JobStoreException;
import io.scheduler.job.Job;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStores;
import io.scheduler.store.ReleaseResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A memory store that a test can make unreachable: then every call throws. */
public final class UnreliableJobStore implements JobStore {

  private final JobStore delegate = JobStores.memory();

  /** Whether the store is unreachable. */
  public volatile boolean down;

  private void check() {
    if (down) {
      throw new JobStoreException("connection refused");
    }
  }

  @Override
  public void start(JobStoreContext context) {
    delegate.start(context);
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public void checkAvailable() {
    check();
  }

  @Override
  public void addJob(Job job) {
    check();
    delegate.addJob(job);
  }

  @Override
  public void updateJob(Job job) {
    check();
    delegate.updateJob(job);
  }

  @Override
  public void removeJob(String id) {
    check();
    delegate.removeJob(id);
  }

  @Override
  public void removeAllJobs() {
    check();
    delegate.removeAllJobs();
  }

  @Override
  public Optional<Job> lookupJob(String id) {
    check();
    return delegate.lookupJob(id);
  }

  @Override
  public List<Job> getAllJobs() {
    check();
    return delegate.getAllJobs();
  }

  @Override
  public List<Job> acquireDueJobs(Instant now, int limit) {
    check();
    return delegate.acquireDueJobs(now, limit);
  }

  @Override
  public ReleaseResult releaseJob(Job acquired, @Nullable Job updated) {
    check();
    return delegate.releaseJob(acquired, updated);
  }

  @Override
  public Optional<Instant> nextRunTime() {
    check();
    return delegate.nextRunTime();
  }
}
