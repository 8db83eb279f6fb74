package io.scheduler.store;

import static io.scheduler.internal.Require.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One scheduler's claim, in a {@link SharedJobStore}, on one submission of a job: the right to run
 * it for its run times. The claim holds one of the job's instances across every scheduler sharing
 * the store until it is completed, and is leased: a claim whose lease runs out (its scheduler died
 * or stalled) is taken over by another scheduler, which re-runs it. The fencing token changes at
 * every takeover, so a scheduler that lost its claim can no longer complete it.
 *
 * @param runId the claim's unique id
 * @param jobId the job's id
 * @param fencingToken the claim's version; completing or renewing needs the current one
 * @param runTimes the run times to run, earliest first
 * @param recovered whether this scheduler took the claim over from one whose lease expired
 */
public record RunClaim(
    String runId, String jobId, long fencingToken, List<Instant> runTimes, boolean recovered) {

  /**
   * Checks the components and copies the run times.
   *
   * @param runId the claim's unique id
   * @param jobId the job's id
   * @param fencingToken the claim's version
   * @param runTimes the run times to run
   * @param recovered whether the claim was taken over
   */
  public RunClaim {
    requireNonNull(runId, "runId");
    requireNonNull(jobId, "jobId");
    runTimes = List.copyOf(runTimes);
  }
}
