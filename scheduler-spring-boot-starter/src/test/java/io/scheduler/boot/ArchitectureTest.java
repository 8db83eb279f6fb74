package io.scheduler.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.scheduler.boot.autoconfigure.SchedulerAutoConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The starter's share of STYLE.md's architecture rules, checked on its compiled classes. */
class ArchitectureTest {

  private static JavaClasses starter;

  @BeforeAll
  static void importStarter() {
    // Only the starter's main classes (its output directory), not the whole class path.
    starter =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrl(
                SchedulerAutoConfiguration.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation());
  }

  @Test
  void autoConfigurationsArePublicAndFinal() {
    classes()
        .that()
        .areAnnotatedWith(AutoConfiguration.class)
        .should()
        .bePublic()
        .andShould()
        .haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
        .check(starter);
  }

  @Test
  void postProcessorBeanMethodsAreStatic() {
    methods()
        .that()
        .areAnnotatedWith(Bean.class)
        .and()
        .haveRawReturnType(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "a bean or bean factory post-processor",
                type ->
                    type.isAssignableTo(BeanPostProcessor.class)
                        || type.isAssignableTo(BeanFactoryPostProcessor.class)))
        .should()
        .beStatic()
        .allowEmptyShould(true)
        .check(starter);
  }

  @Test
  void classConditionsAreNeverOnBeanMethods() {
    noMethods()
        .that()
        .areAnnotatedWith(Bean.class)
        .should()
        .beAnnotatedWith(ConditionalOnClass.class)
        .allowEmptyShould(true)
        .check(starter);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.scheduler.boot.(*)..").should().beFreeOfCycles().check(starter);
  }

  @Test
  void theCoresInternalsStayInTheCore() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.scheduler.internal..")
        .check(starter);
  }
}
