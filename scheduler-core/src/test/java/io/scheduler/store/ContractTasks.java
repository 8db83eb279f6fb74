package io.scheduler.store;

import java.util.List;

/**
 * Public static tasks that {@link JobStoreContractTest} names by {@link io.scheduler.job.TaskRef},
 * so persistent stores can save a job by reference and resolve it again when they load it. The
 * tasks are pure: running one has no side effect, and its result shows which arguments it got.
 */
public final class ContractTasks {

  /** {@code io.scheduler.store.ContractTasks::noop}: takes nothing, does nothing. */
  public static final String NOOP = "io.scheduler.store.ContractTasks::noop";

  /** {@code io.scheduler.store.ContractTasks::describe}: see {@link #describe}. */
  public static final String DESCRIBE = "io.scheduler.store.ContractTasks::describe";

  private ContractTasks() {}

  /** Does nothing. */
  public static void noop() {}

  /**
   * Describes its arguments, so a test can tell that a reloaded job binds the same values.
   *
   * @param label the first positional argument
   * @param count the second positional argument
   * @param urgent the third positional argument
   * @param recipients a keyword argument
   * @param retries a keyword argument
   * @return the arguments as text
   */
  public static String describe(
      String label, int count, boolean urgent, List<String> recipients, int retries) {
    return label + "/" + count + "/" + urgent + "/" + recipients + "/" + retries;
  }
}
