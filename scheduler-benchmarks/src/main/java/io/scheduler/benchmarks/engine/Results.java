package io.scheduler.benchmarks.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcomes of all child runs, and their summary as markdown: one table per workload, one row
 * per contender, each cell the median over the successful runs followed by the minimum and maximum
 * when there were several.
 */
final class Results {

  private final Options options;
  private final Map<Workload, Map<Contenders, List<Outcome>>> outcomes =
      new EnumMap<>(Workload.class);
  private final List<String> failures = new ArrayList<>();

  Results(Options options) {
    this.options = options;
  }

  /** Records the outcome of {@code contender} on {@code workload} in run {@code run}. */
  void add(int run, Workload workload, Contenders contender, Outcome outcome) {
    outcomes
        .computeIfAbsent(workload, w -> new EnumMap<>(Contenders.class))
        .computeIfAbsent(contender, c -> new ArrayList<>())
        .add(outcome);
    if (outcome.failure() != null) {
      failures.add(
          "run " + run + ", " + workload + ", " + contender.id() + ": " + outcome.failure());
    }
  }

  /** Whether any child run failed or timed out. */
  boolean hasFailures() {
    return !failures.isEmpty();
  }

  /** The summary tables, then the failures if there were any. */
  String markdown() {
    StringBuilder markdown = new StringBuilder();
    for (Workload workload : options.workloads()) {
      markdown.append(table(workload)).append('\n');
    }
    if (!failures.isEmpty()) {
      markdown.append("### Failures\n\n");
      failures.forEach(failure -> markdown.append("- ").append(failure).append('\n'));
      markdown.append('\n');
    }
    return markdown.toString();
  }

  private String table(Workload workload) {
    StringBuilder header = new StringBuilder("| contender | runs ok |");
    StringBuilder rule = new StringBuilder("|---|---:|");
    for (Metric metric : workload.metrics()) {
      header.append(' ').append(metric.header()).append(" |");
      rule.append("---:|");
      if (metric.versusJdk()) {
        header.append(' ').append(metric.header()).append(" vs jdk |");
        rule.append("---:|");
      }
    }
    StringBuilder table = new StringBuilder();
    table.append("### ").append(workload).append(' ').append(workload.title()).append("\n\n");
    table.append(header).append('\n').append(rule).append('\n');
    for (Contenders contender : options.contenders()) {
      List<Outcome> runs = outcomes(workload, contender);
      long ok = runs.stream().filter(outcome -> outcome.measurement() != null).count();
      table.append("| ").append(contender.id()).append(" | ");
      table.append(ok).append('/').append(runs.size()).append(" |");
      for (Metric metric : workload.metrics()) {
        List<Double> values = values(workload, contender, metric);
        table.append(' ').append(cell(metric, values)).append(" |");
        if (metric.versusJdk()) {
          table.append(' ').append(ratioToJdk(workload, metric, values)).append(" |");
        }
      }
      table.append('\n');
    }
    return table.toString();
  }

  private List<Outcome> outcomes(Workload workload, Contenders contender) {
    return outcomes.getOrDefault(workload, Map.of()).getOrDefault(contender, List.of());
  }

  /** The values the successful runs reported for {@code metric}, ascending. */
  private List<Double> values(Workload workload, Contenders contender, Metric metric) {
    return outcomes(workload, contender).stream()
        .map(Outcome::measurement)
        .filter(Objects::nonNull)
        .map(measurement -> measurement.get(metric))
        .filter(Objects::nonNull)
        .sorted()
        .toList();
  }

  private static String cell(Metric metric, List<Double> ascending) {
    Double median = median(ascending);
    if (median == null) {
      return "failed";
    }
    if (ascending.size() == 1) {
      return metric.format(median);
    }
    return metric.format(median)
        + " ("
        + metric.format(ascending.get(0))
        + " – "
        + metric.format(ascending.get(ascending.size() - 1))
        + ")";
  }

  private String ratioToJdk(Workload workload, Metric metric, List<Double> ascending) {
    Double median = median(ascending);
    Double jdk = median(values(workload, Contenders.JDK, metric));
    if (median == null || jdk == null) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f", median / jdk);
  }

  private static @Nullable Double median(List<Double> ascending) {
    int size = ascending.size();
    if (size == 0) {
      return null;
    }
    return (ascending.get((size - 1) / 2) + ascending.get(size / 2)) / 2;
  }
}
