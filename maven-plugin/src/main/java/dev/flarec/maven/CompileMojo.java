package dev.flarec.maven;

import dev.flarec.compiler.CompileOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Compiles every {@code .wasm} and {@code .wat} file of {@link #sourceDirectory} to classes of the
 * project (in {@link #outputDirectory}, so that they land in its JAR), and writes typed bindings
 * for each as Java source, which the project's own compilation then compiles. Runs in {@code
 * generate-sources}, before the project's Java code, which may call the bindings.
 *
 * <p>{@code add.wat} gives the bindings class {@code <packageName>.Add} and the module class {@code
 * <packageName>.AddModule} (without bindings, the module class is {@code <packageName>.Add}). A
 * module that cannot be compiled fails the build with the command line's one-line message.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class CompileMojo extends AbstractMojo {
  /**
   * Where the modules are; every {@code .wasm} and {@code .wat} file directly in it is compiled.
   */
  @Parameter(defaultValue = "${project.basedir}/src/main/wasm", required = true)
  private File sourceDirectory;

  /** The package of the generated classes. */
  @Parameter(defaultValue = "flarec.module", required = true)
  private String packageName;

  /**
   * Class names (simple names, in {@link #packageName}) by module file name, for modules whose name
   * should not be derived from the file's: {@code
   * <classNames><my-lib.wasm>Lib</my-lib.wasm></classNames>}.
   */
  @Parameter private Map<String, String> classNames = Map.of();

  /** Largest bytecode of one generated method; larger functions are split. */
  @Parameter(defaultValue = "" + CompileOptions.DEFAULT_METHOD_BUDGET)
  private int methodBudget;

  /** Whether to generate typed bindings. */
  @Parameter(defaultValue = "true")
  private boolean bindings;

  /** Where the compiled classes go. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  private File outputDirectory;

  /** Where the bindings' Java source goes; added to the project's source roots. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/flarec", required = true)
  private File generatedSourcesDirectory;

  /** Where the plugin remembers what it compiled, to skip unchanged modules. */
  @Parameter(
      defaultValue = "${project.build.directory}/flarec-maven-plugin",
      required = true,
      readonly = true)
  private File stateDirectory;

  /** Skips the goal. */
  @Parameter(property = "flarec.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", required = true, readonly = true)
  private MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("flarec: skipped");
      return;
    }
    if (methodBudget < CompileOptions.MIN_METHOD_BUDGET || methodBudget > 65_535) {
      throw new MojoFailureException(
          "methodBudget must be between "
              + CompileOptions.MIN_METHOD_BUDGET
              + " and 65535 bytes, got "
              + methodBudget);
    }
    if (!SourceVersion.isName(packageName)) {
      throw new MojoFailureException(
          "packageName '" + packageName + "' is not a Java package name");
    }
    Path sources = sourceDirectory.toPath();
    if (!Files.isDirectory(sources)) {
      getLog().info("flarec: no module directory " + sources);
      return;
    }
    if (bindings) {
      project.addCompileSourceRoot(generatedSourcesDirectory.getPath());
    }
    for (Path module : modules(sources)) {
      String simpleName = simpleName(module.getFileName().toString());
      var build =
          new ModuleBuild(
              module,
              packageName + "." + simpleName,
              methodBudget,
              bindings,
              outputDirectory.toPath(),
              generatedSourcesDirectory.toPath(),
              stateDirectory.toPath());
      if (build.upToDate()) {
        getLog().info("flarec: " + module.getFileName() + " is up to date");
      } else {
        build.run();
        getLog().info("flarec: compiled " + module.getFileName() + " to " + build.moduleClass());
      }
    }
  }

  private static List<Path> modules(Path directory) throws MojoExecutionException {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> modules = new ArrayList<>();
      files
          .filter(Files::isRegularFile)
          .filter(CompileMojo::isModule)
          .sorted()
          .forEach(modules::add);
      return modules;
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  private static boolean isModule(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".wasm") || name.endsWith(".wat");
  }

  private String simpleName(String fileName) throws MojoFailureException {
    String configured = classNames.get(fileName);
    if (configured != null) {
      if (!SourceVersion.isIdentifier(configured) || SourceVersion.isKeyword(configured)) {
        throw new MojoFailureException(
            "classNames: '" + configured + "' for " + fileName + " is not a Java class name");
      }
      return configured;
    }
    return ModuleBuild.classNameFromFile(fileName);
  }
}
