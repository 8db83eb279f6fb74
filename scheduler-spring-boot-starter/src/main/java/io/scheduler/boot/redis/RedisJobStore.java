package io.scheduler.boot.redis;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.exception.JobStoreException;
import io.scheduler.job.Job;
import io.scheduler.store.JobJson;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.ReleaseResult;
import io.scheduler.store.RunClaim;
import io.scheduler.store.SharedJobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A {@link SharedJobStore} on Redis (APScheduler's {@code RedisJobStore}, made safe to share): any
 * number of schedulers, in any number of processes, may use the same Redis and key prefix, and
 * every fire time of every job is run by exactly one of them. It talks to Redis through Spring Data
 * Redis (any {@link RedisConnectionFactory}; Lettuce is tested) and changes state only in Lua
 * scripts, one per operation, so no change is ever half-written and concurrent schedulers never
 * interleave inside one.
 *
 * <pre>{@code
 * RedisJobStore store = RedisJobStore.builder(connectionFactory)
 *     .keyPrefix("scheduler:")            // default
 *     .leaseTime(Duration.ofSeconds(30))  // default
 *     .pollInterval(Duration.ofSeconds(10)) // default
 *     .build();
 * }</pre>
 *
 * <h2>Keys</h2>
 *
 * All under the prefix {@code <p>}, so in a Redis Cluster they share one slot when the prefix
 * carries a hash tag, such as <code>{scheduler}:</code>:
 *
 * <ul>
 *   <li>{@code <p>jobs}: hash, job id to the job's {@link JobJson} form;
 *   <li>{@code <p>versions}: hash, job id to its version, a random token replaced by every write; a
 *       release carries the version it acquired and changes nothing when it is not current (the
 *       fencing check on the job);
 *   <li>{@code <p>schedule}: hash, job id to its next run time as {@code "<score> <instant>"}
 *       (epoch microseconds rounded up, then the exact ISO-8601 instant); absent while paused;
 *   <li>{@code <p>run_times}: sorted set of the scheduled jobs not acquired, by next run time;
 *   <li>{@code <p>acquired}: sorted set of the acquired jobs, by the end of their acquisition
 *       lease; {@code <p>acquisitions}: hash, job id to {@code "<token> <schedulerId>"};
 *   <li>{@code <p>claimed_through}: hash, job id to the latest run time (epoch microseconds) a run
 *       was claimed for: no fire time of a job is ever claimed twice;
 *   <li>{@code <p>runs}: hash, run id to the claim as JSON ({@code job}, {@code owner}, {@code
 *       fence}, {@code times}, {@code recovered}, and {@code snapshot}, the job's JSON, when the
 *       claiming release removed the job); {@code <p>run_leases}: sorted set of run ids by the end
 *       of their lease; {@code <p>running}: hash, job id to its number of claims, which is its
 *       number of instances across all schedulers;
 *   <li>{@code <p>sequence}: counter for acquisition and fencing tokens;
 *   <li>{@code <p>completed}: sorted set of recent completions ({@code "<run id> <call token>"}),
 *       kept for a minute or a lease time so that a completion re-sent by the driver succeeds;
 *   <li>{@code <p>changes}: pub/sub channel on which additions and changes are announced, so the
 *       other schedulers look for due jobs at once; they also poll every {@link #pollInterval()}.
 * </ul>
 *
 * <h2>Scripts</h2>
 *
 * Each operation is one script under {@code io/scheduler/boot/redis/}: {@code add.lua} (all jobs of
 * a batch or none), {@code update.lua}, {@code remove.lua}, {@code remove_all.lua}, {@code
 * lookup.lua} and {@code snapshot.lua} (consistent reads), {@code acquire.lua} (takes back expired
 * acquisitions, then leases the earliest due jobs), {@code release.lua} (per job: the fenced write
 * and the run claim within the instance limit, in one step), {@code renew.lua}, {@code
 * complete.lua}, {@code recover.lua} (takes over expired claims with new fencing tokens), {@code
 * claimed.lua} and {@code next.lua}.
 *
 * <h2>Time, failures and reconnects</h2>
 *
 * Times come only from the callers' {@code now} (the scheduler's clock), never from the Redis
 * server. A job this instance acquired is not handed out again until it is released; a job whose
 * acquisition lease expired is acquired again by any instance that does not hold it, and {@link
 * #nextRunTime()} wakes the schedulers when such leases end. Redis failures surface as {@link
 * JobStoreException}s naming the store and the operation; the scheduler logs them and retries, and
 * the driver reconnects. Commands the driver re-sends after a reconnect (Lettuce does, at least
 * once) do no harm: a repeated add, update, release or completion recognises its own version, run
 * id or call token and reports what it did, and no claim covers a fire time claimed before; a
 * repeated acquisition or takeover leaves what the first one took to its lease. Keep the driver's
 * command timeout and reconnect delay well below the lease time. A stored job whose JSON is corrupt
 * or whose task cannot be resolved is reported through {@link
 * io.scheduler.store.JobStoreListener#jobLoadFailed} (once per version), kept as stored and
 * skipped: it stays acquired a lease time at a time, so it does not hold up the other jobs.
 */
public final class RedisJobStore implements SharedJobStore {

  /** The key prefix unless configured otherwise. */
  public static final String DEFAULT_KEY_PREFIX = "scheduler:";

  private static final Logger log = LoggerFactory.getLogger(RedisJobStore.class);

  private static final RedisScript<List<Object>> ADD = script("add");
  private static final RedisScript<List<Object>> UPDATE = script("update");
  private static final RedisScript<List<Object>> REMOVE = script("remove");
  private static final RedisScript<List<Object>> REMOVE_ALL = script("remove_all");
  private static final RedisScript<List<Object>> LOOKUP = script("lookup");
  private static final RedisScript<List<Object>> SNAPSHOT = script("snapshot");
  private static final RedisScript<List<Object>> ACQUIRE = script("acquire");
  private static final RedisScript<List<Object>> RELEASE = script("release");
  private static final RedisScript<List<Object>> RENEW = script("renew");
  private static final RedisScript<List<Object>> COMPLETE = script("complete");
  private static final RedisScript<List<Object>> RECOVER = script("recover");
  private static final RedisScript<List<Object>> CLAIMED = script("claimed");
  private static final RedisScript<List<Object>> NEXT = script("next");

  // How long a completed run's mark answers a re-sent completion, at least.
  private static final Duration COMPLETION_MEMORY = Duration.ofMinutes(1);

  private final RedisConnectionFactory connectionFactory;
  private final String keyPrefix;
  private final Duration leaseTime;
  private final Duration pollInterval;
  private final RedisKeys keys;
  private final StringRedisTemplate redis;
  // Sent with every announcement, so this instance ignores its own.
  private final String origin = token();
  // The jobs this instance acquired and has not released, by id: never handed out again meanwhile.
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  // Jobs reported as unloadable, with the version reported: each version is reported once.
  private final Map<String, String> unloadable = new ConcurrentHashMap<>();
  private final Object subscriptionLock = new Object();
  private volatile @Nullable JobStoreContext context;
  // Guarded by subscriptionLock:
  private @Nullable ScheduledExecutorService retries;
  private @Nullable RedisMessageListenerContainer subscription;
  private boolean closed;
  private boolean retryPlanned;
  private boolean subscriptionFailed;
  private boolean subscribing;

  private RedisJobStore(Builder builder) {
    this.connectionFactory = builder.connectionFactory;
    this.keyPrefix = builder.keyPrefix;
    this.leaseTime = builder.leaseTime;
    this.pollInterval = builder.pollInterval;
    this.keys = new RedisKeys(keyPrefix);
    this.redis = new StringRedisTemplate(connectionFactory);
  }

  /**
   * Returns a builder for a store on a connection factory (which the application owns: the store
   * neither starts nor closes it).
   *
   * @param connectionFactory the connection factory
   * @return a new builder
   */
  public static Builder builder(RedisConnectionFactory connectionFactory) {
    return new Builder(connectionFactory);
  }

  /**
   * Returns the prefix of the store's keys.
   *
   * @return the key prefix
   */
  public String keyPrefix() {
    return keyPrefix;
  }

  @Override
  public Duration leaseTime() {
    return leaseTime;
  }

  @Override
  public Duration pollInterval() {
    return pollInterval;
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void start(JobStoreContext context) {
    this.context = Objects.requireNonNull(context, "context must not be null");
    synchronized (subscriptionLock) {
      closed = false;
      if (retries == null) {
        ScheduledThreadPoolExecutor executor =
            new ScheduledThreadPoolExecutor(
                1,
                run -> {
                  Thread thread = new Thread(run, "scheduler-redis-" + context.alias());
                  thread.setDaemon(true);
                  return thread;
                });
        executor.setRemoveOnCancelPolicy(true);
        retries = executor;
      }
    }
    subscribe();
  }

  @Override
  public void shutdown() {
    RedisMessageListenerContainer container;
    synchronized (subscriptionLock) {
      closed = true;
      container = subscription;
      subscription = null;
      if (retries != null) {
        retries.shutdownNow();
        retries = null;
      }
    }
    if (container != null) {
      destroy(container);
    }
    held.clear();
  }

  @Override
  public void checkAvailable() {
    call("reach Redis (PING)", () -> redis.execute((RedisCallback<String>) RedisConnection::ping));
  }

  // ---------------------------------------------------------------- jobs

  @Override
  public void addJob(Job job) {
    addJobs(List.of(job));
  }

  @Override
  public void addJobs(List<Job> jobs) {
    JobStoreContext context = started();
    if (jobs.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(3 + 4 * jobs.size());
    args.add(keys.channel());
    args.add(origin);
    args.add(Integer.toString(jobs.size()));
    for (Job job : jobs) {
      String json = JobJson.toJson(job); // refuses what cannot be stored before anything is written
      args.add(job.id());
      args.add(json);
      args.add(token());
      args.add(schedule(job.nextRunTime().orElse(null)));
    }
    List<Object> result = run(ADD, jobs.size() == 1 ? "add a job" : "add jobs", args);
    if ("conflict".equals(result.get(0))) {
      throw new ConflictingJobIdException(text(result.get(1)), context.alias());
    }
  }

  @Override
  public void updateJob(Job job) {
    JobStoreContext context = started();
    String json = JobJson.toJson(job);
    List<Object> result =
        run(
            UPDATE,
            "update job '" + job.id() + "'",
            List.of(
                keys.channel(),
                origin,
                job.id(),
                json,
                token(),
                schedule(job.nextRunTime().orElse(null))));
    if (!isOne(result.get(0))) {
      throw new JobNotFoundException(job.id(), context.alias());
    }
  }

  @Override
  public void removeJob(String id) {
    JobStoreContext context = started();
    List<Object> result = run(REMOVE, "remove job '" + id + "'", List.of(id));
    if (!isOne(result.get(0))) {
      throw new JobNotFoundException(id, context.alias());
    }
  }

  @Override
  public void removeAllJobs() {
    started();
    run(REMOVE_ALL, "remove all jobs", List.of());
  }

  @Override
  public Optional<Job> lookupJob(String id) {
    started();
    List<Object> found = run(LOOKUP, "look up job '" + id + "'", List.of(id));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        load(id, text(found.get(0)), text(found.get(1)), text(found.get(2))));
  }

  @Override
  public List<Job> getAllJobs() {
    started();
    List<Object> snapshot = run(SNAPSHOT, "read all jobs", List.of());
    Map<String, String> versions = pairs(snapshot.get(1));
    Map<String, String> schedules = pairs(snapshot.get(2));
    List<Job> jobs = new ArrayList<>();
    pairs(snapshot.get(0))
        .forEach(
            (id, json) -> {
              Job job =
                  load(id, json, versions.getOrDefault(id, ""), schedules.getOrDefault(id, ""));
              if (job != null) {
                jobs.add(job);
              }
            });
    jobs.sort(Job.BY_NEXT_RUN_TIME);
    return jobs;
  }

  /**
   * Returns when to look for due jobs next: the earliest next run time of the scheduled jobs, or
   * earlier, the end of the lease of a job acquired by another scheduler or of a run claim, so a
   * scheduler that died is taken over as soon as its leases end rather than at the next poll.
   *
   * @return the time, or empty when nothing is scheduled, acquired or claimed
   */
  @Override
  public Optional<Instant> nextRunTime() {
    started();
    List<Object> next = run(NEXT, "read the next run time", List.copyOf(held.keySet()));
    return next.isEmpty()
        ? Optional.empty()
        : Optional.of(fromMicros((long) Double.parseDouble(text(next.get(0)))));
  }

  // ---------------------------------------------------------------- acquisition and release

  @Override
  public List<Job> acquireDueJobs(Instant now, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be greater than 0, but was " + limit);
    }
    JobStoreContext context = started();
    checkSubscription();
    List<String> args = new ArrayList<>();
    args.add(Long.toString(floorMicros(now)));
    args.add(Long.toString(floorMicros(now.plus(leaseTime))));
    args.add(Integer.toString(limit));
    args.add(context.schedulerId());
    args.addAll(held.keySet());
    List<Object> found = run(ACQUIRE, "acquire due jobs", args);
    List<Job> due = new ArrayList<>(found.size() / 5);
    for (int i = 0; i + 4 < found.size(); i += 5) {
      String id = text(found.get(i));
      String version = text(found.get(i + 2));
      Job job = load(id, text(found.get(i + 1)), version, text(found.get(i + 3)));
      // A job that cannot be loaded stays acquired until its lease ends, then is tried again.
      if (job != null) {
        held.put(id, new Held(job, version, text(found.get(i + 4))));
        due.add(job);
      }
    }
    return due;
  }

  @Override
  public ReleaseResult releaseJob(Job acquired, @Nullable Job updated) {
    return releaseJobs(List.of(acquired), Arrays.asList(updated)).get(0);
  }

  @Override
  public List<ReleaseResult> releaseJobs(List<Job> acquired, List<@Nullable Job> updated) {
    List<Release> releases = new ArrayList<>(acquired.size());
    for (int i = 0; i < acquired.size(); i++) {
      releases.add(new Release(acquired.get(i), updated.get(i), List.of()));
    }
    Instant now = started().clock().instant();
    return releaseAndClaim(releases, now).stream().map(ClaimResult::release).toList();
  }

  @Override
  public List<ClaimResult> releaseAndClaim(List<Release> releases, Instant now) {
    JobStoreContext context = started();
    @Nullable ClaimResult[] results = new ClaimResult[releases.size()];
    List<Integer> sent = new ArrayList<>(releases.size());
    List<Held> releasing = new ArrayList<>(releases.size());
    List<String> runIds = new ArrayList<>(releases.size());
    List<String> args = new ArrayList<>();
    args.add(Long.toString(floorMicros(now.plus(leaseTime))));
    args.add(context.schedulerId());
    args.add(""); // the count, set below
    try {
      for (int i = 0; i < releases.size(); i++) {
        Release release = releases.get(i);
        Job acquired = release.acquired();
        Held acquisition = held.get(acquired.id());
        if (acquisition == null || acquisition.job() != acquired) {
          // Not handed out by this store, or released already.
          results[i] = new ClaimResult(ReleaseResult.SUPERSEDED, null, false);
          continue;
        }
        releasing.add(acquisition);
        Job updated = release.updated();
        String runId = token() + token();
        args.add(acquired.id());
        args.add(acquisition.version());
        args.add(acquisition.token());
        args.add(token());
        args.add(updated == null ? "delete" : "update");
        args.add(
            updated == null || sameStoredForm(acquired, updated) ? "" : JobJson.toJson(updated));
        args.add(updated == null ? "" : schedule(updated.nextRunTime().orElse(null)));
        args.add(Integer.toString((updated == null ? acquired : updated).maxInstances()));
        args.add(runId);
        args.add(Integer.toString(release.runTimes().size()));
        for (Instant runTime : release.runTimes()) {
          args.add(Long.toString(floorMicros(runTime)));
          args.add(runTime.toString());
        }
        sent.add(i);
        runIds.add(runId);
      }
      if (!sent.isEmpty()) {
        args.set(2, Integer.toString(sent.size()));
        List<Object> outcome = run(RELEASE, "release acquired jobs", args);
        for (int k = 0; k < sent.size(); k++) {
          int i = sent.get(k);
          results[i] =
              claimResult(releases.get(i), runIds.get(k), outcome.subList(4 * k, 4 * k + 4));
        }
      }
    } finally {
      // Released, or (on a failure) left to expire: either way no longer held here.
      for (Held acquisition : releasing) {
        held.remove(acquisition.job().id(), acquisition);
      }
    }
    List<ClaimResult> list = new ArrayList<>(results.length);
    for (ClaimResult result : results) {
      list.add(Objects.requireNonNull(result));
    }
    return list;
  }

  private static ClaimResult claimResult(Release release, String runId, List<Object> outcome) {
    ReleaseResult status =
        switch (text(outcome.get(0))) {
          case "U" -> ReleaseResult.UPDATED;
          case "R" -> ReleaseResult.REMOVED;
          case "L" -> ReleaseResult.LEASE_LOST;
          default -> ReleaseResult.SUPERSEDED;
        };
    String claim = text(outcome.get(1));
    if ("claimed".equals(claim)) {
      List<Instant> runTimes = release.runTimes();
      int first = Integer.parseInt(text(outcome.get(3)));
      RunClaim run =
          new RunClaim(
              runId,
              release.acquired().id(),
              Long.parseLong(text(outcome.get(2))),
              runTimes.subList(first, runTimes.size()),
              false);
      return new ClaimResult(status, run, false);
    }
    return new ClaimResult(status, null, "max".equals(claim));
  }

  // ---------------------------------------------------------------- run claims

  @Override
  public List<RunClaim> renewLeases(List<RunClaim> claims, Instant now) {
    started();
    if (claims.isEmpty()) {
      return List.of();
    }
    List<String> args = new ArrayList<>(2 + 2 * claims.size());
    args.add(Long.toString(floorMicros(now.plus(leaseTime))));
    args.add(Integer.toString(claims.size()));
    for (RunClaim claim : claims) {
      args.add(claim.runId());
      args.add(Long.toString(claim.fencingToken()));
    }
    List<Object> lost = run(RENEW, "renew run leases", args);
    List<RunClaim> notHeld = new ArrayList<>(lost.size());
    for (Object index : lost) {
      notHeld.add(claims.get(Integer.parseInt(text(index))));
    }
    return notHeld;
  }

  @Override
  public boolean completeRun(RunClaim claim) {
    Instant now = started().clock().instant();
    Duration memory = leaseTime.compareTo(COMPLETION_MEMORY) > 0 ? leaseTime : COMPLETION_MEMORY;
    List<Object> result =
        run(
            COMPLETE,
            "complete the run of job '" + claim.jobId() + "'",
            List.of(
                claim.runId(),
                Long.toString(claim.fencingToken()),
                token(),
                Long.toString(floorMicros(now)),
                Long.toString(floorMicros(now.minus(memory)))));
    return isOne(result.get(0));
  }

  @Override
  public List<RunClaim> recoverExpiredRuns(Instant now, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be greater than 0, but was " + limit);
    }
    JobStoreContext context = started();
    List<Object> found =
        run(
            RECOVER,
            "recover expired runs",
            List.of(
                Long.toString(floorMicros(now)),
                Long.toString(floorMicros(now.plus(leaseTime))),
                context.schedulerId(),
                Integer.toString(limit)));
    List<RunClaim> claims = new ArrayList<>();
    int i = 0;
    while (i + 3 < found.size()) {
      String runId = text(found.get(i));
      String jobId = text(found.get(i + 1));
      long fence = Long.parseLong(text(found.get(i + 2)));
      int count = Integer.parseInt(text(found.get(i + 3)));
      List<Instant> runTimes = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        runTimes.add(Instant.parse(text(found.get(i + 4 + k))));
      }
      claims.add(new RunClaim(runId, jobId, fence, runTimes, true));
      i += 4 + count;
    }
    return claims;
  }

  @Override
  public Optional<Job> claimedJob(RunClaim claim) {
    started();
    List<Object> found =
        run(
            CLAIMED,
            "read the job of run '" + claim.runId() + "' of job '" + claim.jobId() + "'",
            List.of(claim.runId(), claim.jobId()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        load(claim.jobId(), text(found.get(0)), text(found.get(1)), text(found.get(2))));
  }

  // ---------------------------------------------------------------- loading

  /** Loads a stored job, or reports it (once per version) and returns null when it cannot. */
  private @Nullable Job load(String id, String json, String version, String schedule) {
    JobStoreContext context = started();
    try {
      Job job = JobJson.fromJson(json, parseSchedule(schedule), context);
      if (!job.id().equals(id)) {
        throw new IllegalArgumentException(
            "its data names the id '" + job.id() + "', but it is stored under '" + id + "'");
      }
      if (!unloadable.isEmpty()) {
        unloadable.remove(id);
      }
      return job;
    } catch (RuntimeException e) {
      if (!version.equals(unloadable.put(id, version))) {
        JobStoreException cause =
            e instanceof JobStoreException named && named.getMessage().contains("'" + id + "'")
                ? named
                : new JobStoreException(
                    "job '"
                        + id
                        + "' in job store '"
                        + context.alias()
                        + "' cannot be loaded: "
                        + e.getMessage(),
                    e);
        log.debug("Skipping job '{}' in job store '{}': {}", id, context.alias(), e.toString());
        try {
          context.listener().jobLoadFailed(id, cause);
        } catch (RuntimeException listenerFailure) {
          log.warn("Job store listener failed on job '{}'", id, listenerFailure);
        }
      }
      return null;
    }
  }

  /** Whether two snapshots of a job have the same JSON form (the next run time aside). */
  private static boolean sameStoredForm(Job a, Job b) {
    return a == b
        || (a.id().equals(b.id())
            && a.name().equals(b.name())
            && a.taskRef().equals(b.taskRef())
            && a.trigger().equals(b.trigger())
            && a.args().equals(b.args())
            && a.kwargs().equals(b.kwargs())
            && a.misfireGraceTime().equals(b.misfireGraceTime())
            && a.coalesce() == b.coalesce()
            && a.maxInstances() == b.maxInstances()
            && a.executor().equals(b.executor()));
  }

  // ---------------------------------------------------------------- announcements

  /**
   * Subscribes to the change channel, waiting until the subscription is confirmed; when that fails,
   * tries again after the poll interval (the scheduler polls meanwhile). Once subscribed, the
   * driver keeps the subscription across reconnects.
   */
  private void subscribe() {
    JobStoreContext context = this.context;
    RedisMessageListenerContainer container;
    synchronized (subscriptionLock) {
      if (context == null || closed || subscription != null) {
        return;
      }
      container = new RedisMessageListenerContainer();
      container.setConnectionFactory(connectionFactory);
      // Announcements only wake the scheduler: handle them on the driver's thread.
      container.setTaskExecutor(Runnable::run);
      container.setSubscriptionExecutor(Runnable::run);
      // The store retries on its own thread; the container must not block or retry forever.
      container.setRecoveryBackoff(new FixedBackOff(0, 0));
      container.addMessageListener(new Announcements(), new ChannelTopic(keys.channel()));
      container.afterPropertiesSet();
      subscription = container;
      subscribing = true;
    }
    try {
      container.start();
      if (!container.isListening()) {
        throw new IllegalStateException("the subscription was not confirmed");
      }
      boolean recovered;
      synchronized (subscriptionLock) {
        subscribing = false;
        recovered = subscriptionFailed;
        subscriptionFailed = false;
      }
      if (recovered) {
        log.info(
            "Job store '{}' subscribed to Redis channel '{}'", context.alias(), keys.channel());
      }
    } catch (RuntimeException e) {
      boolean first;
      synchronized (subscriptionLock) {
        subscribing = false;
        if (subscription == container) {
          subscription = null;
        }
        first = !subscriptionFailed;
        subscriptionFailed = true;
      }
      destroy(container);
      if (first) {
        log.warn(
            "Job store '{}' could not subscribe to Redis channel '{}' ({}); polling every {} and"
                + " trying again",
            context.alias(),
            keys.channel(),
            e.toString(),
            pollInterval);
      } else {
        log.debug("Job store '{}' could not subscribe yet: {}", context.alias(), e.toString());
      }
      retrySubscribe();
    }
  }

  /** Subscribes again after the poll interval, unless that is already planned. */
  private void retrySubscribe() {
    synchronized (subscriptionLock) {
      ScheduledExecutorService executor = retries;
      if (closed || retryPlanned || executor == null) {
        return;
      }
      retryPlanned = true;
      executor.schedule(
          () -> {
            synchronized (subscriptionLock) {
              retryPlanned = false;
            }
            subscribe();
          },
          pollInterval.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** Called each pass: replaces a subscription the container gave up on. */
  private void checkSubscription() {
    RedisMessageListenerContainer dropped;
    synchronized (subscriptionLock) {
      dropped = subscription;
      if (closed || subscribing || (dropped != null && dropped.isListening())) {
        return;
      }
      subscription = null;
    }
    if (dropped != null) {
      destroy(dropped);
    }
    retrySubscribe();
  }

  private static void destroy(RedisMessageListenerContainer container) {
    try {
      container.destroy();
    } catch (Exception e) {
      log.debug("Could not stop the Redis subscription", e);
    }
  }

  /** Hears announcements of other instances, and (re)subscriptions after which some were missed. */
  private final class Announcements implements MessageListener, SubscriptionListener {

    @Override
    public void onMessage(Message message, byte @Nullable [] pattern) {
      if (!origin.equals(new String(message.getBody(), UTF_8))) {
        changed();
      }
    }

    @Override
    public void onChannelSubscribed(byte[] channel, long count) {
      // After a reconnect, changes made meanwhile were not heard: look for due jobs now.
      changed();
    }

    private void changed() {
      JobStoreContext context = RedisJobStore.this.context;
      if (context != null) {
        context.listener().jobsChanged();
      }
    }
  }

  // ---------------------------------------------------------------- Redis access

  private List<Object> run(RedisScript<List<Object>> script, String operation, List<String> args) {
    List<Object> result = call(operation, () -> redis.execute(script, keys.all(), args.toArray()));
    return result == null ? List.of() : result;
  }

  private <T> T call(String operation, Supplier<T> redisCall) {
    try {
      return redisCall.get();
    } catch (RuntimeException e) {
      throw new JobStoreException(
          "job store '"
              + alias()
              + "' (Redis, key prefix '"
              + keyPrefix
              + "') could not "
              + operation
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private JobStoreContext started() {
    JobStoreContext started = context;
    if (started == null) {
      throw new IllegalStateException(this + " is not started: add it to a scheduler first");
    }
    return started;
  }

  private String alias() {
    JobStoreContext started = context;
    return started == null ? "redis" : started.alias();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static RedisScript<List<Object>> script(String name) {
    String file = name + ".lua";
    try (InputStream in = RedisJobStore.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("the Lua script " + file + " is missing");
      }
      return new DefaultRedisScript<>(new String(in.readAllBytes(), UTF_8), (Class) List.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> pairs(Object flat) {
    List<?> list = (List<?>) flat;
    Map<String, String> map = new HashMap<>(list.size());
    for (int i = 0; i + 1 < list.size(); i += 2) {
      map.put(text(list.get(i)), text(list.get(i + 1)));
    }
    return map;
  }

  private static String text(@Nullable Object value) {
    return value == null ? "" : value.toString();
  }

  private static boolean isOne(@Nullable Object value) {
    return value instanceof Number number && number.longValue() == 1;
  }

  // ---------------------------------------------------------------- encoding

  /** A random 64-bit token in hex: versions and (two of them) run ids. */
  private static String token() {
    String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
    return "0".repeat(16 - hex.length()) + hex;
  }

  /** The stored form of a next run time: score (microseconds, rounded up), then the instant. */
  static String schedule(@Nullable Instant nextRunTime) {
    if (nextRunTime == null) {
      return "";
    }
    long micros = floorMicros(nextRunTime);
    if (nextRunTime.getNano() % 1000 != 0 && micros != Long.MAX_VALUE) {
      micros++;
    }
    return micros + " " + nextRunTime;
  }

  private static @Nullable Instant parseSchedule(String schedule) {
    return schedule.isEmpty() ? null : Instant.parse(schedule.substring(schedule.indexOf(' ') + 1));
  }

  static long floorMicros(Instant time) {
    try {
      return Math.addExact(
          Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
    } catch (ArithmeticException beyondHundredsOfMillennia) {
      return time.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  @Override
  public String toString() {
    return "RedisJobStore[" + alias() + ", keyPrefix=" + keyPrefix + "]";
  }

  /** A job this instance acquired: the snapshot handed out, its version and acquisition token. */
  private record Held(Job job, String version, String token) {}

  /** Builds a {@link RedisJobStore}, checking each setting. */
  public static final class Builder {

    private final RedisConnectionFactory connectionFactory;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private Duration leaseTime = DEFAULT_LEASE_TIME;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;

    private Builder(RedisConnectionFactory connectionFactory) {
      this.connectionFactory =
          Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
    }

    /**
     * Sets the prefix of every key (default {@value #DEFAULT_KEY_PREFIX}); schedulers that share
     * jobs use the same prefix.
     *
     * @param keyPrefix a prefix without whitespace, not blank
     * @return this builder
     */
    public Builder keyPrefix(String keyPrefix) {
      if (keyPrefix == null || keyPrefix.isBlank()) {
        throw new IllegalArgumentException(
            "keyPrefix must not be blank, but was "
                + (keyPrefix == null ? "null" : "'" + keyPrefix + "'"));
      }
      if (keyPrefix.codePoints().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "keyPrefix must not contain whitespace, but was '" + keyPrefix + "'");
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /**
     * Sets how long an acquisition or a run claim lasts without renewal (default {@link
     * SharedJobStore#DEFAULT_LEASE_TIME}): after it, a run whose scheduler died is run again.
     *
     * @param leaseTime a positive duration
     * @return this builder
     */
    public Builder leaseTime(Duration leaseTime) {
      this.leaseTime = positive("leaseTime", leaseTime);
      return this;
    }

    /**
     * Sets how often a scheduler looks into the store when no change was announced (default {@link
     * SharedJobStore#DEFAULT_POLL_INTERVAL}).
     *
     * @param pollInterval a positive duration
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = positive("pollInterval", pollInterval);
      return this;
    }

    /**
     * Builds the store; the scheduler starts it.
     *
     * @return the store
     */
    public RedisJobStore build() {
      return new RedisJobStore(this);
    }

    private static Duration positive(String name, @Nullable Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, but was " + value);
      }
      return value;
    }
  }
}
