/**
 * What the benchmark harnesses share: the command line, one fresh child JVM per measurement, the
 * child's result line and the markdown tables of medians over interleaved runs. {@link
 * io.scheduler.benchmarks.engine.EngineBenchmarks} and {@link
 * io.scheduler.benchmarks.persistent.PersistentBenchmarks} are built on it.
 */
@NullMarked
package io.scheduler.benchmarks.harness;

import org.jspecify.annotations.NullMarked;
