package io.scheduler.boot.autoconfigure;

import io.scheduler.boot.discovery.InvalidScheduledJobException;
import io.scheduler.exception.JobStoreSchemaException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains startup failures caused by the scheduler's configuration: a bad {@code scheduler.*}
 * value (which key, which value, what is allowed), an invalid {@code @ScheduledJob} method, or a
 * JDBC store whose tables do not exist (naming {@code scheduler.jdbc.initialize-schema}), or a
 * declared job naming an executor or store that is not configured (naming {@code
 * scheduler.jobs.<id>.executor} or {@code .jobstore}, or the {@code @ScheduledJob} attribute). It
 * runs before Spring Boot's generic binding analyzer, but only answers for {@code scheduler.*}
 * keys.
 */
final class SchedulerFailureAnalyzer implements FailureAnalyzer, Ordered {

  private static final String PREFIX = "scheduler.";

  // The scheduler's refusal, at start, of a job naming an executor or store it does not have.
  private static final Pattern UNKNOWN_ALIAS =
      Pattern.compile(
          "job '(.*)' names (executor|job store) '(.*)', which is not configured \\(configured:"
              + " (.*)\\)");

  private final @Nullable Environment environment;

  SchedulerFailureAnalyzer(@Nullable Environment environment) {
    this.environment = environment;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public @Nullable FailureAnalysis analyze(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof InvalidSchedulerPropertyException invalid) {
        return analyzeProperty(invalid);
      }
      if (cause instanceof InvalidScheduledJobException invalid) {
        return analyzeAnnotation(invalid);
      }
      if (cause instanceof JobStoreSchemaException schema) {
        return analyzeSchema(schema);
      }
      Matcher unknownAlias =
          cause instanceof IllegalStateException && cause.getMessage() != null
              ? UNKNOWN_ALIAS.matcher(cause.getMessage())
              : null;
      if (unknownAlias != null && unknownAlias.matches()) {
        return analyzeUnknownAlias(unknownAlias, cause);
      }
      if (cause instanceof BindException bind && bind.getName().toString().startsWith(PREFIX)) {
        return analyzeBinding(bind);
      }
    }
    return null;
  }

  private FailureAnalysis analyzeProperty(InvalidSchedulerPropertyException invalid) {
    return new FailureAnalysis(
        description(invalid.key(), invalid.value(), origin(invalid.key()), invalid.getMessage()),
        action(invalid.key(), invalid.allowed()),
        invalid);
  }

  private static FailureAnalysis analyzeAnnotation(InvalidScheduledJobException invalid) {
    return new FailureAnalysis(
        invalid.getMessage(),
        "Correct the @ScheduledJob annotation or the signature of method '"
            + invalid.methodName()
            + "' of bean '"
            + invalid.beanName()
            + "'. Give exactly one trigger (cron, interval, date or cron fields); write durations"
            + " as 10s, 500ms, 5m or PT10S; take no parameters but TaskContext; use each job id"
            + " once.",
        invalid);
  }

  /**
   * A job naming an executor or store the scheduler does not have: names the property key when the
   * job is declared under {@code scheduler.jobs}, otherwise the {@code @ScheduledJob} attribute.
   */
  private FailureAnalysis analyzeUnknownAlias(Matcher refusal, Throwable cause) {
    String id = refusal.group(1);
    boolean executor = refusal.group(2).equals("executor");
    String alias = refusal.group(3);
    String configured = refusal.group(4);
    String key = DeclarativeJobs.key(id, executor ? "executor" : "jobstore");
    String configure = executor ? "scheduler.executors." : "scheduler.jobstores.";
    String allowed =
        "the alias of a configured "
            + refusal.group(2)
            + " "
            + configured
            + ", or configure '"
            + alias
            + "' under "
            + configure
            + alias;
    if (isSet(key)) {
      return new FailureAnalysis(
          description(
              key,
              alias,
              origin(key),
              "job '"
                  + id
                  + "' names "
                  + refusal.group(2)
                  + " '"
                  + alias
                  + "', which is not configured (configured: "
                  + configured
                  + ")"),
          action(key, allowed),
          cause);
    }
    String attribute = executor ? "executor" : "jobstore";
    return new FailureAnalysis(
        "Job '"
            + id
            + "' names "
            + refusal.group(2)
            + " '"
            + alias
            + "', which is not configured (configured: "
            + configured
            + "). It is not declared"
            + " under scheduler.jobs."
            + id
            + ", so it comes from a @ScheduledJob method (attribute"
            + " '"
            + attribute
            + "') or from code that added it.",
        "Correct the @ScheduledJob attribute '"
            + attribute
            + "' (or the job's "
            + (executor ? "executor" : "jobStore")
            + ") of job '"
            + id
            + "': it must be "
            + allowed
            + ".",
        cause);
  }

  private static FailureAnalysis analyzeSchema(JobStoreSchemaException schema) {
    String alias = schema.jobStore();
    return new FailureAnalysis(
        schema.getMessage(),
        "Let the store create its tables at startup: set scheduler.jdbc.initialize-schema=always"
            + " (every jdbc store; the default 'embedded' creates them only in in-memory"
            + " databases) or scheduler.jobstores."
            + alias
            + ".jdbc.initialize-schema=always (this store only). Or create them with a migration"
            + " tool: the starter ships Flyway migrations (classpath:io/scheduler/boot/flyway/"
            + "{vendor}) and a Liquibase changelog"
            + " (io/scheduler/boot/liquibase/scheduler-changelog.xml).",
        schema);
  }

  private FailureAnalysis analyzeBinding(BindException bind) {
    String key = bind.getName().toString();
    ConfigurationProperty property = bind.getProperty();
    Object value = property != null ? property.getValue() : null;
    Origin origin = property != null ? property.getOrigin() : null;
    Class<?> type = bind.getTarget().getType().resolve(Object.class);
    Throwable reason = bind.getCause() != null ? rootCause(bind.getCause()) : bind;
    return new FailureAnalysis(
        description(
            key,
            value,
            origin != null ? origin.toString() : origin(key),
            "cannot be read as " + type.getSimpleName() + " (" + reason.getMessage() + ")"),
        action(key, allowed(type)),
        bind);
  }

  private static String description(
      String key, @Nullable Object value, @Nullable String origin, String reason) {
    StringBuilder description =
        new StringBuilder("Invalid value for scheduler property '")
            .append(key)
            .append("':\n\n    Property: ")
            .append(key)
            .append("\n    Value: \"")
            .append(value)
            .append('"');
    if (origin != null) {
      description.append("\n    Origin: ").append(origin);
    }
    return description.append("\n    Reason: ").append(reason).toString();
  }

  private static String action(String key, String allowed) {
    return "Update your application's configuration: '" + key + "' must be " + allowed + ".";
  }

  /** Describes the values a bound type accepts. */
  static String allowed(Class<?> type) {
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(
                  constant ->
                      ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
              .collect(Collectors.joining(", "));
    }
    if (ZoneId.class.isAssignableFrom(type)) {
      return "an IANA time zone id such as 'Europe/Berlin' or 'UTC'";
    }
    if (type == Duration.class) {
      return "a duration such as 30s, 500ms, 5m or PT1M (a bare number is seconds)";
    }
    if (type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return "a value of type " + type.getName();
  }

  private boolean isSet(String key) {
    if (environment == null) {
      return false;
    }
    ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (source.getConfigurationProperty(name) != null) {
        return true;
      }
    }
    return false;
  }

  private @Nullable String origin(String key) {
    if (environment == null) {
      return null;
    }
    ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      ConfigurationProperty property = source.getConfigurationProperty(name);
      if (property != null && property.getOrigin() != null) {
        return property.getOrigin().toString();
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable throwable) {
    Throwable root = throwable;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    while (root.getCause() != null && seen.add(root)) {
      root = root.getCause();
    }
    return root;
  }
}
