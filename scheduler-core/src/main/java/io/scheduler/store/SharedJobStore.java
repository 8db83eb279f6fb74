package io.scheduler.store;

import static io.scheduler.internal.Require.requireNonNull;

import io.scheduler.job.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A job store that any number of schedulers, in any number of processes, may share. Every fire time
 * of every job is run by exactly one scheduler:
 *
 * <ul>
 *   <li>{@link #acquireDueJobs} claims the due jobs for this scheduler (the context's {@code
 *       schedulerId}) until {@code now + leaseTime()}; no other scheduler acquires them meanwhile,
 *       and a job whose acquirer died is acquired again once that lease has expired.
 *   <li>{@link #releaseAndClaim} stores the jobs' next run times and, in the same atomic step,
 *       claims each job's run ({@link RunClaim}) unless the job already runs {@code maxInstances}
 *       times across all schedulers. A release by a scheduler that no longer holds the acquisition
 *       changes nothing and returns {@link ReleaseResult#LEASE_LOST}.
 *   <li>While a run lasts, its scheduler renews the claim's lease ({@link #renewLeases}); when it
 *       ends, it {@linkplain #completeRun completes} the claim. A claim whose lease expired is
 *       taken over by another scheduler through {@link #recoverExpiredRuns} and run again.
 * </ul>
 *
 * Changes made by other schedulers are announced through {@link JobStoreListener#jobsChanged()}
 * where the backend can push them; the scheduler also polls every {@link #pollInterval()}.
 */
public interface SharedJobStore extends JobStore {

  /** How long acquisitions and run claims last without renewal, unless configured otherwise. */
  Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(30);

  /** How often a scheduler looks into the store when no change was announced. */
  Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

  /**
   * Returns how long an acquisition or a run claim lasts without renewal.
   *
   * @return a positive duration
   */
  Duration leaseTime();

  /**
   * Returns the longest a scheduler sleeps without looking into the store (it wakes earlier for due
   * jobs, lease renewals and announced changes).
   *
   * @return a positive duration
   */
  Duration pollInterval();

  /**
   * Releases acquired jobs as {@link #releaseJobs} does and, atomically with each release, claims a
   * run of the jobs that have run times.
   *
   * @param releases one entry per acquired job
   * @param now the current time; claims last until {@code now + leaseTime()}
   * @return for each entry, in order, what happened
   */
  List<ClaimResult> releaseAndClaim(List<Release> releases, Instant now);

  /**
   * Extends the leases of claims this scheduler holds to {@code now + leaseTime()}.
   *
   * @param claims claims returned by this store to this scheduler
   * @param now the current time
   * @return the claims it no longer holds (taken over or completed): their renewal changed nothing
   */
  List<RunClaim> renewLeases(List<RunClaim> claims, Instant now);

  /**
   * Ends a run: removes the claim and so frees its instance.
   *
   * @param claim a claim this store returned to this scheduler
   * @return false, changing nothing, when the claim is no longer held with this fencing token
   */
  boolean completeRun(RunClaim claim);

  /**
   * Ends several runs as {@link #completeRun} ends each, in as few round trips and commits as the
   * backend allows; the scheduler completes the runs that ended meanwhile together. The default
   * completes them one at a time.
   *
   * @param claims claims this store returned to this scheduler
   * @return the claims it no longer held with their fencing tokens: for those nothing changed
   */
  default List<RunClaim> completeRuns(List<RunClaim> claims) {
    List<RunClaim> notHeld = new ArrayList<>();
    for (RunClaim claim : claims) {
      if (!completeRun(claim)) {
        notHeld.add(claim);
      }
    }
    return notHeld;
  }

  /**
   * Takes over claims whose lease expired before {@code now}: each is returned held by this
   * scheduler until {@code now + leaseTime()}, with a new fencing token and {@code recovered} set.
   *
   * @param now the current time
   * @param limit the most claims to take over
   * @return the claims taken over, to be run again
   */
  List<RunClaim> recoverExpiredRuns(Instant now, int limit);

  /**
   * Returns the job that a claim taken over by {@link #recoverExpiredRuns} runs: the stored job or,
   * when the release that claimed the run also removed the job (its last run, as for any one-shot
   * job), the job as released, if the store kept it with the claim; without it the run would be
   * lost with the scheduler that died. The default returns the stored job.
   *
   * @param claim a claim this store returned from {@link #recoverExpiredRuns}
   * @return the job to run, or empty when there is none (the claim is then completed unrun)
   */
  default Optional<Job> claimedJob(RunClaim claim) {
    return lookupJob(claim.jobId());
  }

  /**
   * One acquired job to release.
   *
   * @param acquired the snapshot {@link #acquireDueJobs} returned
   * @param updated the job's new snapshot, or {@code null} to delete it
   * @param runTimes the run times to claim a run for, earliest first; empty for no run
   */
  record Release(Job acquired, @Nullable Job updated, List<Instant> runTimes) {

    /**
     * Checks the components and copies the run times.
     *
     * @param acquired the acquired snapshot
     * @param updated the new snapshot, or {@code null}
     * @param runTimes the run times to claim
     */
    public Release {
      requireNonNull(acquired, "acquired");
      runTimes = List.copyOf(runTimes);
    }
  }

  /**
   * What {@link #releaseAndClaim} did with one job.
   *
   * @param release what happened to the job itself
   * @param claim the run claimed, or {@code null} when no run was asked for or it was refused
   * @param maxInstancesReached whether the run was refused because the job already runs its maximum
   *     number of instances across all schedulers
   */
  record ClaimResult(ReleaseResult release, @Nullable RunClaim claim, boolean maxInstancesReached) {

    /**
     * Checks the components.
     *
     * @param release what happened to the job
     * @param claim the claim, or {@code null}
     * @param maxInstancesReached whether the instance limit refused the run
     */
    public ClaimResult {
      requireNonNull(release, "release");
    }
  }
}
