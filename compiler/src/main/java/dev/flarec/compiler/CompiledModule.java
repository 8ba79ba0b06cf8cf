package dev.flarec.compiler;

import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.instance.Module;
import java.util.Map;

/**
 * The output of the compiler for one Wasm module: the generated class files and the module
 * descriptor. {@link #load()} defines them in memory; {@code jar.JarWriter} writes them to a
 * runnable JAR.
 */
public final class CompiledModule {
  private final ModuleDescriptor descriptor;
  private final Map<String, byte[]> classFiles;
  private Module loaded;

  public CompiledModule(ModuleDescriptor descriptor, Map<String, byte[]> classFiles) {
    this.descriptor = descriptor;
    this.classFiles = Map.copyOf(classFiles);
  }

  public ModuleDescriptor descriptor() {
    return descriptor;
  }

  /** Generated class files by binary class name. */
  public Map<String, byte[]> classFiles() {
    return classFiles;
  }

  /** The module, defined in a class loader of its own (once; later calls return the same). */
  public synchronized Module load() {
    if (loaded == null) {
      loaded = Module.define(descriptor, classFiles);
    }
    return loaded;
  }
}
