package io.scheduler.store;

import static io.scheduler.store.JobStoreContractTest.NOW;
import static io.scheduler.store.JobStoreContractTest.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.exception.JobStoreException;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskResolver;
import io.scheduler.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Loading stored jobs the way every persistent store does: bad versions reported once, kept. */
class StoredJobLoaderTest {

  private final List<String> reported = new ArrayList<>();
  private final List<Exception> causes = new ArrayList<>();
  private final JobStoreContext context =
      new JobStoreContext(
          JobSpec.DEFAULT_ALIAS,
          MutableClock.at(NOW, ZONE),
          ZONE,
          TaskResolver.staticMethods(),
          "node-a",
          new JobStoreListener() {
            @Override
            public void jobsChanged() {}

            @Override
            public void jobLoadFailed(String jobId, Exception cause) {
              reported.add(jobId);
              causes.add(cause);
            }
          });
  private final BiConsumer<String, JobStoreException> reportNow =
      (id, cause) -> StoredJobLoader.report(context, id, cause);
  private final StoredJobLoader<Long> loader = new StoredJobLoader<>();

  @Test
  void aGoodJobLoadsWithItsNextRunTime() {
    Job job = JobStoreContractTest.richJob("report", NOW);

    Job loaded =
        loader.load("report", JobJson.toJson(job), NOW.plusSeconds(5), 1L, context, reportNow);

    assertThat(loaded).isNotNull();
    assertThat(loaded.nextRunTime()).contains(NOW.plusSeconds(5));
    assertThat(reported).isEmpty();
  }

  @Test
  void eachUnloadableVersionIsReportedOnceNamingJobAndStore() {
    String corrupt = "{\"format\":1,\"id\":\"broken\"";

    assertThat(loader.load("broken", corrupt, NOW, 1L, context, reportNow)).isNull();
    assertThat(loader.load("broken", corrupt, NOW, 1L, context, reportNow)).isNull();
    assertThat(loader.isUnloadable("broken", 1L)).isTrue();
    assertThat(loader.load("broken", corrupt, NOW, 2L, context, reportNow)).isNull();

    assertThat(reported).containsExactly("broken", "broken");
    assertThat(causes.get(0))
        .isInstanceOf(JobStoreException.class)
        .hasMessageContaining("job 'broken' in job store 'default'");
    assertThat(loader.isUnloadable("broken", 1L)).isFalse();
  }

  @Test
  void aJobStoredUnderAnotherIdIsNotLoaded() {
    String json = JobJson.toJson(JobStoreContractTest.job("a", NOW));

    assertThat(loader.load("b", json, NOW, 1L, context, reportNow)).isNull();

    assertThat(reported).containsExactly("b");
    assertThat(causes.get(0))
        .hasMessage(
            "job 'b' in job store 'default' cannot be loaded: its data names the id 'a', but it is"
                + " stored under 'b'");
  }

  @Test
  void aVersionThatLoadsAgainIsForgotten() {
    loader.fail("a", 1L, context, new IllegalStateException("corrupt schedule"), reportNow);
    String json = JobJson.toJson(JobStoreContractTest.job("a", NOW));

    assertThat(loader.load("a", json, NOW, 2L, context, reportNow)).isNotNull();

    assertThat(loader.isUnloadable("a", 1L)).isFalse();
    assertThat(causes.get(0)).hasMessageContaining("job 'a'").hasMessageEndingWith("schedule");
  }

  @Test
  void unloadableJobsAreListedWithTheReasonWithoutBeingReported() {
    String json = JobJson.toJson(JobStoreContractTest.job("a", NOW));

    assertThat(StoredJobLoader.unloadable("a", json, NOW, context)).isNull();
    assertThat(StoredJobLoader.unloadable("b", json, NOW, context))
        .isEqualTo(
            new UnloadableJob(
                "b",
                "default",
                "job 'b' in job store 'default' cannot be loaded: its data names the id 'a', but"
                    + " it is stored under 'b'"));
    assertThat(StoredJobLoader.unloadable("c", "{not json", null, context).reason())
        .contains("job 'c' in job store 'default'", "corrupt data");
    assertThat(reported).isEmpty();
  }

  @Test
  void removedJobsAreForgotten() {
    loader.fail("a", 1L, context, new IllegalStateException("corrupt"), reportNow);
    loader.fail("b", 1L, context, new IllegalStateException("corrupt"), reportNow);
    assertThat(loader.unloadableCount()).isEqualTo(2);

    loader.forget("a");
    assertThat(loader.isUnloadable("a", 1L)).isFalse();
    assertThat(loader.unloadableCount()).isOne();
    loader.forgetAll();
    assertThat(loader.unloadableCount()).isZero();
  }
}
