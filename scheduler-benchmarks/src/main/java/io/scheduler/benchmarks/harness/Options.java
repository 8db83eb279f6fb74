package io.scheduler.benchmarks.harness;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A harness's command line: {@code --runs}, {@code --workloads} and {@code --contenders}, each
 * optional and defaulting to 3 runs of everything.
 *
 * @param runs how many times every (workload, contender) pair runs
 * @param workloads which workloads, in run order
 * @param contenders which contenders, in run and table order
 * @param <W> the workload type
 * @param <C> the contender type
 */
public record Options<W extends WorkloadInfo, C extends ContenderInfo>(
    int runs, List<W> workloads, List<C> contenders) {

  /** Runs when {@code --runs} is not given. */
  public static final int DEFAULT_RUNS = 3;

  /**
   * Copies the lists.
   *
   * @param runs the number of runs
   * @param workloads the workloads
   * @param contenders the contenders
   */
  public Options {
    workloads = List.copyOf(workloads);
    contenders = List.copyOf(contenders);
  }

  /**
   * Returns the usage line.
   *
   * @param program the main class's simple name
   * @param workloads every workload
   * @param contenders every contender
   * @return {@code usage: program [--runs 3] [--workloads ...] [--contenders ...]}
   */
  public static String usage(
      String program,
      List<? extends WorkloadInfo> workloads,
      List<? extends ContenderInfo> contenders) {
    return "usage: "
        + program
        + " [--runs "
        + DEFAULT_RUNS
        + "] [--workloads "
        + workloads.stream().map(WorkloadInfo::name).collect(Collectors.joining(","))
        + "] [--contenders "
        + contenders.stream().map(ContenderInfo::id).collect(Collectors.joining(","))
        + "]";
  }

  /**
   * Parses {@code --name value} pairs.
   *
   * @param args the command line
   * @param allWorkloads every workload, in the default run order
   * @param allContenders every contender, in the default table order
   * @param <W> the workload type
   * @param <C> the contender type
   * @return the options
   * @throws IllegalArgumentException naming the bad option or value
   */
  public static <W extends WorkloadInfo, C extends ContenderInfo> Options<W, C> parse(
      String[] args, List<W> allWorkloads, List<C> allContenders) {
    int runs = DEFAULT_RUNS;
    List<W> workloads = allWorkloads;
    List<C> contenders = allContenders;
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[i + 1];
      switch (name) {
        case "--runs" -> runs = runs(value);
        case "--workloads" ->
            workloads = split(value).stream().map(w -> workload(w, allWorkloads)).toList();
        case "--contenders" ->
            contenders = split(value).stream().map(c -> contender(c, allContenders)).toList();
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new Options<>(runs, workloads, contenders);
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

  /**
   * Returns the workload called {@code name}, ignoring case.
   *
   * @param name a workload's name
   * @param all the known workloads
   * @param <W> the workload type
   * @return the workload
   * @throws IllegalArgumentException naming the known workloads when none is called so
   */
  public static <W extends WorkloadInfo> W workload(String name, List<W> all) {
    for (W workload : all) {
      if (workload.name().equalsIgnoreCase(name)) {
        return workload;
      }
    }
    throw new IllegalArgumentException(
        "unknown workload "
            + name
            + "; known: "
            + all.stream().map(WorkloadInfo::name).collect(Collectors.joining(", ", "[", "]")));
  }

  private static <C extends ContenderInfo> C contender(String id, List<C> all) {
    for (C contender : all) {
      if (contender.id().equals(id)) {
        return contender;
      }
    }
    throw new IllegalArgumentException(
        "unknown contender "
            + id
            + "; known: "
            + all.stream().map(ContenderInfo::id).collect(Collectors.joining(", ")));
  }

  private static List<String> split(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).distinct().toList();
  }
}
