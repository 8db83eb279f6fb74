/** Auto-configuration of the scheduler: properties, the scheduler bean, stores and executors. */
@NullMarked
package io.scheduler.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
