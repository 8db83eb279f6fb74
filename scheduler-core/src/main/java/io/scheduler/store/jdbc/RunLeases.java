package io.scheduler.store.jdbc;

import static io.scheduler.store.jdbc.JobRows.IN_LIST;

import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.Job;
import io.scheduler.store.JobJson;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.RunClaim;
import io.scheduler.store.StoredTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The runs table of a started {@link JdbcJobStore} after the claims are written: renewing and
 * completing runs (only while this scheduler holds them with the current fencing token), taking
 * over runs whose lease expired, and the job a run was claimed with.
 */
final class RunLeases {

  private final JobStoreContext context;
  private final Sql sql;
  private final Transactions transactions;
  private final Duration leaseTime;
  private final Acquisitions.RunIds runIds;

  RunLeases(
      JobStoreContext context,
      Sql sql,
      Transactions transactions,
      Duration leaseTime,
      Acquisitions.RunIds runIds) {
    this.context = context;
    this.sql = sql;
    this.transactions = transactions;
    this.leaseTime = leaseTime;
    this.runIds = runIds;
  }

  /**
   * Claims a run of a job outside its schedule: under the job row's lock (the lock a release counts
   * runs under), counts the job's runs in progress and inserts the claim unless they reach its
   * {@code maxInstances}. The job row is not changed.
   */
  Optional<RunClaim> claimRun(Job job, Instant runTime, Instant now) {
    long until = StoredTimes.ceilMicros(now.plus(leaseTime));
    String runTimes = StoredTimes.runTimesToJson(List.of(runTime));
    return transactions.inTransaction(
        "claim a run of job '" + job.id() + "'",
        c -> {
          String json;
          try (PreparedStatement lock = c.prepareStatement(sql.lockJobData)) {
            lock.setString(1, job.id());
            try (ResultSet row = lock.executeQuery()) {
              if (!row.next()) {
                throw new JobNotFoundException(job.id(), context.alias());
              }
              json = row.getString(1);
            }
          }
          int running = 0;
          try (PreparedStatement count = c.prepareStatement(sql.countRuns(1))) {
            count.setString(1, job.id());
            try (ResultSet rows = count.executeQuery()) {
              if (rows.next()) {
                running = rows.getInt(2);
              }
            }
          }
          if (running >= job.maxInstances()) {
            return Optional.empty();
          }
          RunClaim claim = new RunClaim(runIds.next(), job.id(), 1L, List.of(runTime), false);
          try (PreparedStatement insert = c.prepareStatement(sql.insertRuns(1))) {
            insert.setString(1, claim.runId());
            insert.setString(2, claim.jobId());
            insert.setString(3, context.schedulerId());
            insert.setLong(4, claim.fencingToken());
            insert.setLong(5, until);
            insert.setString(6, runTimes);
            insert.setString(7, json);
            insert.executeUpdate();
          }
          return Optional.of(claim);
        });
  }

