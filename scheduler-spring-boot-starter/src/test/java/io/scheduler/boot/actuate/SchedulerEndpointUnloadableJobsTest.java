package io.scheduler.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.boot.actuate.SchedulerEndpoint.JobDescriptor;
import io.scheduler.boot.actuate.SchedulerEndpoint.UnloadableJobDescriptor;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStores;
import io.scheduler.store.ReleaseResult;
import io.scheduler.store.UnloadableJob;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.trigger.Triggers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SchedulerEndpoint} lists stored jobs that cannot be loaded apart, and removes them. */
class SchedulerEndpointUnloadableJobsTest {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  StoreWithABrokenJob store = new StoreWithABrokenJob();
  ManualScheduler scheduler =
      ManualScheduler.builder(MutableClock.at(T0, ZoneId.of("Europe/Berlin")))
          .jobStore("default", store)
          .build();
  SchedulerEndpoint endpoint = new SchedulerEndpoint(scheduler, new JobOutcomeRecorder());

  @BeforeEach
  void start() {
    scheduler.start();
    scheduler.addJob(
        JobSpec.builder()
            .id("report")
            .task(() -> {})
            .trigger(Triggers.interval(Duration.ofMinutes(15)))
            .build());
  }

  @AfterEach
  void stop() {
    scheduler.shutdown();
  }

  @Test
  void listsUnloadableJobsApartWithTheReason() {
    assertThat(endpoint.scheduler().jobs()).extracting(JobDescriptor::id).containsExactly("report");
    assertThat(endpoint.scheduler().unloadableJobs())
        .containsExactly(
            new UnloadableJobDescriptor(
                "broken", "default", "job 'broken' in job store 'default' has corrupt data"));
  }

  @Test
  void removesAnUnloadableJob() {
    JobDescriptor removed = endpoint.removeJob("broken");

    assertThat(removed.id()).isEqualTo("broken");
    assertThat(removed.state()).isEqualTo(SchedulerEndpoint.UNLOADABLE);
    assertThat(removed.jobStore()).isEqualTo("default");
    assertThat(endpoint.scheduler().unloadableJobs()).isEmpty();
    assertThat(endpoint.removeJob("broken")).isNull();
    assertThat(endpoint.scheduler().jobs()).extracting(JobDescriptor::id).containsExactly("report");
  }

  /** A memory store that also keeps one job it cannot load, as a persistent store may. */
  static final class StoreWithABrokenJob implements JobStore {

    private final JobStore delegate = JobStores.memory();
    private volatile boolean broken = true;

    @Override
    public void start(JobStoreContext context) {
      delegate.start(context);
    }

    @Override
    public List<UnloadableJob> getUnloadableJobs() {
      return broken
          ? List.of(
              new UnloadableJob(
                  "broken", "default", "job 'broken' in job store 'default' has corrupt data"))
          : List.of();
    }

    @Override
    public void addJob(Job job) {
      delegate.addJob(job);
    }

    @Override
    public void updateJob(Job job) {
      delegate.updateJob(job);
    }

    @Override
    public void removeJob(String id) {
      if (id.equals("broken") && broken) {
        broken = false;
        return;
      }
      if (id.equals("broken")) {
        throw new JobNotFoundException(id, "default");
      }
      delegate.removeJob(id);
    }

    @Override
    public void removeAllJobs() {
      delegate.removeAllJobs();
    }

    @Override
    public Optional<Job> lookupJob(String id) {
      return delegate.lookupJob(id);
    }

    @Override
    public List<Job> getAllJobs() {
      return delegate.getAllJobs();
    }

    @Override
    public List<Job> acquireDueJobs(Instant now, int limit) {
      return delegate.acquireDueJobs(now, limit);
    }

    @Override
    public ReleaseResult releaseJob(Job acquired, @Nullable Job updated) {
      return delegate.releaseJob(acquired, updated);
    }

    @Override
    public Optional<Instant> nextRunTime() {
      return delegate.nextRunTime();
    }
  }
}
