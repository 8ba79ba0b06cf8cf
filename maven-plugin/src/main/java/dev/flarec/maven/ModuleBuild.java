package dev.flarec.maven;

import dev.flarec.compiler.CompileException;
import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.ModuleClassNames;
import dev.flarec.compiler.bindings.BindingsGenerator;
import dev.flarec.compiler.bindings.BindingsSource;
import dev.flarec.runtime.descriptor.DescriptorCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Compiles one module file into a project: its class files and descriptor into the class output
 * directory (where {@code Module.load(ClassLoader, String)} finds them at run time), and, if asked,
 * its bindings into the generated sources.
 */
final class ModuleBuild {
  private final Path module;
  private final String bindingsClass;
  private final String moduleClass;
  private final int methodBudget;
  private final boolean bindings;
  private final Path classes;
  private final Path generatedSources;
  private final BuildStamp stamp;

  ModuleBuild(
      Path module,
      String className,
      int methodBudget,
      boolean bindings,
      Path classes,
      Path generatedSources,
      Path stateDirectory) {
    this.module = module;
    this.bindingsClass = className;
    this.moduleClass = bindings ? BindingsGenerator.moduleClassFor(className) : className;
    this.methodBudget = methodBudget;
    this.bindings = bindings;
    this.classes = classes;
    this.generatedSources = generatedSources;
    this.stamp = new BuildStamp(stateDirectory.resolve(className + ".stamp"));
  }

  String moduleClass() {
    return moduleClass;
  }

  /** What the outputs depend on: the module's bytes, the options, and the compiler itself. */
  private String inputs() throws MojoExecutionException {
    try {
      return BuildStamp.digest(Files.readAllBytes(module))
          + " "
          + moduleClass
          + " "
          + methodBudget
          + " "
          + (bindings ? bindingsClass : "-")
          + " "
          + BuildStamp.compilerIdentity();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + module + ": " + e.getMessage(), e);
    }
  }

  /** Whether the last build compiled these inputs and its outputs are still there. */
  boolean upToDate() throws MojoExecutionException {
    return stamp.matches(inputs());
  }

  void run() throws MojoExecutionException, MojoFailureException {
    String inputs = inputs();
    CompiledModule compiled;
    BindingsSource source = null;
    try {
      compiled = Flarec.compile(module, new CompileOptions(moduleClass, methodBudget));
      if (bindings) {
        source =
            new BindingsGenerator(
                    compiled.descriptor(), bindingsClass, module.getFileName().toString())
                .generate();
      }
    } catch (CompileException e) {
      // the command line's message: "add.wat: malformed text format, line 3, column 6: ..."
      throw new MojoFailureException(module + ": " + e.describe(), e);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    try {
      stamp.deleteOutputs(); // a function split differently leaves classes that no longer exist
      List<Path> outputs = new ArrayList<>();
      for (Map.Entry<String, byte[]> c : compiled.classFiles().entrySet()) {
        outputs.add(write(classes.resolve(c.getKey().replace('.', '/') + ".class"), c.getValue()));
      }
      outputs.add(
          write(
              classes.resolve(moduleClass.replace('.', '/') + DescriptorCodec.RESOURCE_SUFFIX),
              DescriptorCodec.encode(compiled.descriptor())));
      if (source != null) {
        outputs.add(source.writeTo(generatedSources));
      }
      stamp.record(inputs, outputs);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot write the classes of " + module + ": " + e.getMessage(), e);
    }
  }

  private static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  /**
   * {@code my-lib.wasm} → {@code MyLib}: letters and digits kept, anything else separates words, as
   * the command line names classes.
   */
  static String classNameFromFile(String fileName) {
    return ModuleClassNames.simpleNameOf(fileName);
  }
}
