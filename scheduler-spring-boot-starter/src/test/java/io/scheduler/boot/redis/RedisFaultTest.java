package io.scheduler.boot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.exception.JobStoreException;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStoreListener;
import io.scheduler.testservers.TcpProxy;
import io.scheduler.testservers.TestServers;
import io.scheduler.trigger.DateTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.RedisClientInfo;

/**
 * Redis goes away while two schedulers run jobs: their connections are killed, or the server turns
 * them away for a while (as while it restarts). The schedulers log, retry, reconnect and go on:
 * every job still runs, once; and announcements reach them again afterwards.
 */
@Tag("integration")
class RedisFaultTest {

  private static final int JOBS = 400;

  private final RedisTestSupport redis = new RedisTestSupport();
  private final String scenario = "fault-" + redis.prefix();
  private final StringRedisTemplate direct = redis.template();

  @AfterEach
  void cleanUp() {
    try {
      redis.close();
    } finally {
      RedisTestTasks.forget(scenario);
    }
  }

  private Scheduler node(
      String name, LettuceConnectionFactory factory, Duration leaseTime, Duration pollInterval) {
    Scheduler node =
        BackgroundScheduler.builder()
            .timezone(ZoneOffset.UTC)
            .schedulerId(name)
            .threadNamePrefix(name + "-")
            .executor("default", JobExecutors.threadPool(4, name + "-worker-"))
            .jobStore(
                "default",
                RedisJobStore.builder(factory)
                    .keyPrefix(redis.prefix())
                    .leaseTime(leaseTime)
                    .pollInterval(pollInterval)
                    .build())
            .jobStoreRetryInterval(Duration.ofMillis(200))
            .build();
    redis.onClose(() -> node.shutdown(true));
    node.start();
    return node;
  }

