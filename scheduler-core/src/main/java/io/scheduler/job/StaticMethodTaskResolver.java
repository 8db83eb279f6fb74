package io.scheduler.job;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  @Override
  public Task resolve(TaskRef ref, List<Object> args, Map<String, Object> kwargs) {
    if (ref.isBean()) {
      throw new IllegalArgumentException(
          "taskRef '"
              + ref
              + "' names a Spring bean; bean references are resolved by"
              + " scheduler-spring-boot-starter");
    }
    Class<?> type = loadClass(ref);
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
    return MethodBinding.resolve(ref, candidates, args, kwargs).task(null);
  }

  private static Class<?> loadClass(TaskRef ref) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      return Class.forName(
          ref.target(),
          true,
          loader != null ? loader : StaticMethodTaskResolver.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          "taskRef '" + ref + "': class " + ref.target() + " cannot be loaded (" + e + ")", e);
    }
  }
}
