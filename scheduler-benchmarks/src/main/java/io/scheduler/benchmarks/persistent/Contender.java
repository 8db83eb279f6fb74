package io.scheduler.benchmarks.persistent;

import java.util.List;

/**
 * One node of a persistent scheduler under test, on its own tables. A node that runs jobs executes
 * them on {@value Contenders#WORKERS} worker threads and looks into the database at least every
 * {@link Contenders#POLL_INTERVAL}; a client node only adds jobs, so another process runs them.
 * Every job's task reports to {@link Recorder#ran} with its id and scheduled run time.
 *
 * <p>A workload constructs the node (connecting and creating its threads), calls {@link #start()}
 * once, adds jobs from one thread, then calls {@link #shutdown()} once.
 */
interface Contender {

  /**
   * Starts the node: a running node begins to fetch and run due jobs; a client becomes able to add.
   *
   * @throws Exception if the scheduler cannot start
   */
  void start() throws Exception;

  /**
   * Adds one-shot jobs through the library's batch API.
   *
   * @param jobs the jobs, with distinct ids
   * @throws Exception if the scheduler rejects them
   */
  void add(List<DueJob> jobs) throws Exception;

  /**
   * Adds one one-shot job through the library's single-job API.
   *
   * @param job the job
   * @throws Exception if the scheduler rejects it
   */
  void add(DueJob job) throws Exception;

  /**
   * Stops the node and waits for running jobs; jobs not run yet stay in the database.
   *
   * @throws Exception if the scheduler does not stop cleanly
   */
  void shutdown() throws Exception;
}
