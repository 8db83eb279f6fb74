/**
 * Actuator support: the {@code scheduler} endpoint (list, inspect, pause, resume, run and remove
 * jobs; pause and resume the scheduler) and the scheduler's health indicator.
 */
@NullMarked
package io.scheduler.boot.actuate;

import org.jspecify.annotations.NullMarked;
