package io.scheduler.benchmarks.engine;

/**
 * The child JVM's entry point: runs one workload against one contender and prints the {@link
 * io.scheduler.benchmarks.harness.Measurement} line. Started by {@link EngineBenchmarks}; arguments
 * are the workload ({@code W1}, {@code W1-cold}) and the contender ({@code jdk}).
 */
public final class EngineChild {

  private EngineChild() {}

  /**
   * Runs the workload, prints its result line and exits with 0, or exits with 1 on any failure.
   *
   * @param args the workload and the contender
   */
  public static void main(String[] args) {
    try {
      if (args.length != 2) {
        throw new IllegalArgumentException("usage: EngineChild <workload> <contender>");
      }
      Workload workload = Workload.byName(args[0]);
      Contender contender = Contenders.byId(args[1]).create();
      System.out.println(workload.run(contender).toLine());
      System.out.flush();
      // Exits even if a contender left a non-daemon thread behind.
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
  }
}
