package dev.flarec.compiler.cli;

import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.jar.FlareHost;
import dev.flarec.runtime.descriptor.DescriptorCodec;
import dev.flarec.runtime.launch.ExitStatus;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.jar.JarFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code flarec serve DIR}: a node serving every flare of a directory. The node is the host's
 * ({@code dev.flarec.hostabi.node.NodeMain}), loaded from the host bundle this flarec carries in a
 * class loader of its own (the compiler never links against the host); this command only lends it a
 * compiler for {@code .wasm} files, through JDK types.
 */
@Command(
    name = "serve",
    description = {
      "Serves every flare in DIR on one port: NAME.wasm (compiled when loaded) or NAME.jar, each"
          + " with its configuration NAME.toml beside it; files added, replaced or removed take"
          + " effect while it runs. 'flarec serve --help' lists its options.",
      ""
    })
final class ServeCommand implements Callable<Integer> {
  private static final String NODE_MAIN = "dev.flarec.hostabi.node.NodeMain";

  @ParentCommand private FlarecMain parent;

  @Parameters(arity = "0..*", paramLabel = "DIR [OPTIONS]", description = "The directory.")
  private List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    URL manifest =
        ServeCommand.class
            .getClassLoader()
            .getResource(FlareHost.RESOURCE_DIR + JarFile.MANIFEST_NAME);
    if (manifest == null) {
      throw new UserError(
          ExitStatus.INTERNAL_ERROR,
          "this flarec was built without the flare host; build it with the dist module",
          null);
    }
    String text = manifest.toString();
    URL host = new URL(text.substring(0, text.length() - JarFile.MANIFEST_NAME.length()));
    ClassLoader hostLoader =
        new URLClassLoader(new URL[] {host}, ClassLoader.getPlatformClassLoader());
    Thread.currentThread().setContextClassLoader(hostLoader);
    Function<Path, Map<String, byte[]>> compiler = ServeCommand::compile;
    try {
      return (Integer)
          hostLoader
              .loadClass(NODE_MAIN)
              .getMethod(
                  "run", String[].class, PrintStream.class, PrintStream.class, Function.class)
              .invoke(null, args.toArray(String[]::new), parent.out(), parent.err(), compiler);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** A .wasm file's module as the entries of its JAR: class files and descriptor. */
  private static Map<String, byte[]> compile(Path wasm) {
    CompiledModule module = ModuleInput.compile(wasm, ModuleInput.defaultClassName(wasm));
    Map<String, byte[]> entries = new HashMap<>();
    module
        .classFiles()
        .forEach((name, bytes) -> entries.put(name.replace('.', '/') + ".class", bytes));
    entries.put(
        module.descriptor().className().replace('.', '/') + DescriptorCodec.RESOURCE_SUFFIX,
        DescriptorCodec.encode(module.descriptor()));
    return entries;
  }
}
