/**
 * The real database and Redis servers of the integration tests, and a TCP proxy that cuts them off
 * for fault tests (shipped in the test jar).
 */
@NullMarked
package io.scheduler.testservers;

import org.jspecify.annotations.NullMarked;
