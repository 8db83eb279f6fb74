package io.scheduler.boot.autoconfigure;

import io.scheduler.boot.discovery.InvalidScheduledJobException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
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
 * value (which key, which value, what is allowed) or an invalid {@code @ScheduledJob} method. It
 * runs before Spring Boot's generic binding analyzer, but only answers for {@code scheduler.*}
 * keys.
 */
final class SchedulerFailureAnalyzer implements FailureAnalyzer, Ordered {

  private static final String PREFIX = "scheduler.";

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
