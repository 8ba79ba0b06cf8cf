package dev.flarec.hostabi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Which classes the configuration's two paths load: a server started without {@code --config}
 * builds its defaults in code and must not load any of Jackson (about 400 classes of start-up); one
 * reading a file does. Each case runs {@link ConfigLoader} in a class loader of its own that
 * defines flarec's and Jackson's classes itself and records every one asked of it, so that what the
 * JVM loads to verify and link {@link ConfigLoader} is seen as well as what the code runs.
 */
class ConfigLoaderClassLoadingTest {
  private static final String JACKSON = "com.fasterxml.";

  @Test
  void theDefaultsLoadNoJacksonClass() throws Exception {
    RecordingLoader loader = new RecordingLoader();
    Object config = newConfigLoader(loader);
    Object defaults = config.getClass().getMethod("defaults", String.class).invoke(config, "hello");

    assertEquals(8080, defaults.getClass().getMethod("port").invoke(defaults));
    assertTrue(
        loader.requested().contains(ConfigLoader.class.getName()), "the probe sees the loader");
    assertEquals(List.of(), loader.requested(JACKSON));
  }

  @Test
  void readingAFileLoadsJackson() throws Exception {
    RecordingLoader loader = new RecordingLoader();
    Object config = newConfigLoader(loader);
    Object loaded =
        config
            .getClass()
            .getMethod("load", String.class, String.class, String.class, Path.class)
            .invoke(config, "[server]\nport = 9000\n", "flare.toml", "hello", null);

    assertEquals(9000, loaded.getClass().getMethod("port").invoke(loaded));
    assertTrue(
        loader.requested(JACKSON).contains("com.fasterxml.jackson.dataformat.toml.TomlMapper"),
        "the probe would see Jackson: " + loader.requested(JACKSON));
  }

  private static Object newConfigLoader(ClassLoader loader) throws Exception {
    UnaryOperator<String> noEnvironment = name -> null;
    return Class.forName(ConfigLoader.class.getName(), true, loader)
        .getConstructor(UnaryOperator.class)
        .newInstance(noEnvironment);
  }

  /**
   * Defines flarec's and Jackson's classes from this test's class path itself, recording each name
   * asked of it; the JDK's come from the platform loader. A class it defines resolves the classes
   * it refers to through it, so every flarec or Jackson class loaded on their behalf, for any
   * reason, passes here.
   */
  private static final class RecordingLoader extends ClassLoader {
    private final ClassLoader source = ConfigLoaderClassLoadingTest.class.getClassLoader();
    private final Set<String> requested = ConcurrentHashMap.newKeySet();

    RecordingLoader() {
      super("recording", ClassLoader.getPlatformClassLoader());
    }

    Set<String> requested() {
      return new TreeSet<>(requested);
    }

    List<String> requested(String prefix) {
      return requested().stream().filter(n -> n.startsWith(prefix)).collect(Collectors.toList());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("dev.flarec.") && !name.startsWith(JACKSON)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          requested.add(name);
          byte[] bytes;
          try (InputStream in = source.getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            bytes = in.readAllBytes();
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
          c = defineClass(name, bytes, 0, bytes.length);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }

    @Override
    protected URL findResource(String name) {
      return source.getResource(name);
    }
  }
}
