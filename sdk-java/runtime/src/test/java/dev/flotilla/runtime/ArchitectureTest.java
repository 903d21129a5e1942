package dev.flotilla.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering in CONVENTIONS.md: the public API depends only on the JDK, and never on an
 * implementation ({@code internal}) package. The API classes come from flotilla-sdk-api on this
 * module's class path; only they are imported, their dependencies need not be.
 */
@AnalyzeClasses(packages = "dev.flotilla.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule apiDependsOnlyOnJdkAndItself =
      classes()
          .that()
          .resideInAPackage("dev.flotilla.api..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "dev.flotilla.api..")
          .because("flotilla-sdk-api has no dependencies; the runtime is found via ServiceLoader");

  @ArchTest
  static final ArchRule apiNeverDependsOnInternal =
      noClasses()
          .that()
          .resideInAPackage("dev.flotilla.api..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..internal..")
          .because("anything under internal is not public API");
}
