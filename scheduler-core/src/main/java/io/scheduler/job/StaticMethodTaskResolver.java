package io.scheduler.job;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code com.example.Type::method} references to public static methods, binding args and
 * kwargs by {@link MethodBinding}'s rules.
 */
final class StaticMethodTaskResolver implements TaskResolver {

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
    List<Method> candidates = new ArrayList<>();
    for (Method method : type.getMethods()) {
      if (method.getName().equals(ref.method()) && Modifier.isStatic(method.getModifiers())) {
        candidates.add(method);
      }
    }
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
