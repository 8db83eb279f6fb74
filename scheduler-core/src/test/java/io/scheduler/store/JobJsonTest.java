package io.scheduler.store;

import static io.scheduler.store.JobStoreContractTest.NOW;
import static io.scheduler.store.JobStoreContractTest.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskResolver;
import io.scheduler.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** The one JSON form of stored jobs, shared by every persistent store. */
class JobJsonTest {

  private final JobStoreContext context =
      new JobStoreContext(
          JobSpec.DEFAULT_ALIAS,
          MutableClock.at(NOW, ZONE),
          ZONE,
          TaskResolver.staticMethods(),
          "node-a",
          JobStoreListener.NONE);

  @Test
  void aJobSurvivesItsJsonForm() {
    Job job = JobStoreContractTest.richJob("report", NOW.plusSeconds(60));

    Job read = JobJson.fromJson(JobJson.toJson(job), NOW.plusSeconds(60), context);

    JobStoreContractTest.assertSameContent(job, read);
    assertThat(JobJson.toJson(read)).isEqualTo(JobJson.toJson(job));
  }

  @Test
  void snapshotsDifferingOnlyInTheNextRunTimeHaveTheSameStoredForm() {
    Job job = JobStoreContractTest.richJob("report", NOW);
    Job read = JobJson.fromJson(JobJson.toJson(job), null, context);

    assertThat(JobJson.sameStoredForm(job, job.withNextRunTime(NOW.plusSeconds(60)))).isTrue();
    assertThat(JobJson.sameStoredForm(job, read)).isTrue();
    assertThat(JobJson.sameStoredForm(job, JobStoreContractTest.richJob("other", NOW))).isFalse();
    assertThat(JobJson.sameStoredForm(job, JobStoreContractTest.job("report", NOW))).isFalse();
  }
}
