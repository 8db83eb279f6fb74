package io.scheduler.store.jdbc;

import static io.scheduler.store.jdbc.JobRows.IN_LIST;

import io.scheduler.job.Job;
import io.scheduler.store.JobJson;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.ReleaseResult;
import io.scheduler.store.RunClaim;
import io.scheduler.store.SharedJobStore;
import io.scheduler.store.SharedJobStore.AcquiredRuns;
import io.scheduler.store.SharedJobStore.ClaimResult;
import io.scheduler.store.SharedJobStore.Release;
import io.scheduler.store.StoredTimes;
import io.scheduler.store.jdbc.JobLoader.LoadFailures;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How a started {@link JdbcJobStore} hands due jobs out and takes them back: acquiring (locking the
 * due rows, skipping rows other transactions lock, and marking them with a lease and a token),
 * releasing (applied only while the row still carries this scheduler's id and token) and claiming
 * the runs a release decided on, counting the job's runs in progress under the job row's lock.
 */
final class Acquisitions {

  /** Above this many acquisitions never released, the stale ones are forgotten. */
  private static final int PURGE_ABOVE = 4_096;

  private final JobStoreContext context;
  private final Sql sql;
  private final Transactions transactions;
  private final JobLoader loader;
  private final Duration leaseTime;
  private final RunIds runIds;
  // Acquisitions handed out by this store and not released yet, by snapshot (identity).
  private final Map<Job, Acquisition> acquisitions = new ConcurrentHashMap<>();

  Acquisitions(
      JobStoreContext context,
      Sql sql,
      Transactions transactions,
      JobLoader loader,
      Duration leaseTime,
      RunIds runIds) {
    this.context = context;
    this.sql = sql;
    this.transactions = transactions;
    this.loader = loader;
    this.leaseTime = leaseTime;
    this.runIds = runIds;
  }

  List<Job> acquireDueJobs(Instant now, int limit) {
    long nowMicros = StoredTimes.floorMicros(now);
    long clockMicros = StoredTimes.floorMicros(context.clock().instant());
    long until = StoredTimes.ceilMicros(now.plus(leaseTime));
    long token = newToken();
    LoadFailures failures = new LoadFailures();
    Map<Job, String> acquired =
        transactions.inTransaction(
            "acquire due jobs",
            c -> {
              Map<Job, String> jobs = selectDue(c, limit, nowMicros, clockMicros, failures);
              if (!jobs.isEmpty()) {
                List<String> ids = new ArrayList<>(jobs.size());
                jobs.keySet().forEach(job -> ids.add(job.id()));
                for (int from = 0; from < ids.size(); from += IN_LIST) {
                  List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
                  try (PreparedStatement update = c.prepareStatement(sql.acquire(chunk.size()))) {
                    update.setString(1, context.schedulerId());
                    update.setLong(2, until);
                    update.setLong(3, token);
                    for (int i = 0; i < chunk.size(); i++) {
                      update.setString(4 + i, chunk.get(i));
                    }
                    update.executeUpdate();
                  }
                }
              }
              return jobs;
            });
    loader.report(failures);
    if (acquisitions.size() > PURGE_ABOVE) {
      purgeStaleAcquisitions(clockMicros);
    }
    acquired.forEach((job, json) -> acquisitions.put(job, new Acquisition(token, json, until)));
    return new ArrayList<>(acquired.keySet());
  }

  /**
   * Reads and locks up to {@code limit} due jobs, skipping rows locked by other transactions and
   * rows that cannot be loaded (reported through {@code failures}; failures found by a failed
   * attempt stay listed, so a retry skips those rows). Returns each job with its JSON.
   */
  private Map<Job, String> selectDue(
      Connection c, int limit, long nowMicros, long clockMicros, LoadFailures failures)
      throws SQLException {
    Map<Job, String> jobs = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    boolean again;
    do {
      int known = loader.skipped();
      int fetch = (int) Math.min(Integer.MAX_VALUE, (long) limit - jobs.size() + known);
      int failed = failures.size();
      int rowsRead = 0;
      try (PreparedStatement select = c.prepareStatement(sql.selectDue(fetch))) {
        select.setLong(1, nowMicros);
        select.setLong(2, clockMicros);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next() && jobs.size() < limit) {
            rowsRead++;
            String id = rows.getString(1);
            if (!seen.add(id)) {
              continue;
            }
            String json = rows.getString(3);
            Job job = loader.load(id, JobRows.micros(rows, 2), json, rows.getLong(4), failures);
            if (job != null) {
              jobs.put(job, json);
            }
          }
        }
      }
      // Rows newly found unloadable took places in the batch: look further.
      again = failures.size() > failed && rowsRead == fetch && jobs.size() < limit;
    } while (again);
    return jobs;
  }

  /**
   * Acquires, releases and claims in one transaction: the due rows stay locked (other schedulers
   * skip them) until the releases and claims are written, so no acquisition lease is written.
   */
  AcquiredRuns acquireAndClaim(Instant now, int limit, Function<List<Job>, List<Release>> decide) {
    long nowMicros = StoredTimes.floorMicros(now);
    long clockMicros = StoredTimes.floorMicros(context.clock().instant());
    long leaseUntil = StoredTimes.ceilMicros(now.plus(leaseTime));
    LoadFailures failures = new LoadFailures();
    AcquiredRuns acquired =
        transactions.inTransaction(
            "acquire and claim due jobs",
            c -> {
              Map<Job, String> jobs = selectDue(c, limit, nowMicros, clockMicros, failures);
              if (jobs.isEmpty()) {
                return new AcquiredRuns(List.of(), List.of());
              }
              List<Job> due = new ArrayList<>(jobs.keySet());
              List<Release> releases = SharedJobStore.checkReleases(due, decide.apply(due));
              int n = releases.size();
              String[] jobJson = new String[n];
              ReleaseResult[] results = new ReleaseResult[n];
              boolean[] claim = new boolean[n];
              String[] runTimesJson = new String[n];
              List<PreparedUpdate> updates = new ArrayList<>(n);
              for (int i = 0; i < n; i++) {
                Release release = releases.get(i);
                Job job = due.get(i);
                jobJson[i] = jobs.get(job);
                Job updated = release.updated();
                results[i] = updated == null ? ReleaseResult.REMOVED : ReleaseResult.UPDATED;
                claim[i] = true;
                updates.add(
                    new PreparedUpdate(
                        job.id(),
                        updated,
                        updated != null && !JobJson.sameStoredForm(job, updated)
                            ? JobJson.toJson(updated)
                            : null));
                if (!release.runTimes().isEmpty()) {
                  runTimesJson[i] = StoredTimes.runTimesToJson(release.runTimes());
                }
              }
              writeReleases(c, updates);
              return new AcquiredRuns(
                  releases,
                  claimRuns(c, releases, jobJson, results, claim, runTimesJson, leaseUntil));
            });
    loader.report(failures);
    return acquired;
  }

  /** Forgets acquisitions never released whose lease ended long ago (their jobs moved on). */
  private void purgeStaleAcquisitions(long clockMicros) {
    long stale = clockMicros - 2 * leaseTime.toNanos() / 1000;
    acquisitions.values().removeIf(acquisition -> acquisition.until < stale);
  }

  List<ReleaseResult> releaseJobs(List<Job> acquired, List<@Nullable Job> updated) {
    List<Release> releases = new ArrayList<>(acquired.size());
    for (int i = 0; i < acquired.size(); i++) {
      releases.add(new Release(acquired.get(i), updated.get(i), List.of()));
    }
    List<ReleaseResult> results = new ArrayList<>(releases.size());
    for (ClaimResult result : releaseAndClaim(releases, context.clock().instant())) {
      results.add(result.release());
    }
    return results;
  }

  List<ClaimResult> releaseAndClaim(List<Release> releases, Instant now) {
    int n = releases.size();
    if (n == 0) {
      return List.of();
    }
    long leaseUntil = StoredTimes.ceilMicros(now.plus(leaseTime));
    Acquisition[] held = new Acquisition[n];
    String[] newData = new String[n];
    for (int i = 0; i < n; i++) {
      Release release = releases.get(i);
      held[i] = acquisitions.remove(release.acquired());
      Job updated = release.updated();
      if (held[i] != null
          && updated != null
          && !JobJson.sameStoredForm(release.acquired(), updated)) {
        newData[i] = JobJson.toJson(updated);
      }
    }
    String[] runTimesJson = new String[n];
    for (int i = 0; i < n; i++) {
      if (!releases.get(i).runTimes().isEmpty()) {
        runTimesJson[i] = StoredTimes.runTimesToJson(releases.get(i).runTimes());
      }
    }
    String me = context.schedulerId();
    return transactions.inTransaction(
        "release " + n + (n == 1 ? " job" : " jobs"),
        c -> {
          Map<String, HeldRow> rows = lockJobs(c, releases, held);
          ReleaseResult[] results = new ReleaseResult[n];
          boolean[] claim = new boolean[n];
          List<PreparedUpdate> updates = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            Release release = releases.get(i);
            String id = release.acquired().id();
            HeldRow row = held[i] == null ? null : rows.get(id);
            if (row == null) {
              // never acquired here, released already, or the job was removed meanwhile
              results[i] = ReleaseResult.SUPERSEDED;
            } else if (me.equals(row.acquiredBy)
                && row.token != null
                && row.token == held[i].token) {
              Job updated = release.updated();
              results[i] = updated == null ? ReleaseResult.REMOVED : ReleaseResult.UPDATED;
              updates.add(new PreparedUpdate(id, updated, newData[i]));
              claim[i] = true;
              if (updated == null) {
                rows.remove(id);
              } else {
                row.acquiredBy = null;
              }
            } else if (row.token != null && row.token != held[i].token) {
              // another scheduler acquired the job after this one's lease expired
              results[i] = ReleaseResult.LEASE_LOST;
            } else {
              // a user changed the job (or removed and added it again) while it was acquired
              results[i] = ReleaseResult.SUPERSEDED;
              claim[i] = true;
            }
          }
          writeReleases(c, updates);
          String[] jobJson = new String[n];
          for (int i = 0; i < n; i++) {
            jobJson[i] = held[i] == null ? null : held[i].json;
          }
          return claimRuns(c, releases, jobJson, results, claim, runTimesJson, leaseUntil);
        });
  }

  private Map<String, HeldRow> lockJobs(Connection c, List<Release> releases, Acquisition[] held)
      throws SQLException {
    Set<String> ids = new TreeSet<>();
    for (int i = 0; i < releases.size(); i++) {
      if (held[i] != null) {
        ids.add(releases.get(i).acquired().id());
      }
    }
    Map<String, HeldRow> rows = new HashMap<>();
    List<String> sorted = new ArrayList<>(ids);
    for (int from = 0; from < sorted.size(); from += IN_LIST) {
      List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + IN_LIST));
      try (PreparedStatement lock = c.prepareStatement(sql.lockJobs(chunk.size()))) {
        for (int i = 0; i < chunk.size(); i++) {
          lock.setString(i + 1, chunk.get(i));
        }
        try (ResultSet result = lock.executeQuery()) {
          while (result.next()) {
            long token = result.getLong(3);
            rows.put(
                result.getString(1),
                new HeldRow(result.getString(2), result.wasNull() ? null : token));
          }
        }
      }
    }
    return rows;
  }

  private void writeReleases(Connection c, List<PreparedUpdate> updates) throws SQLException {
    List<String> deleted = new ArrayList<>();
    try (PreparedStatement plain = c.prepareStatement(sql.releaseJob);
        PreparedStatement withData = c.prepareStatement(sql.releaseJobWithData)) {
      boolean anyPlain = false;
      boolean anyData = false;
      for (PreparedUpdate update : updates) {
        if (update.updated == null) {
          deleted.add(update.id);
        } else if (update.data == null) {
          JobRows.setMicros(plain, 1, update.updated.nextRunTime().orElse(null));
          plain.setString(2, update.id);
          plain.addBatch();
          anyPlain = true;
        } else {
          JobRows.setMicros(withData, 1, update.updated.nextRunTime().orElse(null));
          withData.setString(2, update.data);
          withData.setString(3, update.id);
          withData.addBatch();
          anyData = true;
        }
      }
      if (anyPlain) {
        plain.executeBatch();
      }
      if (anyData) {
        withData.executeBatch();
      }
    }
    for (int from = 0; from < deleted.size(); from += IN_LIST) {
      List<String> chunk = deleted.subList(from, Math.min(deleted.size(), from + IN_LIST));
      try (PreparedStatement delete = c.prepareStatement(sql.deleteJobs(chunk.size()))) {
        for (int i = 0; i < chunk.size(); i++) {
          delete.setString(i + 1, chunk.get(i));
        }
        delete.executeUpdate();
      }
    }
  }

  private List<ClaimResult> claimRuns(
      Connection c,
      List<Release> releases,
      @Nullable String[] jobJson,
      ReleaseResult[] results,
      boolean[] claim,
      String[] runTimesJson,
      long leaseUntil)
      throws SQLException {
    int n = releases.size();
    Set<String> claiming = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      if (claim[i] && !releases.get(i).runTimes().isEmpty()) {
        claiming.add(releases.get(i).acquired().id());
      }
    }
    Map<String, Integer> running = countRuns(c, claiming);
    List<ClaimResult> out = new ArrayList<>(n);
    List<Integer> inserted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Release release = releases.get(i);
      if (!claim[i] || release.runTimes().isEmpty()) {
        out.add(new ClaimResult(results[i], null, false));
        continue;
      }
      Job job = release.acquired();
      int instances = running.getOrDefault(job.id(), 0);
      if (instances >= job.maxInstances()) {
        out.add(new ClaimResult(results[i], null, true));
        continue;
      }
      running.put(job.id(), instances + 1);
      inserted.add(i);
      out.add(
          new ClaimResult(
              results[i],
              new RunClaim(runIds.next(), job.id(), 1L, release.runTimes(), false),
              false));
    }
    for (int from = 0; from < inserted.size(); from += IN_LIST) {
      List<Integer> chunk = inserted.subList(from, Math.min(inserted.size(), from + IN_LIST));
      try (PreparedStatement insert = c.prepareStatement(sql.insertRuns(chunk.size()))) {
        int p = 0;
        for (int i : chunk) {
          RunClaim run = Objects.requireNonNull(out.get(i).claim());
          insert.setString(++p, run.runId());
          insert.setString(++p, run.jobId());
          insert.setString(++p, context.schedulerId());
          insert.setLong(++p, run.fencingToken());
          insert.setLong(++p, leaseUntil);
          insert.setString(++p, runTimesJson[i]);
          insert.setString(++p, jobJson[i]);
        }
        insert.executeUpdate();
      }
    }
    return out;
  }

  private Map<String, Integer> countRuns(Connection c, Set<String> jobIds) throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    List<String> ids = new ArrayList<>(jobIds);
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
      try (PreparedStatement count = c.prepareStatement(sql.countRuns(chunk.size()))) {
        for (int i = 0; i < chunk.size(); i++) {
          count.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rows = count.executeQuery()) {
          while (rows.next()) {
            counts.put(rows.getString(1), rows.getInt(2));
          }
        }
      }
    }
    return counts;
  }

  private static long newToken() {
    long token;
    do {
      token = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    } while (token == 0);
    return token;
  }

  /**
   * The ids of the runs one store claims, unique across restarts of the store: a random prefix per
   * store and a counter ({@code UUID.randomUUID}'s SecureRandom costs more than the rest of a
   * claim).
   */
  static final class RunIds {
    private final String prefix = String.format("%016x-", new SecureRandom().nextLong());
    private final AtomicLong counter = new AtomicLong();

    String next() {
      return prefix + Long.toHexString(counter.incrementAndGet());
    }
  }

  /** An acquisition this store handed out: its token, the row's JSON, its lease's end. */
  private record Acquisition(long token, String json, long until) {}

  /** A job row locked by a release: who holds it, with which token. */
  private static final class HeldRow {
    @Nullable String acquiredBy;
    final @Nullable Long token;

    HeldRow(@Nullable String acquiredBy, @Nullable Long token) {
      this.acquiredBy = acquiredBy;
      this.token = token;
    }
  }

  /** A release to write: the job's new snapshot (null: delete) and its JSON when it changed. */
  private record PreparedUpdate(String id, @Nullable Job updated, @Nullable String data) {}
}
