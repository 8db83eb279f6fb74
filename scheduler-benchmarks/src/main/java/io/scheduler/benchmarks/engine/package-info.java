/**
 * Engine benchmark harness: the same workloads against several in-process schedulers, each
 * contender in a fresh JVM. {@link io.scheduler.benchmarks.engine.EngineBenchmarks} is the entry
 * point.
 */
@NullMarked
package io.scheduler.benchmarks.engine;

import org.jspecify.annotations.NullMarked;
