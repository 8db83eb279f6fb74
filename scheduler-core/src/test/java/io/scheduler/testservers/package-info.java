/** Finds the real database and Redis servers for integration tests (shipped in the test jar). */
@NullMarked
package io.scheduler.testservers;

import org.jspecify.annotations.NullMarked;
