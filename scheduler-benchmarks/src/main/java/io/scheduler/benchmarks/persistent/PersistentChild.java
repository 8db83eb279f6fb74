package io.scheduler.benchmarks.persistent;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Locale;

/**
 * The child JVM's entry point: plays one role of one workload for one contender on a pool of the
 * contender's schema, prints the {@link io.scheduler.benchmarks.harness.Measurement} line and
 * exits. Started by {@link PersistentBenchmarks}; arguments are the workload ({@code P1}), the
 * contender ({@code quartz}), the {@link Role} and, for a cluster node, the file for its run
 * counts.
 */
public final class PersistentChild {

  private PersistentChild() {}

  /**
   * Plays the role, prints its result line and exits with 0, or exits with 1 on any failure.
   *
   * @param args the workload, the contender, the role and the role's extra arguments
   */
  public static void main(String[] args) {
    try {
      if (args.length < 3) {
        throw new IllegalArgumentException(
            "usage: PersistentChild <workload> <contender> <role> [counts file]");
      }
      Workload workload = Workload.valueOf(args[0]);
      Contenders contender = Contenders.byId(args[1]);
      Role role = Role.valueOf(args[2]);
      List<String> extra = List.of(args).subList(3, args.length);
      String poolName = contender.id() + "-" + role.name().toLowerCase(Locale.ROOT);
      try (HikariDataSource dataSource = Database.pool(contender.schema(), poolName)) {
        System.out.println(workload.child(role, contender, dataSource, extra).toLine());
      }
      System.out.flush();
      // Exits even if a contender left a non-daemon thread behind.
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
  }
}
