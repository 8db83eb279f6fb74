package io.scheduler.boot.discovery;

import io.scheduler.Scheduler;
import io.scheduler.boot.annotation.ScheduledJob;
import io.scheduler.job.JobSpec;
import io.scheduler.job.MethodBinding;
import io.scheduler.job.TaskRef;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EmbeddedValueResolverAware;
import org.springframework.core.Ordered;
import org.springframework.util.StringValueResolver;

/**
 * Finds {@link ScheduledJob} methods on beans, the way Spring's {@code
 * ScheduledAnnotationBeanPostProcessor} finds {@code @Scheduled} ones, and turns each into a job
 * with the task reference {@code bean:<beanName>#<method>}. Annotations are checked as beans are
 * initialized (so a bad one fails startup naming bean and method); the jobs are added to the
 * scheduler only by {@link #registerJobs(Scheduler)}, which the starter calls when the scheduler
 * starts.
 *
 * <p>Register it from a {@code static @Bean} method, as every bean post-processor.
 */
public class ScheduledJobAnnotationBeanPostProcessor
    implements BeanPostProcessor, Ordered, EmbeddedValueResolverAware, BeanFactoryAware {

  private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();
  private final Map<String, Discovered> jobs = new LinkedHashMap<>();
  private @Nullable StringValueResolver resolver;
  private @Nullable BeanFactory beanFactory;

  /** Creates the post-processor. */
  public ScheduledJobAnnotationBeanPostProcessor() {}

  @Override
  public void setEmbeddedValueResolver(StringValueResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public int getOrder() {
    return LOWEST_PRECEDENCE;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof AopInfrastructureBean) {
      return bean;
    }
    Class<?> targetClass = AopUtils.getTargetClass(bean);
    if (nonAnnotatedClasses.contains(targetClass)) {
      return bean;
    }
    Map<Method, Set<ScheduledJob>> annotated = ScheduledJobMethods.find(targetClass);
    if (annotated.isEmpty()) {
      nonAnnotatedClasses.add(targetClass);
      return bean;
    }
    annotated.forEach(
        (method, annotations) -> {
          for (ScheduledJob annotation : annotations) {
            process(annotation, annotations.size(), method, bean, beanName, targetClass);
          }
        });
    return bean;
  }

  private void process(
      ScheduledJob annotation,
      int annotationsOnMethod,
      Method method,
      Object bean,
      String beanName,
      Class<?> targetClass) {
    JobSpec spec;
    try {
      if (annotationsOnMethod > 1 && annotation.id().isEmpty()) {
        throw new IllegalArgumentException(
            "a repeated @ScheduledJob needs an explicit id on each annotation");
      }
      checkSingleton(beanName);
      TaskRef task = TaskRef.of("bean:" + beanName + "#" + method.getName());
      checkSignature(method, targetClass, bean);
      spec =
          new ScheduledJobParser(resolver)
              .parse(annotation, beanName + "." + method.getName(), task);
    } catch (IllegalArgumentException e) {
      throw new InvalidScheduledJobException(beanName, method.getName(), e.getMessage(), e);
    }
    synchronized (jobs) {
      String id = spec.id();
      Discovered existing = jobs.get(id);
      if (existing != null) {
        throw new InvalidScheduledJobException(
            beanName,
            method.getName(),
            "job id '"
                + id
                + "' is already used by @ScheduledJob method '"
                + existing.methodName
                + "' of bean '"
                + existing.beanName
                + "'; give one of them another id",
            null);
      }
      jobs.put(id, new Discovered(spec, beanName, method.getName()));
    }
  }

  private void checkSingleton(String beanName) {
    if (beanFactory instanceof ConfigurableListableBeanFactory factory
        && factory.containsBeanDefinition(beanName)
        && !factory.getMergedBeanDefinition(beanName).isSingleton()) {
      throw new IllegalArgumentException(
          "its bean must be a singleton, but has scope '"
              + factory.getMergedBeanDefinition(beanName).getScope()
              + "'");
    }
  }

  /** Only TaskContext parameters, and no other method of the name that would take the job. */
  private static void checkSignature(Method method, Class<?> targetClass, Object bean) {
    MethodBinding binding;
    try {
      binding = MethodBinding.bind(method, List.of(), Map.of());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "a @ScheduledJob method may only take TaskContext parameters, but it takes "
              + List.of(method.getParameterTypes()).stream().map(Class::getSimpleName).toList(),
          e);
    }
    List<String> others = new ArrayList<>();
    for (Method candidate : ScheduledJobMethods.named(targetClass, method.getName())) {
      if (!candidate.equals(method) && fitsWithoutArgs(candidate)) {
        others.add(MethodBinding.describe(candidate));
      }
    }
    if (!others.isEmpty()) {
      throw new IllegalArgumentException(
          "its task reference would be ambiguous: "
              + others
              + " also takes no arguments; rename one of the methods");
    }
    ScheduledJobMethods.invocable(binding.method(), bean);
  }

  private static boolean fitsWithoutArgs(Method method) {
    try {
      MethodBinding.bind(method, List.of(), Map.of());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Returns the jobs found so far, by id.
   *
   * @return the job specs, in discovery order
   */
  public Map<String, JobSpec> getJobs() {
    synchronized (jobs) {
      Map<String, JobSpec> specs = new LinkedHashMap<>();
      jobs.forEach((id, discovered) -> specs.put(id, discovered.spec));
      return Collections.unmodifiableMap(specs);
    }
  }

  /**
   * Declares every job found so far: adds it, or reconciles the stored job with its id with it
   * (what operators set, such as a pause, survives).
   *
   * @param scheduler the scheduler to add them to
   * @throws InvalidScheduledJobException when the scheduler rejects one, naming its method
   */
  public void registerJobs(Scheduler scheduler) {
    List<Discovered> snapshot;
    synchronized (jobs) {
      snapshot = List.copyOf(jobs.values());
    }
    for (Discovered job : snapshot) {
      try {
        scheduler.addJob(job.spec);
      } catch (IllegalArgumentException e) {
        throw new InvalidScheduledJobException(job.beanName, job.methodName, e.getMessage(), e);
      }
    }
  }

  private record Discovered(JobSpec spec, String beanName, String methodName) {}
}
