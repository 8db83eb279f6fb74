/** Machinery shared inside scheduler-core; not an API, may change in any release. */
@NullMarked
package io.scheduler.internal;

import org.jspecify.annotations.NullMarked;
