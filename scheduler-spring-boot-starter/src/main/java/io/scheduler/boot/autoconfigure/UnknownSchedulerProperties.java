package io.scheduler.boot.autoconfigure;

import io.scheduler.boot.metrics.SchedulerMetricsProperties;
import java.beans.PropertyDescriptor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Refuses keys under {@code scheduler.} that no property of the starter reads, which would
 * otherwise be ignored: the startup fails naming the key and, when one is close, the key meant
 * ({@code scheduler.timezon}: did you mean {@code scheduler.timezone}?). Keys are compared in
 * Spring Boot's relaxed form, so kebab-case, camelCase and underscore spellings of a known key
 * pass; map keys ({@code jobstores.<alias>}, {@code executors.<alias>}, {@code jobs.<id>}) are
 * free, their sub-keys are checked, and the values of free-form maps and lists ({@code
 * trigger-options}, {@code kwargs}, {@code args}) are not. Environment variables are not checked:
 * the environment of a process holds variables of other programs too (Spring Boot's unknown-field
 * check skips them likewise).
 */
final class UnknownSchedulerProperties {

  private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("scheduler");

  private static final Node ROOT =
      Node.of(SchedulerProperties.class).with("metrics", Node.of(SchedulerMetricsProperties.class));

  private UnknownSchedulerProperties() {}

  /**
   * Checks every {@code scheduler.*} key of the environment's property sources.
   *
   * @param environment the application's environment
   * @throws InvalidSchedulerPropertyException naming the first unknown key
   */
  static void check(Environment environment) {
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (!(source instanceof IterableConfigurationPropertySource names)
          || isEnvironmentVariables(source.getUnderlyingSource())) {
        continue;
      }
      for (ConfigurationPropertyName name : names) {
        if (PREFIX.isAncestorOf(name)) {
          String problem = ROOT.check(name, 1);
          if (problem != null) {
            ConfigurationProperty property = source.getConfigurationProperty(name);
            throw new InvalidSchedulerPropertyException(
                name.toString(),
                property != null ? property.getValue() : null,
                "a key the scheduler reads (" + problem + ")",
                name + " is not a scheduler property; " + problem,
                null);
          }
        }
      }
    }
  }

  private static boolean isEnvironmentVariables(@Nullable Object source) {
    return source instanceof SystemEnvironmentPropertySource;
  }

  /** The keys below one point of the property tree. */
  private static final class Node {
    // Known keys by their uniform form (lower case, letters and digits), with their kebab form.
    private final Map<String, Node> children = new LinkedHashMap<>();
    private final Map<String, String> spelled = new LinkedHashMap<>();
    // For a map of property groups: the node of each entry (the next element is a free key).
    private @Nullable Node entries;
    // Anything below is accepted (free-form maps and lists).
    private boolean open;

    static Node of(Class<?> type) {
      Node node = new Node();
      for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
        if (property.getReadMethod() == null || property.getName().equals("class")) {
          continue;
        }
        ResolvableType valueType = ResolvableType.forMethodReturnType(property.getReadMethod());
        node.with(dashed(property.getName()), nodeFor(valueType));
      }
      return node;
    }

    /** {@code tablePrefix} as {@code table-prefix}. */
    private static String dashed(String javaName) {
      StringBuilder dashed = new StringBuilder(javaName.length() + 4);
      for (char c : javaName.toCharArray()) {
        if (Character.isUpperCase(c)) {
          dashed.append('-').append(Character.toLowerCase(c));
        } else {
          dashed.append(c);
        }
      }
      return dashed.toString();
    }

    private static Node nodeFor(ResolvableType type) {
      Class<?> raw = type.resolve(Object.class);
      Node node = new Node();
      if (Map.class.isAssignableFrom(raw)) {
        Class<?> values = type.asMap().getGeneric(1).resolve(Object.class);
        if (isGroup(values)) {
          node.entries = of(values);
        } else {
          node.open = true;
        }
      } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
        node.open = true;
      } else if (isGroup(raw)) {
        return of(raw);
      }
      return node;
    }

    /** Whether a type is a group of the starter's properties (not a value such as an enum). */
    private static boolean isGroup(Class<?> type) {
      return !type.isEnum() && type.getName().startsWith("io.scheduler.boot.");
    }

    Node with(String kebabName, Node child) {
      String uniform = ConfigurationPropertyName.of(kebabName).getElement(0, Form.UNIFORM);
      children.put(uniform, child);
      spelled.put(uniform, kebabName);
      return this;
    }

    /** Returns what is wrong with {@code name} from element {@code index} on, or null. */
    @Nullable String check(ConfigurationPropertyName name, int index) {
      if (open || index >= name.getNumberOfElements()) {
        return null;
      }
      if (entries != null) {
        return entries.check(name, index + 1);
      }
      Node child = children.get(name.getElement(index, Form.UNIFORM));
      if (child == null) {
        return suggest(name, index);
      }
      return child.check(name, index + 1);
    }

    private String suggest(ConfigurationPropertyName name, int index) {
      String parent = name.chop(index).toString();
      if (spelled.isEmpty()) {
        return parent + " takes no sub-keys";
      }
      String element = name.getElement(index, Form.UNIFORM);
      String closest = null;
      int best = Integer.MAX_VALUE;
      for (Map.Entry<String, String> known : spelled.entrySet()) {
        int distance = distance(element, known.getKey());
        if (distance < best) {
          best = distance;
          closest = known.getValue();
        }
      }
      if (closest != null && best <= Math.max(2, element.length() / 3)) {
        return "did you mean " + parent + "." + closest + "?";
      }
      StringJoiner keys = new StringJoiner(", ", parent + " takes: ", "");
      spelled.values().forEach(keys::add);
      return keys.toString();
    }

    /** The Levenshtein distance of two texts. */
    private static int distance(String a, String b) {
      int[] previous = new int[b.length() + 1];
      int[] current = new int[b.length() + 1];
      for (int j = 0; j <= b.length(); j++) {
        previous[j] = j;
      }
      for (int i = 1; i <= a.length(); i++) {
        current[0] = i;
        for (int j = 1; j <= b.length(); j++) {
          int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
          current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
        }
        int[] swap = previous;
        previous = current;
        current = swap;
      }
      return previous[b.length()];
    }
  }
}
