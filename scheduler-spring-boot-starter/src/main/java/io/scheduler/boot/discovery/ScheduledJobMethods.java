package io.scheduler.boot.discovery;

import io.scheduler.boot.annotation.ScheduledJob;
import io.scheduler.boot.annotation.ScheduledJobs;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/** Finds the {@link ScheduledJob} methods of a class, as Spring finds {@code @Scheduled} ones. */
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
}
