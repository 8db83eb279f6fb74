package io.scheduler.boot.redis;

import static io.scheduler.boot.redis.RedisCodec.isOne;
import static io.scheduler.boot.redis.RedisCodec.micros;
import static io.scheduler.boot.redis.RedisCodec.pairs;
import static io.scheduler.boot.redis.RedisCodec.parseSchedule;
import static io.scheduler.boot.redis.RedisCodec.schedule;
import static io.scheduler.boot.redis.RedisCodec.text;
import static io.scheduler.boot.redis.RedisCodec.token;

import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.exception.JobStoreException;
import io.scheduler.job.Job;
import io.scheduler.store.JobJson;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.LeaseSettings;
import io.scheduler.store.ReleaseResult;
import io.scheduler.store.RunClaim;
import io.scheduler.store.SharedJobStore;
import io.scheduler.store.StoredJobLoader;
import io.scheduler.store.UnloadableJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

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
 * Each operation is one Lua script under {@code io/scheduler/boot/redis/} ({@code add.lua}, {@code
 * acquire.lua}, {@code release.lua}, ...): the fenced write of a job and the claim of its run
 * happen in one step, and a batch is added whole or not at all.
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

  private final String keyPrefix;
  private final LeaseSettings leases;
  private final RedisKeys keys;
  private final RedisScripts scripts;
  private final RedisRuns runs;
  private final RedisSubscription subscription;
  // Sent with every announcement, so this instance ignores its own.
  private final String origin = token();
  // The jobs this instance acquired and has not released, by id: never handed out again meanwhile.
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  // Loads stored jobs, reporting each version that cannot be loaded once.
  private final StoredJobLoader<String> loader = new StoredJobLoader<>();
  private volatile @Nullable JobStoreContext context;

  private RedisJobStore(Builder builder) {
    this.keyPrefix = builder.keyPrefix;
    this.leases = builder.leases;
    this.keys = new RedisKeys(keyPrefix);
    this.scripts =
        new RedisScripts(
            new StringRedisTemplate(builder.connectionFactory),
            keys,
            () -> "job store '" + alias() + "' (Redis, key prefix '" + keyPrefix + "')");
    this.runs = new RedisRuns(scripts, leases.leaseTime());
    this.subscription =
        new RedisSubscription(
            builder.connectionFactory, keys.channel(), origin, leases.pollInterval());
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
    return leases.leaseTime();
  }

  @Override
  public Duration pollInterval() {
    return leases.pollInterval();
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void start(JobStoreContext context) {
    this.context = Objects.requireNonNull(context, "context must not be null");
    subscription.start(context);
  }

  @Override
  public void shutdown() {
    subscription.shutdown();
    held.clear();
  }

  @Override
  public void checkAvailable() {
    scripts.ping();
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
    List<Object> result =
        scripts.run(RedisScripts.ADD, jobs.size() == 1 ? "add a job" : "add jobs", args);
    if ("conflict".equals(result.get(0))) {
      throw new ConflictingJobIdException(text(result.get(1)), context.alias());
    }
  }

  @Override
  public void updateJob(Job job) {
    JobStoreContext context = started();
    String json = JobJson.toJson(job);
    List<Object> result =
        scripts.run(
            RedisScripts.UPDATE,
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

  /**
   * Reads the job with its version, compares, and replaces it only while that version is current
   * (the check and the write are one script), so a change made in between is never overwritten.
   */
  @Override
  public boolean replaceJob(Job expected, Job updated) {
    started();
    String id = expected.id();
    List<Object> found = scripts.run(RedisScripts.LOOKUP, "look up job '" + id + "'", List.of(id));
    if (found.isEmpty()) {
      return false;
    }
    String version = text(found.get(1));
    Job current = load(id, text(found.get(0)), version, text(found.get(2)));
    if (current == null || !JobJson.sameState(current, expected)) {
      return false;
    }
    List<Object> result =
        scripts.run(
            RedisScripts.UPDATE,
            "replace job '" + id + "'",
            List.of(
                keys.channel(),
                origin,
                id,
                JobJson.toJson(updated),
                token(),
                schedule(updated.nextRunTime().orElse(null)),
                version));
    return isOne(result.get(0));
  }

  @Override
  public void removeJob(String id) {
    JobStoreContext context = started();
    List<Object> result = scripts.run(RedisScripts.REMOVE, "remove job '" + id + "'", List.of(id));
    if (!isOne(result.get(0))) {
      throw new JobNotFoundException(id, context.alias());
    }
    loader.forget(id);
  }

  @Override
  public void removeAllJobs() {
    started();
    scripts.run(RedisScripts.REMOVE_ALL, "remove all jobs", List.of());
    loader.forgetAll();
  }

  @Override
  public Optional<Job> lookupJob(String id) {
    started();
    List<Object> found = scripts.run(RedisScripts.LOOKUP, "look up job '" + id + "'", List.of(id));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        load(id, text(found.get(0)), text(found.get(1)), text(found.get(2))));
  }

  @Override
  public List<Job> getAllJobs() {
    started();
    List<Object> snapshot = scripts.run(RedisScripts.SNAPSHOT, "read all jobs", List.of());
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

  @Override
  public List<UnloadableJob> getUnloadableJobs() {
    JobStoreContext context = started();
    List<Object> snapshot = scripts.run(RedisScripts.SNAPSHOT, "read all jobs", List.of());
    Map<String, String> schedules = pairs(snapshot.get(2));
    List<UnloadableJob> jobs = new ArrayList<>();
    pairs(snapshot.get(0))
        .forEach(
            (id, json) -> {
              UnloadableJob job;
              try {
                job =
                    StoredJobLoader.unloadable(
                        id, json, parseSchedule(schedules.getOrDefault(id, "")), context);
              } catch (RuntimeException e) {
                job = StoredJobLoader.unloadable(id, context, e);
              }
              if (job != null) {
                jobs.add(job);
              }
            });
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
    List<Object> next =
        scripts.run(RedisScripts.NEXT, "read the next run time", List.copyOf(held.keySet()));
    return next.isEmpty() ? Optional.empty() : Optional.of(RedisCodec.scoreInstant(next.get(0)));
  }

  // ---------------------------------------------------------------- acquisition and release

  @Override
  public List<Job> acquireDueJobs(Instant now, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be greater than 0, but was " + limit);
    }
    JobStoreContext context = started();
    subscription.check();
    List<String> args = new ArrayList<>();
    args.add(micros(now));
    args.add(micros(now.plus(leases.leaseTime())));
    args.add(Integer.toString(limit));
    args.add(context.schedulerId());
    args.addAll(held.keySet());
    List<Object> found = scripts.run(RedisScripts.ACQUIRE, "acquire due jobs", args);
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
    args.add(micros(now.plus(leases.leaseTime())));
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
            updated == null || JobJson.sameStoredForm(acquired, updated)
                ? ""
                : JobJson.toJson(updated));
        args.add(updated == null ? "" : schedule(updated.nextRunTime().orElse(null)));
        args.add(Integer.toString((updated == null ? acquired : updated).maxInstances()));
        args.add(runId);
        args.add(Integer.toString(release.runTimes().size()));
        for (Instant runTime : release.runTimes()) {
          args.add(micros(runTime));
          args.add(runTime.toString());
        }
        sent.add(i);
        runIds.add(runId);
      }
      if (!sent.isEmpty()) {
        args.set(2, Integer.toString(sent.size()));
        List<Object> outcome = scripts.run(RedisScripts.RELEASE, "release acquired jobs", args);
        for (int k = 0; k < sent.size(); k++) {
          int i = sent.get(k);
          results[i] =
              RedisRuns.claimResult(
                  releases.get(i), runIds.get(k), outcome.subList(4 * k, 4 * k + 4));
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

  // ---------------------------------------------------------------- run claims

  @Override
  public List<RunClaim> renewLeases(List<RunClaim> claims, Instant now) {
    started();
    return runs.renew(claims, now);
  }

  @Override
  public boolean completeRun(RunClaim claim) {
    return runs.complete(claim, started().clock().instant());
  }

  @Override
  public Optional<RunClaim> claimRun(Job job, Instant runTime, Instant now) {
    return runs.claim(job, runTime, now, started().schedulerId());
  }

  @Override
  public List<RunClaim> recoverExpiredRuns(Instant now, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be greater than 0, but was " + limit);
    }
    return runs.recover(now, limit, started().schedulerId());
  }

  @Override
  public Optional<Job> claimedJob(RunClaim claim) {
    started();
    List<Object> found =
        scripts.run(
            RedisScripts.CLAIMED,
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
    BiConsumer<String, JobStoreException> report =
        (jobId, cause) -> StoredJobLoader.report(context, jobId, cause);
    Instant nextRunTime;
    try {
      nextRunTime = parseSchedule(schedule);
    } catch (RuntimeException e) {
      loader.fail(id, version, context, e, report);
      return null;
    }
    return loader.load(id, json, nextRunTime, version, context, report);
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
    private LeaseSettings leases = LeaseSettings.DEFAULTS;

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
      this.leases = leases.withLeaseTime(leaseTime);
      return this;
    }

    /**
     * Sets the lease time and the poll interval at once.
     *
     * @param leases the settings
     * @return this builder
     */
    public Builder leases(LeaseSettings leases) {
      this.leases = Objects.requireNonNull(leases, "leases");
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
      this.leases = leases.withPollInterval(pollInterval);
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
  }
}
