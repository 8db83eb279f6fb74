package io.scheduler.boot.definition;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A job as the user wrote it, before any checks: every value remembers the key it was written
 * under, so that {@link JobDefinitionTranslator} can name that key when the value is bad. Values
 * are text (annotation attributes, trigger options) or already typed by Spring Boot's binder
 * (durations, integers, the coalesce policy); the translator accepts both.
 */
public final class JobDefinition {

  /** The job settings a definition may give. */
  public enum Field {
    /** The job id. */
    ID,
    /** The display name. */
    NAME,
    /** The misfire grace time: a duration, its text, or {@code none}. */
    MISFIRE_GRACE_TIME,
    /**
     * The coalesce policy: a {@code CoalescePolicy} or one of true, false, earliest, latest, all.
     */
    COALESCE,
    /** The maximum number of overlapping runs. */
    MAX_INSTANCES,
    /** The job store alias. */
    JOBSTORE,
    /** The executor alias. */
    EXECUTOR
  }

  /** One value and the key it was written under. */
  record Written(String key, Object value) {}

  /** The task and the key it was written under; the value is {@code null} when it is missing. */
  record Task(String key, @Nullable Object value) {}

  private final UnaryOperator<String> describe;
  private final Map<Field, Written> values = new EnumMap<>(Field.class);
  private final Map<String, Written> options = new LinkedHashMap<>();
  private @Nullable Task task;
  private @Nullable String triggerAlias;
  private @Nullable String triggerKey;
  private @Nullable Written cron;
  private @Nullable Written interval;
  private List<?> args = List.of();
  private Map<String, ?> kwargs = Map.of();
  private boolean paused;

  private JobDefinition(UnaryOperator<String> describe) {
    this.describe = describe;
  }

  /**
   * Starts a definition read from an annotation; keys are attribute names, shown as {@code
   * attribute 'interval'}.
   *
   * @return the empty definition
   */
  public static JobDefinition fromAnnotation() {
    return new JobDefinition(key -> "attribute '" + key + "'");
  }

  /**
   * Starts a definition read from properties; keys are full property keys.
   *
   * @return the empty definition
   */
  public static JobDefinition fromProperties() {
    return new JobDefinition(key -> key);
  }

  /**
   * Sets a job setting; a {@code null} value leaves it unset.
   *
   * @param field the setting
   * @param key the key it was written under
   * @param value the value
   * @return this definition
   */
  public JobDefinition set(Field field, String key, @Nullable Object value) {
    if (value != null) {
      values.put(field, new Written(key, value));
    }
    return this;
  }

  /**
   * Sets the task; every definition needs one, so a {@code null} value is an error.
   *
   * @param key the key it was written under
   * @param task a {@code TaskRef} or its text, or {@code null} when it is missing
   * @return this definition
   */
  public JobDefinition task(String key, @Nullable Object task) {
    this.task = new Task(key, task);
    return this;
  }

  /**
   * Names the trigger type.
   *
   * @param alias the trigger alias of {@code Triggers.create}
   * @param key the key that chose it, blamed for errors no option explains
   * @return this definition
   */
  public JobDefinition trigger(String alias, String key) {
    this.triggerAlias = alias;
    this.triggerKey = key;
    return this;
  }

  /**
   * A cron trigger from an expression.
   *
   * @param key the key of the expression
   * @param expression the expression
   * @return this definition
   */
  public JobDefinition cron(String key, String expression) {
    this.cron = new Written(key, expression);
    return trigger("cron", key);
  }

  /**
   * An interval trigger from a duration.
   *
   * @param key the key of the interval
   * @param interval a {@code Duration} or its text
   * @return this definition
   */
  public JobDefinition interval(String key, Object interval) {
    this.interval = new Written(key, interval);
    return trigger("interval", key);
  }

  /**
   * Adds a trigger option; a {@code null} value leaves it unset.
   *
   * @param name the option's name as {@code Triggers.create} reads it (any case style)
   * @param key the key it was written under
   * @param value the value
   * @return this definition
   */
  public JobDefinition option(String name, String key, @Nullable Object value) {
    if (value != null) {
      options.put(name, new Written(key, value));
    }
    return this;
  }

  /**
   * Sets the task's positional arguments.
   *
   * @param args the arguments
   * @return this definition
   */
  public JobDefinition args(List<?> args) {
    this.args = args;
    return this;
  }

  /**
   * Sets the task's keyword arguments.
   *
   * @param kwargs the arguments by parameter name
   * @return this definition
   */
  public JobDefinition kwargs(Map<String, ?> kwargs) {
    this.kwargs = kwargs;
    return this;
  }

  /**
   * Sets whether the job is added paused.
   *
   * @param paused whether paused
   * @return this definition
   */
  public JobDefinition paused(boolean paused) {
    this.paused = paused;
    return this;
  }

  /**
   * Describes a key for a message: {@code attribute 'interval'} or the property key.
   *
   * @param key the key
   * @return the description
   */
  public String describe(String key) {
    return describe.apply(key);
  }

  @Nullable Written value(Field field) {
    return values.get(field);
  }

  @Nullable Task task() {
    return task;
  }

  Map<String, Written> options() {
    return options;
  }

  @Nullable String triggerAlias() {
    return triggerAlias;
  }

  @Nullable String triggerKey() {
    return triggerKey;
  }

  @Nullable Written cron() {
    return cron;
  }

  @Nullable Written interval() {
    return interval;
  }

  List<?> args() {
    return args;
  }

  Map<String, ?> kwargs() {
    return kwargs;
  }

  boolean paused() {
    return paused;
  }
}
