package io.scheduler.store;

import io.scheduler.exception.JobStoreException;
import io.scheduler.internal.Json;
import io.scheduler.internal.JsonValues;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.TriggerJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form in which persistent stores keep a job (never Java serialization). The next run time
 * is not part of it: stores keep it beside the JSON, where they can index it.
 *
 * <pre>{@code
 * {"format":1,"id":"report","name":"Daily report","task":"com.example.Reports::daily",
 *  "trigger":{"type":"cron","hour":"5","timezone":"Europe/Berlin"},
 *  "args":["eu"],"kwargs":{"dryRun":false},
 *  "misfire_grace_time":"PT1S","coalesce":"LATEST","max_instances":1,"executor":"default"}
 * }</pre>
 *
 * A persistent job names its task by {@link TaskRef}, its trigger is one of the built-in triggers
 * (in {@link TriggerJson}'s form) and its args and kwargs are JSON values; they come back as JSON
 * types (strings, numbers, booleans, lists, maps), which the task resolver converts to the task's
 * parameter types. A {@code misfire_grace_time} of {@code null} means unlimited.
 */
public final class JobJson {

  /** The version written in {@code "format"}; readers refuse versions they do not know. */
  public static final int FORMAT_VERSION = 1;

  private static final int TASK_REF_CACHE_SIZE = 4_096;
  private static final Map<String, TaskRef> TASK_REFS = new ConcurrentHashMap<>();

  private JobJson() {}

  /**
   * Writes a job as JSON, checking that it can be stored.
   *
   * @param job the job
   * @return its JSON form
   * @throws IllegalArgumentException naming the job when its task is code rather than a {@link
   *     TaskRef}, its trigger is not a built-in one, or an arg or kwarg has no JSON form
   */
  public static String toJson(Job job) {
    Optional<TaskRef> taskRef = job.taskRef();
    if (taskRef.isEmpty()) {
      throw new IllegalArgumentException(
          "job '"
              + job.id()
              + "' cannot be stored in a persistent job store: its task is code (a Runnable,"
              + " Callable or lambda); give it as a TaskRef such as 'com.example.Reports::daily' or"
              + " 'bean:reports#daily'");
    }
    TaskRef ref = taskRef.get();
    try {
      return JobJsonWriter.write(job, ref);
    } catch (JobJsonWriter.Unwritable e) {
      return checkedJson(job, ref);
    }
  }

  /**
   * The general way: checks every arg and kwarg, naming the first that has no JSON form, then
   * writes the job as a map through the shared mapper.
   */
  static String checkedJson(Job job, TaskRef ref) {
    Map<String, Object> trigger;
    try {
      trigger = TriggerJson.toMap(job.trigger());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "job '" + job.id() + "' cannot be stored in a persistent job store: " + e.getMessage(),
          e);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT_VERSION);
    json.put("id", job.id());
    json.put("name", job.name());
    json.put("task", ref.value());
    json.put("trigger", trigger);
    List<Object> args = job.args();
    for (int i = 0; i < args.size(); i++) {
      checkRepresentable(job, "args[" + i + "]", args.get(i));
    }
    json.put("args", args);
    for (Map.Entry<String, Object> kwarg : job.kwargs().entrySet()) {
      checkRepresentable(job, "kwargs['" + kwarg.getKey() + "']", kwarg.getValue());
    }
    json.put("kwargs", job.kwargs());
    json.put("misfire_grace_time", job.misfireGraceTime().map(Duration::toString).orElse(null));
    json.put("coalesce", job.coalesce().name());
    json.put("max_instances", job.maxInstances());
    json.put("executor", job.executor());
    return Json.write(json);
  }

  /**
   * Reads a job from its JSON form, resolving its task.
   *
   * @param json the job's JSON form
   * @param nextRunTime the next run time stored beside it, or {@code null} when paused
   * @param context the store's context: its alias becomes the job's store, its time zone and task
   *     resolver rebuild trigger and task
   * @return the job
   * @throws JobStoreException naming the job (when the JSON has an id) and what is wrong, when the
   *     JSON is corrupt, of an unknown format, or its task cannot be resolved
   */
  public static Job fromJson(String json, @Nullable Instant nextRunTime, JobStoreContext context) {
    Object parsed;
    try {
      parsed = Json.read(json);
    } catch (IllegalArgumentException e) {
      throw new JobStoreException(
          "a job in job store '"
              + context.alias()
              + "' has corrupt data (not a JSON object): "
              + e.getMessage(),
          e);
    }
    if (parsed != null && !(parsed instanceof Map<?, ?>)) {
      throw new JobStoreException(
          "a job in job store '"
              + context.alias()
              + "' has corrupt data (not a JSON object): "
              + json);
    }
    Map<?, ?> map = (Map<?, ?>) parsed;
    Object id = map == null ? null : map.get("id");
    String name = "job '" + id + "' in job store '" + context.alias() + "'";
    if (!(id instanceof String jobId) || jobId.isBlank()) {
      throw new JobStoreException(
          "a job in job store '" + context.alias() + "' has no id in its data: " + json);
    }
    try {
      Object format = map.get("format");
      if (!Integer.valueOf(FORMAT_VERSION).equals(format)) {
        throw new IllegalArgumentException(
            "format is " + format + ", but this version reads format " + FORMAT_VERSION);
      }
      TaskRef ref = taskRef(string(map, "task"));
      Trigger trigger = TriggerJson.fromMap(object(map, "trigger"), context.timezone());
      List<Object> args = new ArrayList<>(list(map, "args"));
      Map<String, Object> kwargs = new LinkedHashMap<>();
      object(map, "kwargs").forEach((key, value) -> kwargs.put(String.valueOf(key), value));
      Object grace = map.get("misfire_grace_time");
      JobSpec spec =
          JobSpec.builder()
              .id(jobId)
              .name(string(map, "name"))
              .task(ref)
              .trigger(trigger)
              .args(args)
              .kwargs(kwargs)
              .misfireGraceTime(grace == null ? null : Duration.parse(String.valueOf(grace)))
              .coalesce(CoalescePolicy.valueOf(string(map, "coalesce")))
              .maxInstances(((Number) map.get("max_instances")).intValue())
              .executor(string(map, "executor"))
              .jobStore(context.alias())
              .build();
      return context.jobFactory().create(spec, nextRunTime);
    } catch (RuntimeException e) {
      throw new JobStoreException(name + " cannot be loaded: " + e.getMessage(), e);
    }
  }

  /**
   * Returns whether two snapshots of a job have the same JSON form, the next run time aside (as
   * {@link Job#withNextRunTime} makes them), so a store need not write the JSON again. Compares
   * references first: snapshots made from one another share their trigger, args and kwargs.
   *
   * @param a a snapshot
   * @param b another snapshot
   * @return whether {@link #toJson} writes the same for both
   */
  public static boolean sameStoredForm(Job a, Job b) {
    return a == b
        || (a.id().equals(b.id())
            && a.name().equals(b.name())
            && a.taskRef().equals(b.taskRef())
            && (a.trigger() == b.trigger() || a.trigger().equals(b.trigger()))
            && (a.args() == b.args() || a.args().equals(b.args()))
            && (a.kwargs() == b.kwargs() || a.kwargs().equals(b.kwargs()))
            && a.misfireGraceTime().equals(b.misfireGraceTime())
            && a.coalesce() == b.coalesce()
            && a.maxInstances() == b.maxInstances()
            && a.executor().equals(b.executor()));
  }

  /**
   * Returns whether two snapshots of a job have the same stored form ({@link #sameStoredForm}) and
   * the same next run time: nothing a store keeps differs.
   *
   * @param a a snapshot
   * @param b another snapshot
   * @return whether a store keeps the same for both
   */
  public static boolean sameState(Job a, Job b) {
    return a == b || (sameStoredForm(a, b) && a.nextRunTime().equals(b.nextRunTime()));
  }

  /** The reference, checked once per distinct text (jobs share a few task references). */
  private static TaskRef taskRef(String text) {
    TaskRef ref = TASK_REFS.get(text);
    if (ref == null) {
      ref = TaskRef.of(text);
      if (TASK_REFS.size() < TASK_REF_CACHE_SIZE) {
        TASK_REFS.put(text, ref);
      }
    }
    return ref;
  }

  private static void checkRepresentable(Job job, String what, @Nullable Object value) {
    String problem = JsonValues.problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(
          "job '" + job.id() + "' cannot be stored in a persistent job store: " + what + problem);
    }
  }

  private static String string(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("'" + key + "' must be a string, but was " + value);
    }
    return text;
  }

  private static Map<?, ?> object(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof Map<?, ?> object)) {
      throw new IllegalArgumentException("'" + key + "' must be an object, but was " + value);
    }
    return object;
  }

  private static List<?> list(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("'" + key + "' must be an array, but was " + value);
    }
    return list;
  }
}
