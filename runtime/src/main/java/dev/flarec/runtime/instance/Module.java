package dev.flarec.runtime.instance;

import dev.flarec.runtime.descriptor.DescriptorCodec;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.memory.Memory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * A compiled module, ready to instantiate: its generated class and its descriptor. Obtain one from
 * the compiler ({@code Flarec.compile}), from a JAR the compiler wrote ({@link #load(Path)}), or
 * from any class loader that holds the generated class ({@link #load(ClassLoader, String)}).
 */
public final class Module {
  /** Manifest attribute of a compiled JAR naming its module's generated class. */
  public static final String MANIFEST_ATTRIBUTE = "Flarec-Module-Class";

  private final ModuleDescriptor descriptor;
  private final Constructor<? extends Instance> constructor;

  private Module(ModuleDescriptor descriptor, Class<? extends Instance> instanceClass) {
    this.descriptor = descriptor;
    try {
      this.constructor = instanceClass.getConstructor(Linkage.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(instanceClass + " is not a flarec-generated class", e);
    }
  }

  /** Defines generated classes (binary name to class file) in a fresh class loader. */
  public static Module define(ModuleDescriptor descriptor, Map<String, byte[]> classFiles) {
    GeneratedClassLoader loader =
        new GeneratedClassLoader(classFiles, Module.class.getClassLoader());
    return new Module(descriptor, loader.instanceClass(descriptor.className()));
  }

  /** Loads the module whose generated class is {@code className} from {@code loader}. */
  public static Module load(ClassLoader loader, String className) {
    String resource = descriptorResource(className);
    byte[] descriptor;
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no compiled module " + className + " (missing " + resource + ")");
      }
      descriptor = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return load(loader, className, descriptor);
  }

  /**
   * Loads the module whose generated class is {@code className} from {@code loader}, with the
   * descriptor the caller has already read ({@code descriptorBytes}, the content of {@link
   * #descriptorResource}): a launcher that reads its own JAR saves the loader a second search.
   *
   * @throws IllegalArgumentException if the class is missing or the descriptor is damaged
   */
  public static Module load(ClassLoader loader, String className, byte[] descriptorBytes) {
    ModuleDescriptor descriptor = DescriptorCodec.decode(descriptorBytes);
    try {
      Class<?> c = Class.forName(className, true, loader);
      return new Module(descriptor, c.asSubclass(Instance.class));
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no compiled module class " + className, e);
    }
  }

  /**
   * The resource (JAR entry) name of the descriptor of the module generated as {@code className}.
   */
  public static String descriptorResource(String className) {
    return className.replace('.', '/') + DescriptorCodec.RESOURCE_SUFFIX;
  }

  /** Loads the module of a JAR written by the compiler. */
  public static Module load(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no such file: " + jar);
    }
    String className;
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes main = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
      className = main == null ? null : main.getValue(MANIFEST_ATTRIBUTE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
    if (className == null) {
      throw new IllegalArgumentException(
          jar + " is not a flarec-compiled JAR (no " + MANIFEST_ATTRIBUTE + " in its manifest)");
    }
    try {
      URLClassLoader loader =
          new URLClassLoader(new URL[] {jar.toUri().toURL()}, Module.class.getClassLoader());
      return load(loader, className);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public ModuleDescriptor descriptor() {
    return descriptor;
  }

  /** Links, instantiates and starts a new instance with no imports. */
  public Instance instantiate() {
    return instantiate(Imports.empty());
  }

  /**
   * Links {@code imports}, creates the instance, initialises its globals, applies its active
   * segments and runs its start function.
   *
   * @throws LinkException if an import is missing or does not match
   * @throws dev.flarec.runtime.trap.WasmTrap if a segment or the start function traps
   */
  public Instance instantiate(Imports imports) {
    return new Instantiator(this, imports, Memory.MAX_PAGES).instantiate();
  }

  /**
   * Like {@link #instantiate(Imports)}, with the memories this module defines capped at {@code
   * maxMemoryPages} pages whatever maximum they declare: {@code memory.grow} past the cap returns
   * -1, as it does at a declared maximum. A host uses it to bound what one instance may take (a
   * flare's memory limit). Imported memories are the exporter's and keep their own cap.
   *
   * @throws dev.flarec.runtime.trap.WasmTrap ({@code memory limit exceeded}) if a memory's initial
   *     size is already above the cap
   */
  public Instance instantiate(Imports imports, int maxMemoryPages) {
    if (maxMemoryPages < 0) {
      throw new IllegalArgumentException("maxMemoryPages must not be negative: " + maxMemoryPages);
    }
    return new Instantiator(this, imports, maxMemoryPages).instantiate();
  }

  Instance construct(Linkage linkage) {
    try {
      return constructor.newInstance(linkage);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("cannot construct " + descriptor.className(), cause);
    }
  }

  /** Class loader for classes generated in memory. */
  private static final class GeneratedClassLoader extends ClassLoader {
    private final Map<String, byte[]> classFiles;

    GeneratedClassLoader(Map<String, byte[]> classFiles, ClassLoader parent) {
      super(parent);
      this.classFiles = classFiles;
    }

    Class<? extends Instance> instanceClass(String name) {
      try {
        return loadClass(name).asSubclass(Instance.class);
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("generated class " + name + " missing", e);
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classFiles.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
