/**
 * JMH benchmarks for scheduler-core; run from {@code target/benchmarks.jar}, never in the build.
 */
@NullMarked
package io.scheduler.benchmarks;

import org.jspecify.annotations.NullMarked;
