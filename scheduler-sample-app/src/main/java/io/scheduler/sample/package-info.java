/** The sample application. */
@NullMarked
package io.scheduler.sample;

import org.jspecify.annotations.NullMarked;
