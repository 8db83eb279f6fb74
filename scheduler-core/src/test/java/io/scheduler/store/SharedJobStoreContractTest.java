package io.scheduler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link SharedJobStore} contract, on top of the {@link JobStoreContractTest}: two store
 * instances over the same data (two schedulers, {@code node-a} and {@code node-b}) acquire each due
 * job once, claim runs within the job's instance limit across both, lose what they held once its
 * lease expired, take over expired runs, and are refused by the fencing check after losing a hold.
 * Time is the shared {@link #clock}: leases expire by advancing it past {@link
 * SharedJobStore#leaseTime()}.
 */
public abstract class SharedJobStoreContractTest extends JobStoreContractTest {

  /** A second store over the same data, started as scheduler {@code node-b}. */
  protected SharedJobStore peer;

  /** What {@link #peer}'s listener heard: one latch count per {@code jobsChanged}. */
  protected final CountDownLatch peerHeardChange = new CountDownLatch(1);

  @Override
  protected abstract SharedJobStore createStore();

  /**
   * Creates another store instance over the same data as the store under test (as another process
   * would, with its own connections), not yet started.
   *
   * @return the second store
   */
  protected abstract SharedJobStore createPeerStore();

  /**
   * Returns whether the store pushes changes to the other instances ({@link
   * JobStoreListener#jobsChanged()}); stores that rely on polling return false.
   *
   * @return true when a change made through one instance is announced to the others
   */
  protected boolean announcesChanges() {
    return true;
  }

  @BeforeEach
  final void startPeer() {
    peer = createPeerStore();
    JobStoreListener listener =
        new JobStoreListener() {
          @Override
          public void jobsChanged() {
            peerHeardChange.countDown();
          }

          @Override
          public void jobLoadFailed(String jobId, Exception cause) {}
        };
    peer.start(
        new JobStoreContext(
            JobSpec.DEFAULT_ALIAS, clock, ZONE, TaskResolver.staticMethods(), "node-b", listener));
  }

  @AfterEach
  final void stopPeer() {
    if (peer != null) {
      peer.shutdown();
    }
  }

  private SharedJobStore shared() {
    return (SharedJobStore) store;
  }

  private Duration pastLease() {
    return shared().leaseTime().plusSeconds(1);
  }

  private static Job jobWithInstances(String id, Instant nextRunTime, int maxInstances) {
    Job base = job(id, nextRunTime);
    JobSpec spec = JobSpec.from(base).maxInstances(maxInstances).build();
    return Job.create(spec, id, base.task(), base.trigger(), JobDefaults.ofDefaults(), nextRunTime);
  }

  private static SharedJobStore.Release advance(Job acquired, Instant runTime) {
    return new SharedJobStore.Release(
        acquired, acquired.withNextRunTime(runTime.plusSeconds(300)), List.of(runTime));
  }

  private SharedJobStore.ClaimResult releaseOne(SharedJobStore on, SharedJobStore.Release release) {
    List<SharedJobStore.ClaimResult> results =
        on.releaseAndClaim(List.of(release), clock.instant());
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  // ------------------------------------------------------------------ sharing

  @Test
  void aJobAddedThroughOneInstanceIsSeenByTheOtherWithTheSameContent() {
    Job job = richJob("rich", at(60));
    store.addJob(job);

    assertSameContent(job, peer.lookupJob("rich").orElseThrow());
    assertThat(peer.nextRunTime()).contains(at(60));
  }

  @Test
  void aJobWhoseTaskIsCodeIsRefusedBeforeAnythingIsStored() {
    Job base = job("code", at(0));
    JobSpec spec = JobSpec.builder().id("code").task(() -> {}).trigger(base.trigger()).build();
    Job code =
        Job.create(spec, "code", spec.task(), base.trigger(), JobDefaults.ofDefaults(), at(0));

    assertThatThrownBy(() -> store.addJob(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'code'")
        .hasMessageContaining("TaskRef");
    assertThat(store.lookupJob("code")).isEmpty();
  }

  @Test
  void addJobsStoresABatch() {
    List<Job> jobs = IntStream.range(0, 50).mapToObj(i -> job("batch-" + i, at(i))).toList();

    store.addJobs(jobs);

    assertThat(peer.getAllJobs()).extracting(Job::id).containsExactlyElementsOf(ids(jobs));
  }

  @Test
  void aChangeIsAnnouncedToTheOtherInstance() throws InterruptedException {
    if (!announcesChanges()) {
      return;
    }
    store.addJob(job("announced", at(30)));

    assertThat(peerHeardChange.await(10, TimeUnit.SECONDS))
        .as("node-b heard of node-a's new job")
        .isTrue();
  }

  // ------------------------------------------------------------------ acquisition

  @Test
  void aJobAcquiredByOneInstanceIsNotAcquiredByTheOther() {
    store.addJob(job("due", at(0)));

    assertThat(ids(shared().acquireDueJobs(at(0), 10))).containsExactly("due");
    assertThat(peer.acquireDueJobs(at(0), 10)).isEmpty();
  }

  @Test
  void anAcquisitionWhoseLeaseExpiredIsAcquiredByTheOther() {
    store.addJob(job("due", at(0)));
    shared().acquireDueJobs(at(0), 10);

    clock.advance(pastLease());

    assertThat(ids(peer.acquireDueJobs(clock.instant(), 10))).containsExactly("due");
  }

  @Test
  void aReleaseAfterTheAcquisitionWasLostChangesNothing() {
    store.addJob(job("due", at(0)));
    Job lostByA = shared().acquireDueJobs(at(0), 10).get(0);
    clock.advance(pastLease());
    Job takenByB = peer.acquireDueJobs(clock.instant(), 10).get(0);

    SharedJobStore.ClaimResult late = releaseOne(shared(), advance(lostByA, at(0)));
    SharedJobStore.ClaimResult current =
        releaseOne(peer, advance(takenByB, at(0).plus(pastLease())));

    assertThat(late.release()).isEqualTo(ReleaseResult.LEASE_LOST);
    assertThat(late.claim()).isNull();
    assertThat(current.release()).isEqualTo(ReleaseResult.UPDATED);
    assertThat(current.claim()).isNotNull();
    assertThat(store.lookupJob("due").orElseThrow().nextRunTime())
        .contains(at(300).plus(pastLease()));
  }

  @Test
  void concurrentAcquisitionsHandOutEachDueJobOnce() throws Exception {
    List<Job> jobs = IntStream.range(0, 400).mapToObj(i -> job("job-" + i, at(-i))).toList();
    store.addJobs(jobs);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<String>>> acquirers = new ArrayList<>();
      for (SharedJobStore node : List.of(shared(), peer, shared(), peer)) {
        acquirers.add(
            () -> {
              List<String> mine = new ArrayList<>();
              List<Job> batch;
              do {
                batch = node.acquireDueJobs(at(0), 16);
                mine.addAll(ids(batch));
              } while (!batch.isEmpty());
              return mine;
            });
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> result : threads.invokeAll(acquirers)) {
        all.addAll(result.get(60, TimeUnit.SECONDS));
      }
      assertThat(all).hasSize(400);
      assertThat(new HashSet<>(all)).hasSize(400);
    } finally {
      threads.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ run claims

  @Test
  void aReleaseWithRunTimesClaimsARunHeldByThisInstance() {
    store.addJob(job("due", at(0)));
    Job acquired = shared().acquireDueJobs(at(0), 10).get(0);

    SharedJobStore.ClaimResult result = releaseOne(shared(), advance(acquired, at(0)));

    assertThat(result.release()).isEqualTo(ReleaseResult.UPDATED);
    assertThat(result.maxInstancesReached()).isFalse();
    RunClaim claim = result.claim();
    assertThat(claim).isNotNull();
    assertThat(claim.jobId()).isEqualTo("due");
    assertThat(claim.runTimes()).containsExactly(at(0));
    assertThat(claim.recovered()).isFalse();
    assertThat(store.lookupJob("due").orElseThrow().nextRunTime()).contains(at(300));
  }

  @Test
  void aReleaseWithoutRunTimesClaimsNothing() {
    store.addJob(job("due", at(0)));
    Job acquired = shared().acquireDueJobs(at(0), 10).get(0);

    SharedJobStore.ClaimResult result =
        releaseOne(
            shared(),
            new SharedJobStore.Release(acquired, acquired.withNextRunTime(at(300)), List.of()));

    assertThat(result.claim()).isNull();
    assertThat(result.maxInstancesReached()).isFalse();
  }

  @Test
  void aReleaseWithNullRemovesTheJobAndStillClaimsItsLastRun() {
    store.addJob(job("last", at(0)));
    Job acquired = shared().acquireDueJobs(at(0), 10).get(0);

    SharedJobStore.ClaimResult result =
        releaseOne(shared(), new SharedJobStore.Release(acquired, null, List.of(at(0))));

    assertThat(result.release()).isEqualTo(ReleaseResult.REMOVED);
    assertThat(result.claim()).isNotNull();
    assertThat(peer.lookupJob("last")).isEmpty();
    assertThat(shared().completeRun(result.claim())).isTrue();
  }

  @Test
  void maxInstancesHoldsAcrossInstances() {
    store.addJob(jobWithInstances("single", at(0), 1));
    Job first = shared().acquireDueJobs(at(0), 10).get(0);
    RunClaim running = releaseOne(shared(), advance(first, at(0))).claim();
    assertThat(running).isNotNull();
    clock.advance(Duration.ofSeconds(300));
    Job second = peer.acquireDueJobs(at(300), 10).get(0);

    SharedJobStore.ClaimResult refused = releaseOne(peer, advance(second, at(300)));

    assertThat(refused.maxInstancesReached()).isTrue();
    assertThat(refused.claim()).isNull();
    assertThat(refused.release()).isEqualTo(ReleaseResult.UPDATED);
    assertThat(peer.lookupJob("single").orElseThrow().nextRunTime()).contains(at(600));

    assertThat(shared().completeRun(running)).isTrue();
    clock.advance(Duration.ofSeconds(300));
    Job third = peer.acquireDueJobs(at(600), 10).get(0);
    assertThat(releaseOne(peer, advance(third, at(600))).claim()).isNotNull();
  }

  @Test
  void claimRunClaimsARunNowWithinMaxInstancesAcrossInstancesAndLeavesTheJob() {
    Job job = jobWithInstances("single", at(600), 1);
    store.addJob(job);

    RunClaim now = shared().claimRun(job, at(0), at(0)).orElseThrow();

    assertThat(now.jobId()).isEqualTo("single");
    assertThat(now.runTimes()).containsExactly(at(0));
    assertThat(now.recovered()).isFalse();
    assertThat(peer.claimRun(job, at(0), at(0))).as("the limit holds across instances").isEmpty();
    assertThat(peer.lookupJob("single").orElseThrow().nextRunTime()).contains(at(600));
    assertThat(shared().completeRun(now)).isTrue();
    RunClaim again = peer.claimRun(job, at(1), at(1)).orElseThrow();
    assertThat(peer.completeRun(again)).isTrue();
  }

  @Test
  void claimRunOfAnUnknownJobIsRefused() {
    Job job = job("gone", at(0));

    assertThatThrownBy(() -> shared().claimRun(job, at(0), at(0)))
        .isInstanceOf(io.scheduler.exception.JobNotFoundException.class)
        .hasMessageContaining("'gone'");
  }

  @Test
  void twoInstancesMayRunTogetherWhenMaxInstancesAllows() {
    store.addJob(jobWithInstances("double", at(0), 2));
    Job first = shared().acquireDueJobs(at(0), 10).get(0);
    assertThat(releaseOne(shared(), advance(first, at(0))).claim()).isNotNull();
    clock.advance(Duration.ofSeconds(300));
    Job second = peer.acquireDueJobs(at(300), 10).get(0);
    assertThat(releaseOne(peer, advance(second, at(300))).claim()).isNotNull();
    clock.advance(Duration.ofSeconds(300));
    Job third = store.acquireDueJobs(at(600), 10).get(0);

    assertThat(releaseOne(shared(), advance(third, at(600))).maxInstancesReached()).isTrue();
  }

  @Test
  void aReleaseSupersededByAnUpdateKeepsTheUpdateAndStillClaimsTheRun() {
    store.addJob(job("changed", at(0)));
    Job acquired = shared().acquireDueJobs(at(0), 10).get(0);
    Job update = job("changed", at(3600));
    peer.updateJob(update);

    SharedJobStore.ClaimResult result = releaseOne(shared(), advance(acquired, at(0)));

    assertThat(result.release()).isEqualTo(ReleaseResult.SUPERSEDED);
    assertThat(result.claim()).isNotNull();
    assertThat(store.lookupJob("changed").orElseThrow().nextRunTime()).contains(at(3600));
  }

  @Test
  void completingARunTwiceIsRefusedTheSecondTime() {
    store.addJob(job("due", at(0)));
    Job acquired = shared().acquireDueJobs(at(0), 10).get(0);
    RunClaim claim = releaseOne(shared(), advance(acquired, at(0))).claim();

    assertThat(shared().completeRun(claim)).isTrue();
    assertThat(shared().completeRun(claim)).isFalse();
  }

  @Test
  void completingRunsTogetherEndsTheHeldOnesAndReturnsTheOthers() {
    for (int i = 0; i < 4; i++) {
      store.addJob(jobWithInstances("job-" + i, at(0), 1));
    }
    List<RunClaim> claims = new ArrayList<>();
    for (Job acquired : shared().acquireDueJobs(at(0), 10)) {
      claims.add(releaseOne(shared(), advance(acquired, at(0))).claim());
    }
    claims.sort(Comparator.comparing(RunClaim::jobId));
    RunClaim completedBefore = claims.get(0);
    assertThat(shared().completeRun(completedBefore)).isTrue();
    clock.advance(pastLease());
    shared().renewLeases(claims.subList(2, 4), clock.instant());
    // job-1's lease expired and the peer took its run over; job-2 and job-3 are still held
    RunClaim taken = peer.recoverExpiredRuns(clock.instant(), 10).get(0);
    assertThat(taken.jobId()).isEqualTo("job-1");

    List<RunClaim> notHeld = shared().completeRuns(claims);

    assertThat(notHeld).containsExactlyInAnyOrder(completedBefore, claims.get(1));
    assertThat(shared().completeRuns(claims.subList(2, 4)))
        .as("completed already")
        .containsExactlyElementsOf(claims.subList(2, 4));
    assertThat(peer.completeRuns(List.of(taken))).as("the peer's claim stayed").isEmpty();
  }

  @Test
  void acquireAndClaimReleasesTheDueJobsAndClaimsTheirRunsInOneStep() {
    store.addJob(jobWithInstances("due", at(0), 1));
    store.addJob(job("later", at(600)));
    List<List<String>> decided = new ArrayList<>();

    SharedJobStore.AcquiredRuns batch =
        shared()
            .acquireAndClaim(
                at(0),
                10,
                due -> {
                  decided.add(due.stream().map(Job::id).toList());
                  return due.stream().map(job -> advance(job, at(0))).toList();
                });

    assertThat(decided).containsExactly(List.of("due"));
    assertThat(batch.releases()).extracting(r -> r.acquired().id()).containsExactly("due");
    SharedJobStore.ClaimResult result = batch.results().get(0);
    assertThat(result.release()).isEqualTo(ReleaseResult.UPDATED);
    assertThat(result.claim()).isNotNull();
    assertThat(result.claim().runTimes()).containsExactly(at(0));
    assertThat(peer.lookupJob("due").orElseThrow().nextRunTime()).contains(at(300));
    assertThat(peer.acquireDueJobs(at(0), 10)).as("released, not due any more").isEmpty();

    clock.advance(Duration.ofSeconds(300));
    SharedJobStore.AcquiredRuns next =
        peer.acquireAndClaim(
            at(300), 10, due -> due.stream().map(job -> advance(job, at(300))).toList());
    assertThat(next.results().get(0).maxInstancesReached())
        .as("the first run still holds the only instance")
        .isTrue();
    assertThat(shared().completeRun(result.claim())).isTrue();
  }

  @Test
  void acquireAndClaimRemovesAJobReleasedWithNullAndStillClaimsItsLastRun() {
    store.addJob(job("last", at(0)));

    SharedJobStore.AcquiredRuns batch =
        shared()
            .acquireAndClaim(
                at(0),
                10,
                due -> List.of(new SharedJobStore.Release(due.get(0), null, List.of(at(0)))));

    assertThat(batch.results().get(0).release()).isEqualTo(ReleaseResult.REMOVED);
    assertThat(peer.lookupJob("last")).isEmpty();
    assertThat(shared().completeRuns(List.of(batch.results().get(0).claim()))).isEmpty();
  }

  @Test
  void acquireAndClaimWithNothingDueDecidesNothing() {
    store.addJob(job("later", at(600)));

    SharedJobStore.AcquiredRuns batch =
        shared()
            .acquireAndClaim(
                at(0),
                10,
                due -> {
                  throw new AssertionError("nothing is due");
                });

    assertThat(batch.releases()).isEmpty();
    assertThat(batch.results()).isEmpty();
  }

  @Test
  void acquireAndClaimRefusesReleasesThatDoNotMatchTheJobsAndKeepsThem() {
    store.addJob(job("due", at(0)));

    assertThatThrownBy(() -> shared().acquireAndClaim(at(0), 10, due -> List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one release per acquired job (1)");
    assertThat(peer.lookupJob("due").orElseThrow().nextRunTime()).contains(at(0));
  }

  // ------------------------------------------------------------------ leases and recovery

  @Test
  void aRunWhoseLeaseExpiredIsTakenOverOnceWithANewFencingToken() {
    store.addJob(job("due", at(0)));
    Job acquired = shared().acquireDueJobs(at(0), 10).get(0);
    RunClaim lost = releaseOne(shared(), advance(acquired, at(0))).claim();

    assertThat(peer.recoverExpiredRuns(clock.instant(), 10)).as("lease still valid").isEmpty();
    clock.advance(pastLease());
    List<RunClaim> recovered = peer.recoverExpiredRuns(clock.instant(), 10);

    assertThat(recovered).hasSize(1);
    RunClaim taken = recovered.get(0);
    assertThat(taken.runId()).isEqualTo(lost.runId());
    assertThat(taken.jobId()).isEqualTo("due");
    assertThat(taken.runTimes()).containsExactly(at(0));
    assertThat(taken.recovered()).isTrue();
    assertThat(taken.fencingToken()).isNotEqualTo(lost.fencingToken());
    assertThat(shared().recoverExpiredRuns(clock.instant(), 10)).as("taken once").isEmpty();
  }

  @Test
  void theFencingCheckRefusesTheInstanceThatLostItsClaim() {
    store.addJob(jobWithInstances("fenced", at(0), 1));
    Job acquired = shared().acquireDueJobs(at(0), 10).get(0);
    RunClaim lost = releaseOne(shared(), advance(acquired, at(0))).claim();
    clock.advance(pastLease());
    RunClaim taken = peer.recoverExpiredRuns(clock.instant(), 10).get(0);

    assertThat(shared().renewLeases(List.of(lost), clock.instant()))
        .extracting(RunClaim::runId)
        .containsExactly(lost.runId());
    assertThat(shared().completeRun(lost)).isFalse();
    assertThat(peer.renewLeases(List.of(taken), clock.instant())).isEmpty();
    assertThat(peer.completeRun(taken)).isTrue();
  }

  @Test
  void aRecoveredRunStillCountsAgainstMaxInstancesUntilCompleted() {
    store.addJob(jobWithInstances("single", at(0), 1));
    Job acquired = shared().acquireDueJobs(at(0), 10).get(0);
    releaseOne(shared(), advance(acquired, at(0)));
    clock.advance(Duration.ofSeconds(301));
    RunClaim taken = peer.recoverExpiredRuns(clock.instant(), 10).get(0);
    Job next = peer.acquireDueJobs(clock.instant(), 10).get(0);

    assertThat(releaseOne(peer, advance(next, at(300))).maxInstancesReached()).isTrue();
    assertThat(peer.completeRun(taken)).isTrue();
  }

  @Test
  void renewingALeaseKeepsTheRunFromBeingTakenOver() {
    store.addJob(job("long", at(0)));
    Job acquired = shared().acquireDueJobs(at(0), 10).get(0);
    RunClaim claim = releaseOne(shared(), advance(acquired, at(0))).claim();
    Duration twoThirds = shared().leaseTime().multipliedBy(2).dividedBy(3);

    for (int i = 0; i < 3; i++) {
      clock.advance(twoThirds);
      assertThat(shared().renewLeases(List.of(claim), clock.instant())).isEmpty();
      assertThat(peer.recoverExpiredRuns(clock.instant(), 10)).isEmpty();
    }
    assertThat(shared().completeRun(claim)).isTrue();
  }

  @Test
  void recoveryHonoursItsLimit() {
    List<RunClaim> claims = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      store.addJob(job("job-" + i, at(0)));
    }
    for (Job acquired : shared().acquireDueJobs(at(0), 10)) {
      claims.add(releaseOne(shared(), advance(acquired, at(0))).claim());
    }
    clock.advance(pastLease());

    List<RunClaim> first = peer.recoverExpiredRuns(clock.instant(), 3);
    List<RunClaim> rest = peer.recoverExpiredRuns(clock.instant(), 3);

    assertThat(first).hasSize(3);
    assertThat(rest).hasSize(2);
    Set<String> runIds = new HashSet<>();
    first.forEach(claim -> runIds.add(claim.runId()));
    rest.forEach(claim -> runIds.add(claim.runId()));
    assertThat(runIds)
        .containsExactlyInAnyOrderElementsOf(claims.stream().map(RunClaim::runId).toList());
  }
}
