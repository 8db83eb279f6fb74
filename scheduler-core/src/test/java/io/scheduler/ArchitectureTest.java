package io.scheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.scheduler.store.JobStores;
import io.scheduler.store.memory.MemoryJobStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of DESIGN §1 and STYLE.md, checked on the compiled core. */
class ArchitectureTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.scheduler");
  }

  @Test
  void coreDependsOnNeitherSpringNorMicrometer() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "io.micrometer..")
        .check(core);
  }

  @Test
  void packagesHaveNoCycles() {
    // The one sanctioned edge from an SPI package into an implementation: the factory of the
    // built-in memory store (JobStores.memory() is a public entry point of DESIGN section 2).
    slices()
        .matching("io.scheduler.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(JobStores.class, MemoryJobStore.class)
        .check(core);
  }

  @Test
  void theExceptionPackageIsALeaf() {
    noClasses()
        .that()
        .resideInAPackage("io.scheduler.exception")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.scheduler.trigger..", "io.scheduler.internal..")
        .check(core);
  }

  @Test
  void noJavaSerialization() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.ObjectInputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.ObjectOutputStream")
        .check(core);
  }
}
