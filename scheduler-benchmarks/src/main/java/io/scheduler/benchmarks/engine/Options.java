package io.scheduler.benchmarks.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link EngineBenchmarks}.
 *
 * @param runs how many times every (workload, contender) pair runs
 * @param workloads which workloads, in run order
 * @param contenders which contenders, in run and table order
 */
record Options(int runs, List<Workload> workloads, List<Contenders> contenders) {

  static final String USAGE =
      "usage: EngineBenchmarks [--runs 3] [--workloads W1,W2,W3] [--contenders "
          + String.join(",", Arrays.stream(Contenders.values()).map(Contenders::id).toList())
          + "]";

  /** Parses {@code --name value} pairs; every option is optional and defaults to everything. */
  static Options parse(String[] args) {
    int runs = 3;
    List<Workload> workloads = List.of(Workload.values());
    List<Contenders> contenders = List.of(Contenders.values());
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[i + 1];
      switch (name) {
        case "--runs" -> runs = runs(value);
        case "--workloads" -> workloads = split(value).stream().map(Options::workload).toList();
        case "--contenders" -> contenders = split(value).stream().map(Contenders::byId).toList();
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new Options(runs, workloads, contenders);
  }

  private static int runs(String value) {
    int runs;
    try {
      runs = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--runs must be a whole number, but was " + value, e);
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1, but was " + value);
    }
    return runs;
  }

  private static Workload workload(String name) {
    try {
      return Workload.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown workload " + name + "; known: " + Arrays.toString(Workload.values()), e);
    }
  }

  private static List<String> split(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).distinct().toList();
  }
}
