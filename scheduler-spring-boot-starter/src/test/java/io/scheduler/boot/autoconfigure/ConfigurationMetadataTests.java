package io.scheduler.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.SchedulerBuilder;
import io.scheduler.job.JobDefaults;
import io.scheduler.store.jdbc.JdbcJobStore;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generated configuration metadata documents every key, with the core's defaults. */
class ConfigurationMetadataTests {

  @Test
  void everyKeyHasADescription() throws Exception {
    Map<String, JsonNode> properties = properties();
    assertThat(properties)
        .containsKeys(
            "scheduler.enabled",
            "scheduler.timezone",
            "scheduler.auto-startup",
            "scheduler.startup-delay",
            "scheduler.thread-name-prefix",
            "scheduler.daemon",
            "scheduler.jobstores",
            "scheduler.executors",
            "scheduler.jobs",
            "scheduler.job-defaults.coalesce",
            "scheduler.job-defaults.max-instances",
            "scheduler.job-defaults.misfire-grace-time",
            "scheduler.shutdown.wait",
            "scheduler.shutdown.timeout",
            "scheduler.jdbc.initialize-schema");
    properties.forEach(
        (name, property) ->
            assertThat(property.path("description").asString()).as(name).isNotBlank());
  }

  @Test
  void defaultsAreTheCoresConstants() throws Exception {
    Map<String, JsonNode> properties = properties();
    assertThat(text(properties, "scheduler.thread-name-prefix"))
        .isEqualTo(SchedulerBuilder.DEFAULT_THREAD_NAME_PREFIX);
    assertThat(duration(properties, "scheduler.shutdown.timeout"))
        .isEqualTo(SchedulerBuilder.DEFAULT_SHUTDOWN_TIMEOUT);
    assertThat(duration(properties, "scheduler.job-defaults.misfire-grace-time"))
        .isEqualTo(JobDefaults.DEFAULT_MISFIRE_GRACE_TIME);
    assertThat(properties.get("scheduler.job-defaults.max-instances").path("defaultValue").asInt())
        .isEqualTo(JobDefaults.DEFAULT_MAX_INSTANCES);
    assertThat(
            SchedulerProperties.Coalesce.valueOf(
                    text(properties, "scheduler.job-defaults.coalesce").toUpperCase())
                .policy())
        .isEqualTo(JobDefaults.DEFAULT_COALESCE);
    assertThat(text(properties, "scheduler.jdbc.initialize-schema"))
        .isEqualTo(JdbcJobStore.DEFAULT_INITIALIZE_SCHEMA.name().toLowerCase(Locale.ROOT));
    assertThat(properties.get("scheduler.enabled").path("defaultValue").asBoolean()).isTrue();
    assertThat(properties.get("scheduler.shutdown.wait").path("defaultValue").asBoolean()).isTrue();
  }

  private static String text(Map<String, JsonNode> properties, String name) {
    return properties.get(name).path("defaultValue").asString();
  }

  private static java.time.Duration duration(Map<String, JsonNode> properties, String name) {
    return DurationStyle.detectAndParse(text(properties, name));
  }

  private static Map<String, JsonNode> properties() throws Exception {
    try (InputStream in =
        ConfigurationMetadataTests.class.getResourceAsStream(
            "/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata").isNotNull();
      JsonNode root = JsonMapper.builder().build().readTree(in);
      Map<String, JsonNode> properties = new LinkedHashMap<>();
      for (JsonNode property : root.path("properties")) {
        properties.put(property.path("name").asString(), property);
      }
      return properties;
    }
  }
}
