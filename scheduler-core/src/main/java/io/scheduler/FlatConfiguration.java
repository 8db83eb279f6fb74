package io.scheduler;

import io.scheduler.config.Durations;
import io.scheduler.executor.JobExecutor;
import io.scheduler.executor.JobExecutors;
import io.scheduler.internal.Keys;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.JobDefaults;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStores;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads APScheduler-style flat configuration ({@code scheduler.}-prefixed keys) into a {@link
 * Target} (the builder's setters).
 */
final class FlatConfiguration {

  static final String PREFIX = "scheduler.";

  private static final List<String> TOP_LEVEL_KEYS =
      List.of(
          "timezone",
          "daemon",
          "thread_name_prefix",
          "shutdown_timeout",
          "jobstore_retry_interval",
          "job_defaults.coalesce",
          "job_defaults.max_instances",
          "job_defaults.misfire_grace_time",
          "jobstores.<alias>.type",
          "executors.<alias>.type",
          "executors.<alias>.max_workers",
          "executors.<alias>.thread_name_prefix");

  private FlatConfiguration() {}

  /** What flat configuration sets: the scheduler builder's settings. */
  interface Target {
    void timezone(ZoneId timezone);

    void daemon(boolean daemon);

    void threadNamePrefix(String threadNamePrefix);

    void shutdownTimeout(Duration shutdownTimeout);

    void jobStoreRetryInterval(Duration jobStoreRetryInterval);

    JobDefaults jobDefaults();

    void jobDefaults(JobDefaults jobDefaults);

    void jobStore(String alias, JobStore store);

    void executor(String alias, JobExecutor executor);
  }

  static void apply(Map<String, ?> properties, Target builder) {
    JobDefaults.Builder defaults = null;
    Map<String, Map<String, Setting>> stores = new LinkedHashMap<>();
    Map<String, Map<String, Setting>> executors = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : properties.entrySet()) {
      String key = entry.getKey();
      if (!key.startsWith(PREFIX) || entry.getValue() == null) {
        continue;
      }
      Setting setting = new Setting(key, entry.getValue());
      String[] path = key.substring(PREFIX.length()).split("\\.", -1);
      for (int i = 0; i < path.length; i++) {
        path[i] = Keys.snakeCase(path[i]);
      }
      String joined = String.join(".", path);
      if (path.length == 3 && (path[0].equals("jobstores") || path[0].equals("executors"))) {
        Map<String, Map<String, Setting>> group = path[0].equals("jobstores") ? stores : executors;
        // The alias keeps its spelling; only the option key is normalised.
        String alias = key.substring(PREFIX.length()).split("\\.", -1)[1];
        group.computeIfAbsent(alias, a -> new LinkedHashMap<>()).put(path[2], setting);
        continue;
      }
      switch (joined) {
        case "timezone" -> builder.timezone(setting.zone());
        case "daemon" -> builder.daemon(setting.bool());
        case "thread_name_prefix" -> builder.threadNamePrefix(setting.text());
        case "shutdown_timeout" -> builder.shutdownTimeout(setting.positiveDuration());
        case "jobstore_retry_interval" -> builder.jobStoreRetryInterval(setting.positiveDuration());
        case "job_defaults.coalesce" ->
            defaults = defaults(defaults, builder).coalesce(setting.coalesce());
        case "job_defaults.max_instances" ->
            defaults = defaults(defaults, builder).maxInstances(setting.positiveInteger());
        case "job_defaults.misfire_grace_time" ->
            defaults = defaults(defaults, builder).misfireGraceTime(setting.graceTime());
        default -> throw unknown(setting, joined);
      }
    }
    if (defaults != null) {
      builder.jobDefaults(defaults.build());
    }
    stores.forEach((alias, options) -> builder.jobStore(alias, store(alias, options)));
    executors.forEach((alias, options) -> builder.executor(alias, executor(alias, options)));
  }

  private static JobDefaults.Builder defaults(
      JobDefaults.@Nullable Builder current, Target builder) {
    return current != null ? current : JobDefaults.from(builder.jobDefaults());
  }

  /** Only {@code memory} stores can be built from text; others are added as objects. */
  private static JobStore store(String alias, Map<String, Setting> options) {
    for (Map.Entry<String, Setting> option : options.entrySet()) {
      if (!option.getKey().equals("type")) {
        throw unknown(option.getValue(), "jobstores." + alias + "." + option.getKey());
      }
      option.getValue().choice("memory");
    }
    return JobStores.memory();
  }

  private static JobExecutor executor(String alias, Map<String, Setting> options) {
    String type = "thread_pool";
    int maxWorkers = 0;
    String prefix = null;
    for (Map.Entry<String, Setting> option : options.entrySet()) {
      Setting setting = option.getValue();
      switch (option.getKey()) {
        case "type" -> type = setting.choice("thread_pool", "virtual_threads", "direct");
        case "max_workers" -> maxWorkers = setting.positiveInteger();
        case "thread_name_prefix" -> prefix = setting.text();
        default -> throw unknown(setting, "executors." + alias + "." + option.getKey());
      }
    }
    return switch (type) {
      case "virtual_threads" ->
          maxWorkers > 0
              ? JobExecutors.virtualThreads(maxWorkers, prefix)
              : JobExecutors.virtualThreads(prefix);
      case "direct" -> JobExecutors.direct();
      default ->
          JobExecutors.threadPool(
              maxWorkers > 0 ? maxWorkers : JobExecutors.DEFAULT_MAX_WORKERS, prefix);
    };
  }

  private static IllegalArgumentException unknown(Setting setting, String normalized) {
    return new IllegalArgumentException(
        "unknown scheduler property '"
            + setting.key
            + "'"
            + Keys.didYouMean(normalized, TOP_LEVEL_KEYS)
            + " (known: "
            + String.join(", ", TOP_LEVEL_KEYS)
            + ")");
  }

  /** One configuration value with readers whose errors name the key and the value. */
  private record Setting(String key, Object value) {

    String text() {
      return String.valueOf(value).trim();
    }

    boolean bool() {
      if (value instanceof Boolean b) {
        return b;
      }
      return switch (text().toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw invalid("true or false");
      };
    }

    int integer() {
      try {
        return value instanceof Number n
            ? new BigDecimal(n.toString()).intValueExact()
            : Integer.parseInt(text());
      } catch (NumberFormatException | ArithmeticException e) {
        throw invalid("an integer");
      }
    }

    ZoneId zone() {
      try {
        return value instanceof ZoneId z ? z : ZoneId.of(text());
      } catch (DateTimeException e) {
        throw invalid("an IANA time zone id such as Europe/Berlin");
      }
    }

    Duration duration() {
      if (value instanceof Duration d) {
        return d;
      }
      try {
        return value instanceof Number n ? Durations.parse(n.toString()) : Durations.parse(text());
      } catch (IllegalArgumentException e) {
        throw invalid("a duration such as 30, 10s, 500ms or PT1M");
      }
    }

    @Nullable Duration graceTime() {
      String text = text().toLowerCase(Locale.ROOT);
      if (text.isEmpty()
          || text.equals("none")
          || text.equals("null")
          || text.equals("unlimited")) {
        return null;
      }
      return positiveDuration();
    }

    int positiveInteger() {
      int number = integer();
      if (number <= 0) {
        throw invalid("a positive integer");
      }
      return number;
    }

    Duration positiveDuration() {
      Duration duration = duration();
      if (duration.isZero() || duration.isNegative()) {
        throw invalid("a positive duration such as 30, 10s, 500ms or PT1M");
      }
      return duration;
    }

    CoalescePolicy coalesce() {
      if (value instanceof Boolean b) {
        return CoalescePolicy.of(b);
      }
      return switch (text().toLowerCase(Locale.ROOT)) {
        case "true" -> CoalescePolicy.LATEST;
        case "false" -> CoalescePolicy.ALL;
        case "earliest" -> CoalescePolicy.EARLIEST;
        case "latest" -> CoalescePolicy.LATEST;
        case "all" -> CoalescePolicy.ALL;
        default -> throw invalid("true, false, earliest, latest or all");
      };
    }

    String choice(String... allowed) {
      String normalized =
          Keys.snakeCase(text()).toLowerCase(Locale.ROOT).replace("threadpool", "thread_pool");
      for (String option : allowed) {
        if (option.equals(normalized)) {
          return option;
        }
      }
      throw invalid("one of " + String.join(", ", allowed).replace('_', '-'));
    }

    IllegalArgumentException invalid(String expected) {
      return new IllegalArgumentException(
          key + " must be " + expected + ", but was '" + value + "'");
    }
  }
}
