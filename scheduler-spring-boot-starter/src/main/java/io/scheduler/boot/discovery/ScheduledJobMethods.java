package io.scheduler.boot.discovery;

import io.scheduler.boot.annotation.ScheduledJob;
import io.scheduler.boot.annotation.ScheduledJobs;
import io.scheduler.job.MethodBinding;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the {@link ScheduledJob} methods of a class, as Spring finds {@code @Scheduled} ones, and
 * the methods a {@code bean:} task reference may mean.
 */
final class ScheduledJobMethods {

  private static final List<Class<? extends java.lang.annotation.Annotation>> ANNOTATIONS =
      List.of(ScheduledJob.class, ScheduledJobs.class);

  private ScheduledJobMethods() {}

  /** Returns the annotated methods with their (possibly repeated) annotations. */
  static Map<Method, Set<ScheduledJob>> find(Class<?> type) {
    if (!AnnotationUtils.isCandidateClass(type, ANNOTATIONS)) {
      return Map.of();
    }
    return MethodIntrospector.selectMethods(
        type,
        (MethodIntrospector.MetadataLookup<Set<ScheduledJob>>)
            method -> {
              Set<ScheduledJob> annotations =
                  AnnotatedElementUtils.getMergedRepeatableAnnotations(
                      method, ScheduledJob.class, ScheduledJobs.class);
              return annotations.isEmpty() ? null : annotations;
            });
  }

  /** The methods named {@code name} that a task reference may mean, inherited ones included. */
  static List<Method> named(Class<?> type, String name) {
    return Arrays.asList(
        ReflectionUtils.getUniqueDeclaredMethods(
            type, m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic()));
  }

  /**
   * Returns the method to invoke on {@code bean} for {@code method} of its target class: through
   * the bean's proxy when it has one, so its advice applies.
   *
   * @throws IllegalArgumentException when a proxy cannot call the method (private, or not on the
   *     proxy's interfaces)
   */
  static Method invocable(Method method, Object bean) {
    Method invocable;
    try {
      invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          MethodBinding.describe(method) + " cannot be called: " + e.getMessage(), e);
    }
    ReflectionUtils.makeAccessible(invocable);
    return invocable;
  }
}
