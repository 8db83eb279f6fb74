package io.scheduler.job;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Resolves {@code com.example.Type::method} references to public static methods, binding args and
 * kwargs by {@link MethodBinding}'s rules.
 */
final class StaticMethodTaskResolver implements TaskResolver {

  // A type's public static methods by name, looked up once per type (stores resolve the task of
  // every job they load); ClassValue keeps no class loader alive.
  private static final ClassValue<Map<String, List<Method>>> STATIC_METHODS =
      new ClassValue<>() {
        @Override
        protected Map<String, List<Method>> computeValue(Class<?> type) {
          Map<String, List<Method>> byName = new HashMap<>();
          for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
              byName.computeIfAbsent(method.getName(), name -> new ArrayList<>()).add(method);
            }
          }
          byName.replaceAll((name, methods) -> List.copyOf(methods));
          return Map.copyOf(byName);
        }
      };

  /** The most references without arguments whose task is kept. */
  private static final int KEPT_TASKS = 256;

  // A reference without args and kwargs resolves to the same task every time it is resolved through
  // the same class loader: kept, so adding and loading many jobs of one task look it up once. At
  // most KEPT_TASKS; cleared when full. Keyed by the reference text (its String hash needs no
  // bootstrap of a record's hashCode on a cold path).
  private final Map<String, KeptTask> keptTasks = new ConcurrentHashMap<>();

  /** A reference's task, and the class loader it was resolved through. */
  private record KeptTask(ClassLoader loader, Task task) {}

  @Override
  public Task resolve(TaskRef ref, List<Object> args, Map<String, Object> kwargs) {
    if (ref.isBean()) {
      throw new IllegalArgumentException(
          "taskRef '"
              + ref
              + "' names a Spring bean; bean references are resolved by"
              + " scheduler-spring-boot-starter");
    }
    ClassLoader loader = classLoader();
    boolean withoutArguments = args.isEmpty() && kwargs.isEmpty();
    if (withoutArguments) {
      @Nullable KeptTask kept = keptTasks.get(ref.value());
      if (kept != null && kept.loader == loader) {
        return kept.task;
      }
    }
    Class<?> type = loadClass(ref, loader);
    List<Method> candidates = STATIC_METHODS.get(type).getOrDefault(ref.method(), List.of());
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException(
          "taskRef '"
              + ref
              + "': "
              + type.getName()
              + " has no public static method '"
              + ref.method()
              + "'");
    }
    Task task = MethodBinding.resolve(ref, candidates, args, kwargs).task(null);
    if (withoutArguments) {
      if (keptTasks.size() >= KEPT_TASKS) {
        keptTasks.clear();
      }
      keptTasks.put(ref.value(), new KeptTask(loader, task));
    }
    return task;
  }

  /** The thread's context class loader, or this library's. */
  private static ClassLoader classLoader() {
    @Nullable ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : StaticMethodTaskResolver.class.getClassLoader();
  }

  private static Class<?> loadClass(TaskRef ref, ClassLoader loader) {
    try {
      return Class.forName(ref.target(), true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          "taskRef '" + ref + "': class " + ref.target() + " cannot be loaded (" + e + ")", e);
    }
  }
}