  /** Renews the runs still held; returns the claims that were lost (non-empty {@code claims}). */
  List<RunClaim> renewLeases(List<RunClaim> claims, Instant now) {
    long until = StoredTimes.ceilMicros(now.plus(leaseTime));
    String me = context.schedulerId();
    return transactions.inTransaction(
        "renew the leases of " + claims.size() + " runs",
        c -> {
          Map<String, RunClaim> byId = new HashMap<>();
          for (RunClaim claim : claims) {
            byId.put(claim.runId(), claim);
          }
          List<String> ids = new ArrayList<>(new TreeSet<>(byId.keySet()));
          Set<String> held = new HashSet<>();
          for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            List<String> mine = lockHeldRuns(c, chunk, byId, me);
            if (!mine.isEmpty()) {
              try (PreparedStatement renew = c.prepareStatement(sql.renewRuns(mine.size()))) {
                renew.setLong(1, until);
                for (int i = 0; i < mine.size(); i++) {
                  renew.setString(i + 2, mine.get(i));
                }
                renew.executeUpdate();
              }
              held.addAll(mine);
            }
          }
          return notIn(claims, held);
        });
  }

  /** Locks runs by id (in id order) and returns the ids still held by this scheduler. */
  private List<String> lockHeldRuns(
      Connection c, List<String> sortedIds, Map<String, RunClaim> byId, String me)
      throws SQLException {
    List<String> mine = new ArrayList<>(sortedIds.size());
    try (PreparedStatement lock = c.prepareStatement(sql.lockRuns(sortedIds.size()))) {
      for (int i = 0; i < sortedIds.size(); i++) {
        lock.setString(i + 1, sortedIds.get(i));
      }
      try (ResultSet rows = lock.executeQuery()) {
        while (rows.next()) {
          RunClaim claim = byId.get(rows.getString(1));
          if (claim != null
              && me.equals(rows.getString(2))
              && rows.getLong(3) == claim.fencingToken()) {
            mine.add(claim.runId());
          }
        }
      }
    }
    return mine;
  }

  private static List<RunClaim> notIn(List<RunClaim> claims, Set<String> runIds) {
    List<RunClaim> rest = new ArrayList<>();
    for (RunClaim claim : claims) {
      if (!runIds.contains(claim.runId())) {
        rest.add(claim);
      }
    }
    return rest;
  }

  /**
   * Completes the runs in one transaction: locks their rows, then deletes the ones it holds;
   * returns the claims that were lost (non-empty {@code claims}).
   */
  List<RunClaim> completeRuns(List<RunClaim> claims) {
    String me = context.schedulerId();
    return transactions.inTransaction(
        claims.size() == 1
            ? "complete a run of job '" + claims.get(0).jobId() + "'"
            : "complete " + claims.size() + " runs",
        c -> {
          Map<String, RunClaim> byId = new HashMap<>();
          for (RunClaim claim : claims) {
            byId.put(claim.runId(), claim);
          }
          List<String> ids = new ArrayList<>(new TreeSet<>(byId.keySet()));
          Set<String> completed = new HashSet<>();
          for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            List<String> mine = lockHeldRuns(c, chunk, byId, me);
            if (!mine.isEmpty()) {
              try (PreparedStatement delete = c.prepareStatement(sql.deleteRuns(mine.size()))) {
                for (int i = 0; i < mine.size(); i++) {
                  delete.setString(i + 1, mine.get(i));
                }
                delete.executeUpdate();
              }
              completed.addAll(mine);
            }
          }
          return notIn(claims, completed);
        });
  }

  List<RunClaim> recoverExpiredRuns(Instant now, int limit) {
    long nowMicros = StoredTimes.floorMicros(now);
    long until = StoredTimes.ceilMicros(now.plus(leaseTime));
    return transactions.inTransaction(
        "recover expired runs",
        c -> {
          List<RunClaim> expired = new ArrayList<>();
          try (PreparedStatement select = c.prepareStatement(sql.selectExpiredRuns(limit))) {
            select.setLong(1, nowMicros);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                expired.add(
                    new RunClaim(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getLong(3) + 1,
                        StoredTimes.runTimesFromJson(rows.getString(4)),
                        true));
              }
            }
          }
          if (expired.isEmpty()) {
            return expired;
          }
          try (PreparedStatement update = c.prepareStatement(sql.takeOverRuns(expired.size()))) {
            update.setString(1, context.schedulerId());
            update.setLong(2, until);
            for (int i = 0; i < expired.size(); i++) {
              update.setString(i + 3, expired.get(i).runId());
            }
            update.executeUpdate();
          }
          return expired;
        });
  }

  /**
   * Returns the job as it was when the run was claimed (kept with the claim), or empty when the run
   * is gone; reports a job that cannot be loaded.
   */
  Optional<Job> claimedJob(RunClaim claim) {
    String json =
        transactions.inConnection(
            "look up the job of a run of job '" + claim.jobId() + "'",
            c -> {
              try (PreparedStatement select = c.prepareStatement(sql.selectRunJob)) {
                select.setString(1, claim.runId());
                try (ResultSet row = select.executeQuery()) {
                  return row.next() ? row.getString(1) : null;
                }
              }
            });
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JobJson.fromJson(json, null, context));
    } catch (RuntimeException e) {
      context.listener().jobLoadFailed(claim.jobId(), e);
      return Optional.empty();
    }
  }
}