  private List<JobSpec> oneShotJobs(Instant from, int count, long spreadMillis) {
    List<JobSpec> jobs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      jobs.add(
          JobSpec.builder()
              .id("job-" + i)
              .task(TaskRef.of(RedisTestTasks.RECORD))
              .args(scenario)
              .trigger(
                  DateTrigger.at(from.plusMillis(i * spreadMillis / count).atZone(ZoneOffset.UTC)))
              .misfireGraceTime(null)
              .build());
    }
    return jobs;
  }

  private void awaitRuns(int runs) {
    await("at least " + runs + " runs")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> RedisTestTasks.runs(scenario).size() >= runs);
  }

  /** Waits until every job ran and no job or claim is left, then checks each ran once. */
  private void assertEveryJobRanOnce(CountDownLatch allRan, String fault)
      throws InterruptedException {
    assertThat(allRan.await(60, TimeUnit.SECONDS)).as("every job ran").isTrue();
    await("no job or claim left")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () ->
                direct.opsForHash().size(redis.prefix() + "jobs") == 0
                    && direct.opsForHash().size(redis.prefix() + "runs") == 0);
    Map<String, Long> runsByJob =
        RedisTestTasks.runs(scenario).stream()
            .collect(Collectors.groupingBy(RedisTestTasks.Run::jobId, Collectors.counting()));
    long duplicates = RedisTestTasks.runs(scenario).size() - runsByJob.size();
    long lost = JOBS - runsByJob.size();
    System.out.printf(
        "RedisFaultTest (%s): %d jobs, %d runs, %d duplicates, %d lost%n",
        fault, JOBS, RedisTestTasks.runs(scenario).size(), duplicates, lost);
    assertThat(lost).as("lost").isZero();
    assertThat(duplicates).as("duplicates").isZero();
  }

  @Test
  void everyJobRunsOnceWhenRedisTurnsTheSchedulersAwayMidRun() throws Exception {
    TcpProxy proxy = new TcpProxy(TestServers.redisUrl());
    redis.onClose(proxy::close);
    Scheduler first =
        node(
            "node-1",
            redis.connectionFactory(proxy.url(), "fault-1"),
            Duration.ofSeconds(8),
            Duration.ofSeconds(1));
    node(
        "node-2",
        redis.connectionFactory(proxy.url(), "fault-2"),
        Duration.ofSeconds(8),
        Duration.ofSeconds(1));
    CountDownLatch allRan = RedisTestTasks.expect(scenario, JOBS);
    first.addJobs(oneShotJobs(first.clock().instant().plusMillis(300), JOBS, 3000));
    awaitRuns(JOBS / 4);

    RedisJobStore observer =
        RedisJobStore.builder(redis.connectionFactory(proxy.url(), "fault-observer"))
            .keyPrefix(redis.prefix())
            .build();
    observer.start(
        new JobStoreContext(
            "observer",
            Clock.systemUTC(),
            ZoneOffset.UTC,
            TaskResolver.staticMethods(),
            "observer",
            JobStoreListener.NONE));
    redis.onClose(observer::shutdown);
    observer.checkAvailable();

    proxy.cut();
    // Redis stays away until a connected client has waited out two command timeouts (2 s each)
    // for it: the schedulers' passes, renewals and completions fail meanwhile.
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(observer::checkAvailable)
          .isInstanceOf(JobStoreException.class)
          .hasMessageContaining("job store 'observer'");
    }
    int ranDuringOutage = RedisTestTasks.runs(scenario).size();
    proxy.restore();

    assertEveryJobRanOnce(allRan, "turned away; " + ranDuringOutage + " runs before the restore");
    assertThat(proxy.turnedAway()).as("connection attempts turned away").isPositive();
  }

  @Test
  void everyJobRunsOnceWhenTheSchedulersConnectionsAreKilledAndAnnouncementsResume()
      throws Exception {
    String clientName = "fault-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    // Polling only every 30 s: after the kills, a new job is found through announcements.
    Scheduler first =
        node(
            "node-1",
            redis.connectionFactory(TestServers.redisUrl(), clientName),
            Duration.ofSeconds(4),
            Duration.ofSeconds(30));
    node(
        "node-2",
        redis.connectionFactory(TestServers.redisUrl(), clientName),
        Duration.ofSeconds(4),
        Duration.ofSeconds(30));
    CountDownLatch allRan = RedisTestTasks.expect(scenario, JOBS);
    first.addJobs(oneShotJobs(first.clock().instant().plusMillis(300), JOBS, 3000));

    int killed = 0;
    for (int round = 1; round <= 3; round++) {
      awaitRuns(round * JOBS / 4);
      killed += killClients(clientName);
    }
    assertEveryJobRanOnce(allRan, killed + " connections killed in 3 rounds");
    assertThat(killed).as("connections killed").isGreaterThanOrEqualTo(6);

    CountDownLatch late = RedisTestTasks.expect(scenario, 1);
    RedisJobStore other = redis.store().build();
    other.start(
        new JobStoreContext(
            "default",
            Clock.systemUTC(),
            ZoneOffset.UTC,
            TaskResolver.staticMethods(),
            "node-3",
            JobStoreListener.NONE));
    redis.onClose(other::shutdown);
    // Another process adds a job due now: only an announcement can wake the sleeping schedulers.
    JobSpec spec =
        JobSpec.builder()
            .id("after-the-kills")
            .task(TaskRef.of(RedisTestTasks.RECORD))
            .args(scenario)
            .misfireGraceTime(null)
            .build();
    Instant now = first.clock().instant();
    DateTrigger trigger = DateTrigger.at(now.atZone(ZoneOffset.UTC));
    other.addJob(
        Job.create(
            spec,
            "after-the-kills",
            TaskResolver.staticMethods().resolve(spec.taskRef(), spec.args(), spec.kwargs()),
            trigger,
            JobDefaults.ofDefaults(),
            now));
    assertThat(late.await(10, TimeUnit.SECONDS))
        .as("the new job ran long before the 30 s poll: announcements arrive again")
        .isTrue();
  }

  /** Kills every connection whose client name is {@code clientName}; returns how many. */
  private int killClients(String clientName) {
    int killed = 0;
    for (RedisClientInfo client : direct.getClientList()) {
      String address = client.getAddressPort();
      if (clientName.equals(client.getName()) && address != null) {
        int colon = address.lastIndexOf(':');
        direct.killClient(
            address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        killed++;
      }
    }
    return killed;
  }
}
