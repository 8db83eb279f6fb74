package io.scheduler.benchmarks.persistent;

/** What a child JVM does in a measurement. */
enum Role {
  /** Creates the contender's tables in its fresh schema and, for P2, inserts the due jobs. */
  PREPARE,
  /** The single node of P1 and P4, or one of the two cluster nodes of P2. */
  NODE,
  /** P3's node A: a client that adds the jobs and never runs them. */
  ADDER,
  /** P3's node B: runs the jobs node A added and measures their lateness. */
  RUNNER
}
