package io.scheduler.internal.engine;

import io.scheduler.event.EventType;
import io.scheduler.event.JobLeaseLost;
import io.scheduler.store.RunClaim;
import io.scheduler.store.SharedJobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs this scheduler claimed in shared stores and has not completed: renews their leases and
 * records their completions, grouped into one store call per round.
 */
final class SharedClaims {

  private static final Logger log = LoggerFactory.getLogger(SchedulerEngine.LOGGER_NAME);

  /** The most ended runs whose completion one store call records. */
  private static final int COMPLETION_ROUND = 512;

  private final EngineContext context;
  // Runs claimed in shared stores and not yet completed, by run id; their leases are renewed.
  private final Map<String, HeldClaim> heldClaims = new ConcurrentHashMap<>();
  // Completed runs whose completion the store could not record yet (it was unreachable).
  private final ConcurrentLinkedQueue<HeldClaim> unrecordedCompletions =
      new ConcurrentLinkedQueue<>();
  // Runs that ended and whose completion one of the threads ending runs is about to record.
  private final ConcurrentLinkedQueue<HeldClaim> completions = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean recordingCompletions = new AtomicBoolean();
  private volatile Instant nextLeaseRenewal = Instant.MIN;

  SharedClaims(EngineContext context) {
    this.context = context;
  }

  /** Holds a new claim; the first claim held sets when leases are renewed. */
  HeldClaim hold(String alias, SharedJobStore store, RunClaim claim, Instant now) {
    HeldClaim held = new HeldClaim(alias, store, claim);
    if (heldClaims.isEmpty()) {
      nextLeaseRenewal = now.plus(store.leaseTime().dividedBy(3));
    }
    heldClaims.put(claim.runId(), held);
    return held;
  }

  /** When the processing loop must look again for these claims: renewals and retries. */
  @Nullable Instant nextCheck(@Nullable Instant next, Instant now) {
    if (!heldClaims.isEmpty()) {
      next = EngineContext.earliest(next, nextLeaseRenewal);
    }
    if (!unrecordedCompletions.isEmpty()) {
      next = EngineContext.earliest(next, now.plus(context.retryInterval));
    }
    return next;
  }

  /**
   * Ends a claimed run in its store; called when the run ends. Runs that end while another thread
   * records completions are recorded by that thread, in its next round: one store call (for JDBC,
   * one transaction) per round instead of one per run.
   */
  void complete(HeldClaim held) {
    held.completing = true;
    completions.add(held);
    while (!completions.isEmpty() && recordingCompletions.compareAndSet(false, true)) {
      try {
        List<HeldClaim> round = new ArrayList<>();
        for (HeldClaim next;
            round.size() < COMPLETION_ROUND && (next = completions.poll()) != null; ) {
          round.add(next);
        }
        recordCompletions(round);
      } finally {
        recordingCompletions.set(false);
      }
    }
  }

  void recordUnrecordedCompletions() {
    List<HeldClaim> retry = new ArrayList<>();
    for (int i = unrecordedCompletions.size(); i > 0; i--) {
      HeldClaim held = unrecordedCompletions.poll();
      if (held == null) {
        break;
      }
      retry.add(held);
    }
    recordCompletions(retry);
  }

  /** Completes claims in their stores, one call per store; keeps them for a retry on failure. */
  private void recordCompletions(List<HeldClaim> ended) {
    Map<SharedJobStore, List<HeldClaim>> byStore = new LinkedHashMap<>();
    for (HeldClaim held : ended) {
      if (held.lost) {
        heldClaims.remove(held.claim.runId());
      } else {
        byStore.computeIfAbsent(held.store, store -> new ArrayList<>()).add(held);
      }
    }
    for (Map.Entry<SharedJobStore, List<HeldClaim>> entry : byStore.entrySet()) {
      List<HeldClaim> claims = entry.getValue();
      List<RunClaim> notHeld;
      try {
        notHeld = entry.getKey().completeRuns(claims.stream().map(held -> held.claim).toList());
      } catch (RuntimeException e) {
        log.warn(
            "Could not record the end of {} run(s) (first: job '{}') in job store '{}'; retrying"
                + " in {}",
            claims.size(),
            claims.get(0).claim.jobId(),
            claims.get(0).alias,
            context.retryInterval,
            e);
        claims.forEach(held -> held.recordingFailed = true);
        unrecordedCompletions.addAll(claims);
        context.waiter.signal();
        continue;
      }
      Set<String> lostRunIds = new HashSet<>();
      notHeld.forEach(claim -> lostRunIds.add(claim.runId()));
      for (HeldClaim held : claims) {
        heldClaims.remove(held.claim.runId());
        // A failed attempt may have completed some of the claims before it failed.
        if (lostRunIds.contains(held.claim.runId()) && !held.recordingFailed) {
          leaseLost(held);
        }
      }
    }
  }

  /** Extends the leases of the runs this scheduler holds, every third of the lease time. */
  void renewLeasesIfDue(Instant now) {
    if (heldClaims.isEmpty() || now.isBefore(nextLeaseRenewal)) {
      return;
    }
    Map<SharedJobStore, List<HeldClaim>> byStore = new LinkedHashMap<>();
    for (HeldClaim held : heldClaims.values()) {
      if (!held.lost) {
        byStore.computeIfAbsent(held.store, s -> new ArrayList<>()).add(held);
      }
    }
    Instant renewal = now.plus(SharedJobStore.DEFAULT_LEASE_TIME);
    for (Map.Entry<SharedJobStore, List<HeldClaim>> entry : byStore.entrySet()) {
      SharedJobStore store = entry.getKey();
      Instant storeRenewal = now.plus(store.leaseTime().dividedBy(3));
      renewal = storeRenewal.isBefore(renewal) ? storeRenewal : renewal;
      Map<String, HeldClaim> byRunId = new LinkedHashMap<>();
      List<RunClaim> claims = new ArrayList<>();
      for (HeldClaim held : entry.getValue()) {
        byRunId.put(held.claim.runId(), held);
        claims.add(held.claim);
      }
      for (RunClaim lost : store.renewLeases(claims, now)) {
        HeldClaim held = byRunId.get(lost.runId());
        // A claim completed while this renewal ran is gone from the store, but not lost.
        if (held != null && !held.completing && heldClaims.containsKey(lost.runId())) {
          held.lost = true;
          leaseLost(held);
        }
      }
    }
    nextLeaseRenewal = renewal;
  }

  private void leaseLost(HeldClaim held) {
    log.warn(
        "Lost the claim on the run of job '{}' at {}: its lease expired and another scheduler"
            + " took it over",
        held.claim.jobId(),
        held.claim.runTimes());
    context.events.publish(
        EventType.JOB_LEASE_LOST,
        () ->
            new JobLeaseLost(
                held.claim.jobId(), held.alias, held.claim.runTimes(), context.clock.instant()));
  }

  /** A run this scheduler claimed in a shared store and has not completed. */
  static final class HeldClaim {
    final String alias;
    final SharedJobStore store;
    final RunClaim claim;
    // Set when a renewal found the claim taken over: its completion is no longer attempted.
    volatile boolean lost;
    // Set when the run ended and its completion began.
    volatile boolean completing;
    // Set when recording the completion failed (it is retried).
    volatile boolean recordingFailed;

    HeldClaim(String alias, SharedJobStore store, RunClaim claim) {
      this.alias = alias;
      this.store = store;
      this.claim = claim;
    }
  }
}
