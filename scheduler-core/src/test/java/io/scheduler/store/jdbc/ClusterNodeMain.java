package io.scheduler.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.event.EventType;
import io.scheduler.event.JobRecovered;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.TaskContext;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * One process of {@link JdbcMultiProcessTest}: a {@link BackgroundScheduler} on the test's
 * PostgreSQL tables with a 2 s lease, recording in {@code <prefix>results} when it is ready, when
 * each run starts and ends, and each run it recovers. It runs until its standard input closes (or
 * it is killed).
 *
 * <p>Arguments: the JDBC URL, the table prefix, the node's name.
 */
public final class ClusterNodeMain {

  /** {@code io.scheduler.store.jdbc.ClusterNodeMain::work}. */
  public static final String WORK = "io.scheduler.store.jdbc.ClusterNodeMain::work";

  private static volatile DataSource results;
  private static volatile String resultsTable = "";
  private static volatile String node = "";

  private ClusterNodeMain() {}

  /**
   * Starts the node.
   *
   * @param args URL, table prefix, node name
   * @throws IOException when standard input fails
   */
  public static void main(String[] args) throws IOException {
    String url = args[0];
    String prefix = args[1];
    node = args[2];
    resultsTable = prefix + "results";
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName(node);
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(0);
    config.addDataSourceProperty("ApplicationName", node);
    HikariDataSource pool = new HikariDataSource(config);
    results = pool;
    Scheduler scheduler =
        BackgroundScheduler.builder()
            .schedulerId(node)
            .threadNamePrefix(node + "-")
            .executor("default", JobExecutors.threadPool(4, node + "-worker-"))
            .jobStore(
                "default",
                JdbcJobStore.builder(pool)
                    .tablePrefix(prefix)
                    .initializeSchema(InitializeSchema.NEVER)
                    .leaseTime(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(500))
                    .build())
            .jobStoreRetryInterval(Duration.ofMillis(200))
            .listener(
                event -> {
                  JobRecovered recovered = (JobRecovered) event;
                  for (Instant runTime : recovered.scheduledRunTimes()) {
                    record(recovered.jobId(), runTime, "recovered");
                  }
                },
                EventType.JOB_RECOVERED)
            .build();
    scheduler.start();
    record("-", Instant.EPOCH, "ready");
    InputStream in = System.in;
    while (in.read() >= 0) {
      // runs until the test closes our standard input
    }
    scheduler.shutdown(true);
    pool.close();
  }

  /**
   * The job: records its start, works for {@code millis}, records its end.
   *
   * @param context the run
   * @param millis how long it works
   * @throws InterruptedException when the scheduler shuts down meanwhile
   */
  public static void work(TaskContext context, long millis) throws InterruptedException {
    record(context.jobId(), context.scheduledRunTime(), "start");
    Thread.sleep(millis);
    record(context.jobId(), context.scheduledRunTime(), "end");
  }

  private static void record(String jobId, Instant runTime, String phase) {
    try (Connection c = results.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO "
                    + resultsTable
                    + " (job_id, run_time, node, phase) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, jobId);
      insert.setString(2, runTime.toString());
      insert.setString(3, node);
      insert.setString(4, phase);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record " + phase + " of " + jobId, e);
    }
  }
}
