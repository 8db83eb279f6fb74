package io.scheduler.benchmarks.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcomes of all runs, and their summary as markdown: one table per workload, one row per
 * contender, each cell the median over the runs that produced the number, followed by the minimum
 * and maximum when there were several. "runs ok" counts the runs without a failure.
 *
 * @param <W> the workload type
 * @param <C> the contender type
 */
public final class Results<W extends WorkloadInfo, C extends ContenderInfo> {

  private final Options<W, C> options;
  private final Baseline<C> baseline;
  private final Map<W, Map<C, List<Outcome>>> outcomes = new HashMap<>();
  private final List<String> failures = new ArrayList<>();

  /**
   * Creates empty results.
   *
   * @param options the workloads and contenders, in table order
   * @param baseline what the ratio columns divide by
   */
  public Results(Options<W, C> options, Baseline<C> baseline) {
    this.options = options;
    this.baseline = baseline;
  }

  /**
   * Records the outcome of one run.
   *
   * @param run the run number, from 1
   * @param workload the workload
   * @param contender the contender
   * @param outcome what it produced
   */
  public void add(int run, W workload, C contender, Outcome outcome) {
    outcomes
        .computeIfAbsent(workload, w -> new HashMap<>())
        .computeIfAbsent(contender, c -> new ArrayList<>())
        .add(outcome);
    if (outcome.failure() != null) {
      failures.add(
          "run " + run + ", " + workload.name() + ", " + contender.id() + ": " + outcome.failure());
    }
  }

  /**
   * Returns whether any run failed.
   *
   * @return true when a run failed, timed out or reported a problem
   */
  public boolean hasFailures() {
    return !failures.isEmpty();
  }

  /**
   * Returns the summary.
   *
   * @return the tables, then the failures if there were any
   */
  public String markdown() {
    StringBuilder markdown = new StringBuilder();
    for (W workload : options.workloads()) {
      markdown.append(table(workload)).append('\n');
    }
    if (!failures.isEmpty()) {
      markdown.append("### Failures\n\n");
      failures.forEach(failure -> markdown.append("- ").append(failure).append('\n'));
      markdown.append('\n');
    }
    return markdown.toString();
  }

  /**
   * Formats the measured values of one run for a progress line.
   *
   * @param workload the workload
   * @param outcome its outcome
   * @return {@code ok in 12.3 s, header value, ...}, or the failure
   */
  public static String progress(WorkloadInfo workload, Outcome outcome) {
    String seconds = String.format(Locale.ROOT, "%.1f s", outcome.elapsed().toMillis() / 1e3);
    Measurement measurement = outcome.measurement();
    if (measurement == null) {
      return "FAILED after " + seconds + ": " + outcome.failure();
    }
    StringBuilder progress =
        new StringBuilder(outcome.ok() ? "ok in " : "PROBLEM after ").append(seconds);
    for (Metric metric : workload.metrics()) {
      Double value = measurement.get(metric);
      progress.append(", ").append(metric.header()).append(' ');
      progress.append(value == null ? "missing" : metric.format(value));
    }
    if (!outcome.ok()) {
      progress.append(": ").append(outcome.failure());
    }
    return progress.toString();
  }

  private String table(W workload) {
    StringBuilder header = new StringBuilder("| contender | runs ok |");
    StringBuilder rule = new StringBuilder("|---|---:|");
    for (Metric metric : workload.metrics()) {
      header.append(' ').append(metric.header()).append(" |");
      rule.append("---:|");
      if (metric.versusBaseline()) {
        header.append(' ').append(metric.header()).append(" vs ").append(baseline.label());
        header.append(" |");
        rule.append("---:|");
      }
    }
    StringBuilder table = new StringBuilder();
    table.append("### ").append(workload.name()).append(' ').append(workload.title());
    table.append("\n\n").append(header).append('\n').append(rule).append('\n');
    for (C contender : options.contenders()) {
      List<Outcome> runs = outcomes(workload, contender);
      long ok = runs.stream().filter(Outcome::ok).count();
      table.append("| ").append(contender.id()).append(" | ");
      table.append(ok).append('/').append(runs.size()).append(" |");
      for (Metric metric : workload.metrics()) {
        List<Double> values = values(workload, contender, metric);
        table.append(' ').append(cell(metric, values)).append(" |");
        if (metric.versusBaseline()) {
          table.append(' ').append(ratioToBaseline(workload, metric, values)).append(" |");
        }
      }
      table.append('\n');
    }
    return table.toString();
  }

  private List<Outcome> outcomes(W workload, C contender) {
    return outcomes.getOrDefault(workload, Map.of()).getOrDefault(contender, List.of());
  }

  /** The values the runs reported for {@code metric}, ascending. */
  private List<Double> values(W workload, C contender, Metric metric) {
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

  private String ratioToBaseline(W workload, Metric metric, List<Double> ascending) {
    Double median = median(ascending);
    Double best = null;
    for (C contender : baseline.contenders()) {
      Double candidate = median(values(workload, contender, metric));
      if (candidate != null && (best == null || candidate > best)) {
        best = candidate;
      }
    }
    if (median == null || best == null) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f", median / best);
  }

  private static @Nullable Double median(List<Double> ascending) {
    int size = ascending.size();
    if (size == 0) {
      return null;
    }
    return (ascending.get((size - 1) / 2) + ascending.get(size / 2)) / 2;
  }
}
