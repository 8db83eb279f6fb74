package io.scheduler.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Flyway and Liquibase scripts shipped for users' migrations are the JDBC store's own schema
 * scripts, so they cannot drift from what {@code initialize-schema} creates.
 */
class MigrationScriptsTests {

  private static String resource(String path) throws IOException {
    try (InputStream in = MigrationScriptsTests.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @CsvSource({"postgresql, postgresql", "mysql, mysql", "mariadb, mysql", "h2, h2"})
  void flywayScriptIsTheStoresSchema(String vendor, String schema) throws IOException {
    assertThat(resource("io/scheduler/boot/flyway/" + vendor + "/V1__scheduler_tables.sql"))
        .isEqualTo(resource("io/scheduler/store/jdbc/schema-" + schema + ".sql"));
  }

  @Test
  void liquibaseChangelogRunsTheStoresSchemaScripts() throws IOException {
    String changelog = resource("io/scheduler/boot/liquibase/scheduler-changelog.xml");
    Matcher paths = Pattern.compile("sqlFile path=\"([^\"]+)\"").matcher(changelog);
    int found = 0;
    while (paths.find()) {
      assertThat(resource(paths.group(1))).contains("CREATE TABLE");
      found++;
    }
    assertThat(found).isEqualTo(3);
  }
}
