package io.scheduler.internal.engine;

import io.scheduler.job.JobRunObserver;
import java.time.Clock;
import java.util.List;

/**
 * What a {@link JobRun} may use of its scheduler: the clock, the event fan-out, the run observers,
 * and where a claimed run reports its end. One per scheduler; it also marks the threads running the
 * scheduler's jobs.
 */
final class RunContext {

  final Clock clock;
  final EventFanOut events;
  final List<JobRunObserver> observers;
  private final SharedClaims claims;

  RunContext(Clock clock, EventFanOut events, List<JobRunObserver> observers, SharedClaims claims) {
    this.clock = clock;
    this.events = events;
    this.observers = observers;
    this.claims = claims;
  }

  /** Records the end of a run claimed in a shared store. */
  void claimedRunEnded(SharedClaims.HeldClaim claim) {
    claims.complete(claim);
  }
}
