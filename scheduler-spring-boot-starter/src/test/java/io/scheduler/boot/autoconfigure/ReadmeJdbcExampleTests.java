package io.scheduler.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.Scheduler;
import io.scheduler.store.jdbc.JdbcJobStore;
import io.scheduler.testservers.TestServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * The README's {@code application.yml} example, exactly as written, on the loopback PostgreSQL (in
 * a schema of its own): it starts and creates its tables; without its {@code initialize-schema}
 * line the startup fails with an analysis naming {@code scheduler.jdbc.initialize-schema}.
 */
class ReadmeJdbcExampleTests {

  private final String schema = "readme_" + UUID.randomUUID().toString().substring(0, 8);
  private final String url = TestServers.postgresUrl();

  /** The bean the example's declared job names ({@code bean:cleanup#run}). */
  static class Cleanup {
    void run() {}
  }

  @AfterEach
  void dropSchema() throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  @Test
  void theReadmeExampleStartsOnPostgresqlAndCreatesItsTables() throws Exception {
    execute("CREATE SCHEMA " + schema);
    String yaml = readmeYaml();
    assertThat(yaml).contains("type: jdbc").contains("initialize-schema: always");

    runner(yaml)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              Scheduler scheduler = context.getBean(Scheduler.class);
              assertThat(scheduler.jobStores().get("default")).isInstanceOf(JdbcJobStore.class);
              assertThat(scheduler.getJob("nightly-cleanup")).isPresent();
            });
  }

  @Test
  void withoutInitializeSchemaTheStartupFailureNamesTheProperty() throws Exception {
    execute("CREATE SCHEMA " + schema);
    String yaml = readmeYaml().replaceAll("(?m)^\\s*initialize-schema: always.*\\n", "");
    assertThat(yaml).doesNotContain("initialize-schema");

    runner(yaml)
        .run(
            context -> {
              assertThat(context).hasFailed();
              FailureAnalysis analysis =
                  new SchedulerFailureAnalyzer(null).analyze(context.getStartupFailure());
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .contains("job store 'default' cannot use its tables scheduler_jobs");
              assertThat(analysis.getAction())
                  .contains("scheduler.jdbc.initialize-schema=always")
                  .contains("scheduler.jobstores.default.jdbc.initialize-schema=always");
            });
  }

  private ApplicationContextRunner runner(String yaml) throws IOException {
    List<PropertySource<?>> sources =
        new YamlPropertySourceLoader()
            .load("README.md", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SchedulerAutoConfiguration.class))
        .withInitializer(
            context -> sources.forEach(context.getEnvironment().getPropertySources()::addFirst))
        .withBean("cleanup", Cleanup.class, Cleanup::new)
        .withBean(DataSource.class, this::dataSource);
  }

  /** The first {@code yaml} block after "Configure it in `application.yml`" in the README. */
  private static String readmeYaml() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("Configure it in `application.yml`");
    assertThat(section).as("the README's configuration example").isNotNegative();
    int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  private DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    return dataSource;
  }

  private void execute(String sql) throws SQLException {
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(url);
    try (Connection c = admin.getConnection();
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }
}
