package io.scheduler;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStores;
import io.scheduler.store.memory.MemoryJobStore;
import io.scheduler.trigger.Trigger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of DESIGN §1 and STYLE.md, checked on the compiled core. */
class ArchitectureTest {

  private static JavaClasses core;

  /** One slice per package, the root package {@code io.scheduler} included. */
  private static final SliceAssignment EACH_PACKAGE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
          return "each package of io.scheduler";
        }
      };

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
  void packagesHaveNoCyclesIncludingTheRootPackage() {
    // The one sanctioned edge from an SPI package into an implementation: the factory of the
    // built-in memory store (JobStores.memory() is a public entry point of DESIGN section 2).
    slices()
        .assignedFrom(EACH_PACKAGE)
        .should()
        .beFreeOfCycles()
        .ignoreDependency(JobStores.class, MemoryJobStore.class)
        .check(core);
  }

  @Test
  void theEngineIsReachedOnlyThroughTheFacades() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "io.scheduler", "io.scheduler.testing", "io.scheduler.internal.engine")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.scheduler.internal.engine")
        .check(core);
  }

  @Test
  void onlyTheTestKitBuildsASchedulerFromTheEngine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.scheduler.testing")
        .should()
        .callMethod(SchedulerBuilder.class, "forEngine", Function.class, Supplier.class)
        .check(core);
  }

  @Test
  void theApiPackageHasNoAbstractClasses() {
    noClasses()
        .that()
        .resideInAnyPackage("io.scheduler", "io.scheduler.testing")
        .and()
        .areNotInterfaces()
        .should()
        .haveModifier(JavaModifier.ABSTRACT)
        .andShould()
        .bePublic()
        .check(core);
  }

  @Test
  void theEngineKnowsTriggersAndStoresOnlyByTheirInterfaces() {
    noClasses()
        .that()
        .resideInAPackage("io.scheduler.internal.engine")
        .should()
        .dependOnClassesThat(
            assignableTo(Trigger.class).or(assignableTo(JobStore.class)).and(not(INTERFACES)))
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
