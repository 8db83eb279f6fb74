package io.scheduler.boot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.scheduler.exception.JobNotFoundException;
import io.scheduler.exception.JobStoreException;
import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.ContractTasks;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStoreListener;
import io.scheduler.store.ReleaseResult;
import io.scheduler.store.RunClaim;
import io.scheduler.store.SharedJobStore;
import io.scheduler.store.SharedJobStore.ClaimResult;
import io.scheduler.store.SharedJobStore.Release;
import io.scheduler.store.UnloadableJob;
import io.scheduler.testing.MutableClock;
import io.scheduler.testservers.TcpProxy;
import io.scheduler.testservers.TestServers;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What the Redis store does beyond the shared contract: its key layout, jobs it cannot load, input
 * it refuses, announcements, atomic claims under concurrency, commands re-sent after a lost reply,
 * and failures while Redis is away.
 */
@Tag("integration")
class RedisJobStoreTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  private final RedisTestSupport redis = new RedisTestSupport();
  private final MutableClock clock = MutableClock.at(NOW, ZONE);
  private final List<Failure> failures = new CopyOnWriteArrayList<>();
  private final StringRedisTemplate direct = redis.template();

  private record Failure(String jobId, Exception cause) {}

  @AfterEach
  void cleanUp() {
    redis.close();
  }

  // ------------------------------------------------------------------ helpers

  private RedisJobStore start(RedisJobStore store, String schedulerId, JobStoreListener listener) {
    store.start(
        new JobStoreContext(
            JobSpec.DEFAULT_ALIAS,
            clock,
            ZONE,
            TaskResolver.staticMethods(),
            schedulerId,
            listener));
    redis.onClose(store::shutdown);
    return store;
  }

  private RedisJobStore start(String schedulerId) {
    return start(redis.store().build(), schedulerId, recordingFailures());
  }

  private JobStoreListener recordingFailures() {
    return listener(() -> {});
  }

  private JobStoreListener listener(Runnable onChange) {
    return new JobStoreListener() {
      @Override
      public void jobsChanged() {
        onChange.run();
      }

      @Override
      public void jobLoadFailed(String jobId, Exception cause) {
        failures.add(new Failure(jobId, cause));
      }
    };
  }

  private TcpProxy proxy() {
    TcpProxy proxy = new TcpProxy(TestServers.redisUrl());
    redis.onClose(proxy::close);
    return proxy;
  }

  private RedisJobStore.Builder storeThrough(TcpProxy proxy) {
    return RedisJobStore.builder(redis.connectionFactory(proxy.url(), "scheduler-proxied"))
        .keyPrefix(redis.prefix());
  }

  private String key(String name) {
    return redis.prefix() + name;
  }

  private static Instant at(long seconds) {
    return NOW.plusSeconds(seconds);
  }

  private static Trigger everyFiveMinutes() {
    return IntervalTrigger.every(Duration.ofMinutes(5))
        .withStartDate(NOW.atZone(ZONE))
        .withZone(ZONE);
  }

  private static Job job(String id, @Nullable Instant nextRunTime) {
    return job(id, nextRunTime, 1, everyFiveMinutes());
  }

  private static Job job(
      String id, @Nullable Instant nextRunTime, int maxInstances, Trigger trigger) {
    TaskRef ref = TaskRef.of(ContractTasks.NOOP);
    JobSpec spec =
        JobSpec.builder().id(id).task(ref).trigger(trigger).maxInstances(maxInstances).build();
    return Job.create(
        spec,
        id,
        TaskResolver.staticMethods().resolve(ref, spec.args(), spec.kwargs()),
        trigger,
        JobDefaults.ofDefaults(),
        nextRunTime);
  }

  private static List<String> ids(List<Job> jobs) {
    return jobs.stream().map(Job::id).toList();
  }

  private static long micros(Instant time) {
    return time.getEpochSecond() * 1_000_000L + time.getNano() / 1000;
  }

  // ------------------------------------------------------------------ key layout

  @Test
  void theKeysHoldWhatTheJavadocSays() {
    RedisJobStore store = start("node-a");
    store.addJob(job("scheduled", at(60)));
    store.addJob(job("paused", null));

    assertThat(direct.opsForHash().keys(key("jobs")))
        .containsExactlyInAnyOrder("scheduled", "paused");
    assertThat(direct.opsForZSet().score(key("run_times"), "scheduled"))
        .isEqualTo((double) micros(at(60)));
    assertThat(direct.opsForZSet().score(key("run_times"), "paused")).isNull();
    assertThat(direct.opsForHash().get(key("schedule"), "scheduled"))
        .isEqualTo(micros(at(60)) + " 2026-03-02T08:01:00Z");
    assertThat(direct.opsForHash().get(key("schedule"), "paused")).isNull();

    Job acquired = store.acquireDueJobs(at(60), 10).get(0);
    assertThat(direct.opsForZSet().size(key("run_times"))).isZero();
    assertThat(direct.opsForZSet().score(key("acquired"), "scheduled"))
        .isEqualTo((double) micros(at(60).plus(store.leaseTime())));
    assertThat((String) direct.opsForHash().get(key("acquisitions"), "scheduled"))
        .endsWith(" node-a");

    RunClaim claim =
        store
            .releaseAndClaim(
                List.of(new Release(acquired, acquired.withNextRunTime(at(360)), List.of(at(60)))),
                at(60))
            .get(0)
            .claim();
    assertThat(claim).isNotNull();
    assertThat((String) direct.opsForHash().get(key("runs"), claim.runId()))
        .contains("\"job\":\"scheduled\"")
        .contains("\"owner\":\"node-a\"")
        .contains("\"fence\":\"" + claim.fencingToken() + "\"");
    assertThat(direct.opsForZSet().score(key("run_leases"), claim.runId())).isNotNull();
    assertThat(direct.opsForHash().get(key("running"), "scheduled")).isEqualTo("1");
    assertThat(direct.opsForHash().get(key("claimed_through"), "scheduled"))
        .isEqualTo(Long.toString(micros(at(60))));
    assertThat(direct.opsForZSet().score(key("run_times"), "scheduled"))
        .isEqualTo((double) micros(at(360)));

    assertThat(store.completeRun(claim)).isTrue();
    assertThat(direct.opsForHash().size(key("runs"))).isZero();
    assertThat(direct.opsForHash().get(key("running"), "scheduled")).isNull();
  }

  @Test
  void subMicrosecondRunTimesAreKeptExactlyAndNeverAcquiredEarly() {
    RedisJobStore store = start("node-a");
    Instant odd = at(60).plusNanos(1_500);
    store.addJob(job("odd", odd));

    assertThat(store.lookupJob("odd").orElseThrow().nextRunTime()).contains(odd);
    assertThat(store.acquireDueJobs(odd.minusNanos(1), 10)).isEmpty();
    assertThat(ids(store.acquireDueJobs(odd.plusNanos(500), 10))).containsExactly("odd");
  }

  // ------------------------------------------------------------------ jobs that cannot be loaded

  @Test
  void aJobWithCorruptJsonIsReportedOnceKeptAndSkippedWhileTheOthersRun() {
    RedisJobStore store = start("node-a");
    store.addJobs(List.of(job("a", at(-3)), job("b", at(-2)), job("c", at(-1))));
    direct.opsForHash().put(key("jobs"), "b", "{not json");

    assertThat(ids(store.acquireDueJobs(NOW, 10))).containsExactly("a", "c");

    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).jobId()).isEqualTo("b");
    assertThat(failures.get(0).cause())
        .isInstanceOf(JobStoreException.class)
        .hasMessageContaining("job 'b'")
        .hasMessageContaining("job store 'default'")
        .hasMessageContaining("corrupt");
    assertThat(ids(store.getAllJobs())).containsExactly("a", "c");
    assertThat(store.lookupJob("b")).isEmpty();
    assertThat(store.nextRunTime())
        .as("b is looked at again when its acquisition lease ends")
        .contains(NOW.plus(store.leaseTime()).plusNanos(1000));

    clock.advance(store.leaseTime().plusSeconds(1));
    assertThat(store.acquireDueJobs(clock.instant(), 10)).isEmpty();

    assertThat(failures).as("reported once per version").hasSize(1);
    assertThat(direct.opsForHash().get(key("jobs"), "b")).as("kept").isEqualTo("{not json");
  }

  @Test
  void aJobWhoseTaskCannotBeResolvedIsReportedKeptAndRunsOnceReplaced() {
    RedisJobStore store = start("node-a");
    store.addJob(job("ghost", at(-1)));
    String json = (String) direct.opsForHash().get(key("jobs"), "ghost");
    direct
        .opsForHash()
        .put(key("jobs"), "ghost", json.replace(ContractTasks.NOOP, "com.example.Missing::run"));

    assertThat(store.acquireDueJobs(NOW, 10)).isEmpty();
    assertThat(failures)
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.jobId()).isEqualTo("ghost");
              assertThat(failure.cause())
                  .hasMessageContaining("'ghost'")
                  .hasMessageContaining("com.example.Missing");
            });
    assertThat(direct.opsForHash().hasKey(key("jobs"), "ghost")).isTrue();

    store.updateJob(job("ghost", at(-1)));

    assertThat(ids(store.acquireDueJobs(NOW, 10))).containsExactly("ghost");
    assertThat(failures).hasSize(1);
  }

  @Test
  void jobsThatCannotBeLoadedAreListedWithTheReasonAndCanBeRemoved() {
    RedisJobStore store = start("node-a");
    store.addJobs(List.of(job("a", at(-3)), job("b", at(-2)), job("ghost", at(-1))));
    direct.opsForHash().put(key("jobs"), "b", "{not json");
    String json = (String) direct.opsForHash().get(key("jobs"), "ghost");
    direct
        .opsForHash()
        .put(key("jobs"), "ghost", json.replace(ContractTasks.NOOP, "com.example.Missing::run"));

    List<UnloadableJob> unloadable = store.getUnloadableJobs();

    assertThat(unloadable)
        .extracting(UnloadableJob::id, UnloadableJob::jobStore)
        .containsExactlyInAnyOrder(tuple("b", "default"), tuple("ghost", "default"));
    assertThat(unloadable)
        .filteredOn(job -> job.id().equals("b"))
        .singleElement()
        .satisfies(job -> assertThat(job.reason()).contains("job 'b'", "corrupt"));
    assertThat(unloadable)
        .filteredOn(job -> job.id().equals("ghost"))
        .singleElement()
        .satisfies(job -> assertThat(job.reason()).contains("job 'ghost'", "com.example.Missing"));
    assertThat(ids(store.getAllJobs())).containsExactly("a");

    store.removeJob("b");
    store.removeJob("ghost");

    assertThat(store.getUnloadableJobs()).isEmpty();
    assertThat(direct.opsForHash().keys(key("jobs"))).containsExactly("a");
    assertThat(direct.opsForHash().keys(key("schedule"))).containsExactly("a");
    assertThatThrownBy(() -> store.removeJob("b")).isInstanceOf(JobNotFoundException.class);
  }

  // ------------------------------------------------------------------ refused input

  /** A value Jackson cannot write. */
  public static final class Unrepresentable {
    /**
     * Fails, as a broken getter would.
     *
     * @return never
     */
    public String getValue() {
      throw new IllegalStateException("no JSON form");
    }
  }

  @Test
  void aJobWithAnUnrepresentableArgumentIsRefusedBeforeAnythingIsWritten() {
    RedisJobStore store = start("node-a");
    Trigger trigger = everyFiveMinutes();
    JobSpec spec =
        JobSpec.builder()
            .id("bad")
            .task(TaskRef.of(ContractTasks.NOOP))
            .args(new Unrepresentable())
            .trigger(trigger)
            .build();
    Job bad = Job.create(spec, "bad", context -> null, trigger, JobDefaults.ofDefaults(), at(0));

    assertThatThrownBy(() -> store.addJobs(List.of(job("good", at(0)), bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad'")
        .hasMessageContaining("args[0]");
    assertThat(direct.keys(redis.prefix() + "*")).isEmpty();

    store.addJob(job("bad", at(0)));
    assertThatThrownBy(() -> store.updateJob(bad)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.lookupJob("bad").orElseThrow().args()).isEmpty();
  }

  // ------------------------------------------------------------------ announcements

  @Test
  void changesWakeTheOtherInstancesButNotTheOneThatMadeThem() throws InterruptedException {
    BlockingQueue<String> heardByA = new LinkedBlockingQueue<>();
    BlockingQueue<String> heardByB = new LinkedBlockingQueue<>();
    RedisJobStore a =
        start(redis.store().build(), "node-a", listener(() -> heardByA.add("change")));
    RedisJobStore b =
        start(redis.store().build(), "node-b", listener(() -> heardByB.add("change")));
    heardByA.clear(); // (each hears its own subscription confirmed)
    heardByB.clear();

    a.addJob(job("x", at(60)));
    assertThat(heardByB.poll(10, TimeUnit.SECONDS)).as("b heard the addition").isNotNull();
    a.updateJob(job("x", at(30)));
    assertThat(heardByB.poll(10, TimeUnit.SECONDS)).as("b heard the update").isNotNull();

    b.addJob(job("y", at(90)));
    assertThat(heardByA.poll(10, TimeUnit.SECONDS)).as("a heard b's addition").isNotNull();
    assertThat(heardByA).as("a did not hear its own changes").isEmpty();
  }

  @Test
  void aStoreStartedWhileRedisIsAwaySubscribesOnceItIsBack() throws InterruptedException {
    TcpProxy proxy = proxy();
    proxy.cut();
    BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    RedisJobStore store =
        start(
            storeThrough(proxy).pollInterval(Duration.ofMillis(300)).build(),
            "node-b",
            listener(() -> heard.add("change")));

    proxy.restore();

    assertThat(heard.poll(15, TimeUnit.SECONDS)).as("subscribed after all").isNotNull();
    heard.clear();
    start("node-a").addJob(job("x", at(60)));
    assertThat(heard.poll(10, TimeUnit.SECONDS)).as("heard node-a's addition").isNotNull();
    assertThat(ids(store.getAllJobs())).containsExactly("x");
  }

  // ------------------------------------------------------------------ atomicity

  @Test
  void schedulersClaimingConcurrentlyClaimEveryFireTimeExactlyOnce() throws Exception {
    RedisJobStore nodeA = start("node-a");
    RedisJobStore nodeB = start("node-b");
    Trigger everyMinute =
        IntervalTrigger.every(Duration.ofMinutes(1)).withStartDate(NOW.atZone(ZONE)).withZone(ZONE);
    int jobs = 60;
    int minutes = 10;
    nodeA.addJobs(
        IntStream.range(0, jobs).mapToObj(i -> job("job-" + i, NOW, 1000, everyMinute)).toList());
    Map<String, AtomicInteger> claimed = new ConcurrentHashMap<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Void>> workers = new ArrayList<>();
    for (RedisJobStore node : List.of(nodeA, nodeB, nodeA, nodeB)) {
      workers.add(
          () -> {
            go.await();
            for (int minute = 0; minute <= minutes; minute++) {
              claimDue(node, at(60L * minute), claimed);
            }
            return null;
          });
    }
    ExecutorService threads = Executors.newFixedThreadPool(workers.size());
    try {
      List<Future<Void>> done = new ArrayList<>();
      workers.forEach(worker -> done.add(threads.submit(worker)));
      go.countDown();
      for (Future<Void> worker : done) {
        worker.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    claimDue(nodeA, at(60L * minutes), claimed); // what a worker held when the others finished

    assertThat(claimed).hasSize(jobs * (minutes + 1));
    assertThat(claimed.values()).allSatisfy(count -> assertThat(count.get()).isOne());
  }

  /** One scheduler pass at {@code now}: acquire, claim every fire time due, complete at once. */
  private static void claimDue(
      RedisJobStore node, Instant now, Map<String, AtomicInteger> claimed) {
    List<Job> due;
    while (!(due = node.acquireDueJobs(now, 8)).isEmpty()) {
      List<Release> releases = new ArrayList<>();
      for (Job job : due) {
        List<Instant> runTimes = new ArrayList<>();
        Instant next = job.nextRunTime().orElseThrow();
        while (!next.isAfter(now)) {
          runTimes.add(next);
          next = next.plus(Duration.ofMinutes(1));
        }
        releases.add(new Release(job, job.withNextRunTime(next), runTimes));
      }
      for (ClaimResult result : node.releaseAndClaim(releases, now)) {
        RunClaim claim = result.claim();
        if (claim != null) {
          claim
              .runTimes()
              .forEach(
                  time ->
                      claimed
                          .computeIfAbsent(claim.jobId() + "@" + time, k -> new AtomicInteger())
                          .incrementAndGet());
          node.completeRun(claim);
        }
      }
    }
  }

  @Test
  void aModificationRacingARunDoesNotRunTheSameFireTimeTwice() {
    RedisJobStore nodeA = start("node-a");
    RedisJobStore nodeB = start("node-b");
    nodeA.addJob(job("raced", at(0)));
    Job acquiredByA = nodeA.acquireDueJobs(at(0), 10).get(0);
    // node-b modifies the job from a snapshot read before node-a released it: same next run time
    nodeB.updateJob(job("raced", at(0)));
    Job acquiredByB = nodeB.acquireDueJobs(at(0), 10).get(0);
    ClaimResult byB =
        nodeB
            .releaseAndClaim(
                List.of(
                    new Release(acquiredByB, acquiredByB.withNextRunTime(at(300)), List.of(at(0)))),
                at(0))
            .get(0);

    ClaimResult byA =
        nodeA
            .releaseAndClaim(
                List.of(
                    new Release(acquiredByA, acquiredByA.withNextRunTime(at(300)), List.of(at(0)))),
                at(0))
            .get(0);

    assertThat(byB.claim()).isNotNull();
    assertThat(byA.release()).isEqualTo(ReleaseResult.SUPERSEDED);
    assertThat(byA.claim()).as("08:00 is already claimed").isNull();
    assertThat(byA.maxInstancesReached()).isFalse();
  }

  // ------------------------------------------------------------------ lost replies and outages

  @Test
  void aReleaseWhoseReplyWasLostIsReSentAndReportsItsClaimWithoutClaimingTwice() {
    TcpProxy proxy = proxy();
    RedisJobStore store = start(storeThrough(proxy).build(), "node-a", recordingFailures());
    store.addJob(job("due", at(0)));
    Job acquired = store.acquireDueJobs(at(0), 10).get(0);

    proxy.dropNextReply();
    ClaimResult result =
        store
            .releaseAndClaim(
                List.of(new Release(acquired, acquired.withNextRunTime(at(300)), List.of(at(0)))),
                at(0))
            .get(0);

    assertThat(proxy.droppedReplies()).as("the first reply was lost").isOne();
    assertThat(result.release()).isEqualTo(ReleaseResult.UPDATED);
    assertThat(result.claim()).isNotNull();
    assertThat(direct.opsForHash().size(key("runs"))).isOne();
    assertThat(direct.opsForHash().get(key("running"), "due")).isEqualTo("1");
    assertThat(store.lookupJob("due").orElseThrow().nextRunTime()).contains(at(300));
    assertThat(store.completeRun(result.claim())).isTrue();
  }

  @Test
  void anAdditionWhoseReplyWasLostIsReSentWithoutAConflict() {
    TcpProxy proxy = proxy();
    RedisJobStore store = start(storeThrough(proxy).build(), "node-a", recordingFailures());

    proxy.dropNextReply();
    store.addJob(job("added", at(0)));

    assertThat(proxy.droppedReplies()).isOne();
    assertThat(ids(store.getAllJobs())).containsExactly("added");
  }

  @Test
  void whileRedisIsAwayOperationsFailNamingStoreAndOperationAndWorkAgainAfter() {
    TcpProxy proxy = proxy();
    RedisJobStore store = start(storeThrough(proxy).build(), "node-a", recordingFailures());
    store.addJob(job("kept", at(0)));

    proxy.cut();

    assertThatThrownBy(store::checkAvailable)
        .isInstanceOf(JobStoreException.class)
        .hasMessageContaining("job store 'default'")
        .hasMessageContaining(redis.prefix())
        .hasMessageContaining("PING");
    assertThatThrownBy(() -> store.acquireDueJobs(at(0), 10))
        .isInstanceOf(JobStoreException.class)
        .hasMessageContaining("acquire due jobs");

    proxy.restore();
    await("Redis reachable again")
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(50))
        .ignoreException(JobStoreException.class)
        .untilAsserted(store::checkAvailable);
    assertThat(ids(store.acquireDueJobs(at(0), 10))).containsExactly("kept");
  }

  @Test
  void checkAvailablePingsRedis() {
    String clientName = "ping-" + redis.prefix().hashCode();
    SharedJobStore store =
        start(
            RedisJobStore.builder(redis.connectionFactory(TestServers.redisUrl(), clientName))
                .keyPrefix(redis.prefix())
                .build(),
            "node-a",
            recordingFailures());
    assertThat(lastCommands(clientName)).doesNotContain("ping");

    store.checkAvailable();

    assertThat(lastCommands(clientName)).contains("ping");
  }

  /** The last command of each connection named {@code clientName}, as CLIENT LIST shows it. */
  private List<String> lastCommands(String clientName) {
    return direct.getClientList().stream()
        .filter(client -> clientName.equals(client.getName()))
        .map(client -> String.valueOf(client.getLastCommand()))
        .toList();
  }
}
