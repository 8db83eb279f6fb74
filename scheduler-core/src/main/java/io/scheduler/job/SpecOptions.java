package io.scheduler.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JobSpec}'s settings besides id, task and trigger. Specs that set none share {@link
 * #DEFAULTS}; a builder copies the options before its first change, so a built spec's options never
 * change afterwards.
 */
final class SpecOptions {

  /** No option set: what most jobs use, shared. */
  static final SpecOptions DEFAULTS = new SpecOptions();

  // The classes of Map.of and Map.copyOf maps, which cannot change: kept, not copied.
  private static final Class<?> MAP_OF_ONE = Map.of("k", "v").getClass();
  private static final Class<?> MAP_OF_N = Map.of().getClass();

  @Nullable String name;
  @Nullable TaskRef taskRef;
  List<Object> args = List.of();
  Map<String, Object> kwargs = Map.of();
  @Nullable String triggerAlias;
  Map<String, Object> triggerOptions = Map.of();
  boolean misfireGraceTimeIsSet;
  @Nullable Duration misfireGraceTime;
  @Nullable CoalescePolicy coalesce;
  @Nullable Integer maxInstances;
  boolean nextRunTimeIsSet;
  @Nullable Instant nextRunTime;
  String jobStore = JobSpec.DEFAULT_ALIAS;
  String executor = JobSpec.DEFAULT_ALIAS;
  boolean replaceExisting;

  /**
   * An unmodifiable copy that keeps the caller's order and null values; a {@code Map.of} or {@code
   * Map.copyOf} map, which cannot change, as it is.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> immutableCopy(Map<String, ?> options) {
    return options.getClass() == MAP_OF_ONE || options.getClass() == MAP_OF_N
        ? (Map<String, Object>) options
        : Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** Returns a copy to change. */
  SpecOptions copy() {
    SpecOptions copy = new SpecOptions();
    copy.name = name;
    copy.taskRef = taskRef;
    copy.args = args;
    copy.kwargs = kwargs;
    copy.triggerAlias = triggerAlias;
    copy.triggerOptions = triggerOptions;
    copy.misfireGraceTimeIsSet = misfireGraceTimeIsSet;
    copy.misfireGraceTime = misfireGraceTime;
    copy.coalesce = coalesce;
    copy.maxInstances = maxInstances;
    copy.nextRunTimeIsSet = nextRunTimeIsSet;
    copy.nextRunTime = nextRunTime;
    copy.jobStore = jobStore;
    copy.executor = executor;
    copy.replaceExisting = replaceExisting;
    return copy;
  }
}
