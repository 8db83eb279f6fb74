/** Ties the scheduler to the Spring application context's lifecycle. */
@NullMarked
package io.scheduler.boot.lifecycle;

import org.jspecify.annotations.NullMarked;
