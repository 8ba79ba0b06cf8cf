package dev.flarec.hostabi.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.descriptor.DescriptorCodec;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.BundledModule;
import dev.flarec.runtime.launch.LaunchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a flare JAR finds the flare it carries: read straight from the JAR it runs from (the {@code
 * java -jar} case), or found by searching the class path; both give the same flare.
 */
class BundledFlareTest {
  private static final String CLASS_NAME = "flarec.module.BundledProbe";

  @TempDir Path dir;

  @Test
  void theLauncherReadsTheFlareFromItsOwnJar() throws IOException {
    Path jar = writeJar("hello.jar", CLASS_NAME, true);
    try (URLClassLoader loader = loaderOver(jar)) {
      BundledModule bundled = BundledModule.fromJar(jar.toFile(), loader);
      assertEquals("hello.jar", bundled.programName());
      assertEquals(CLASS_NAME, bundled.module().descriptor().className());
      assertTrue(
          bundled.module().descriptor().exports().stream()
              .anyMatch(e -> e.name().equals("handle_request")),
          "the descriptor read from the JAR is the flare's");
    }
  }

  @Test
  void readingTheJarAndSearchingTheClassPathFindTheSameFlare() throws Exception {
    Path jar = writeJar("hello.jar", CLASS_NAME, true);
    try (URLClassLoader loader = loaderOver(jar)) {
      BundledFlare searched = BundledFlare.find(loader);
      BundledModule read = BundledModule.fromJar(jar.toFile(), loader);
      assertEquals(searched.jarName(), read.programName());
      assertEquals(
          searched.module().descriptor().className(), read.module().descriptor().className());
      assertEquals(searched.module().descriptor().exports(), read.module().descriptor().exports());
    }
  }

  @Test
  void aJarWhoseManifestNamesNoFlareIsLeftToTheClassPathSearch() throws IOException {
    Path jar = writeJar("plain.jar", null, false);
    try (URLClassLoader loader = loaderOver(jar)) {
      assertNull(BundledModule.fromJar(jar.toFile(), loader));
      BundledFlare.NotAFlare e =
          assertThrows(BundledFlare.NotAFlare.class, () -> BundledFlare.find(loader));
      assertTrue(e.getMessage().startsWith("no compiled module on the class path"), e.getMessage());
    }
  }

  @Test
  void aFileThatIsNotAJarIsLeftToTheClassPathSearch() throws IOException {
    Path notAJar = Files.writeString(dir.resolve("notes.jar"), "not a zip file");
    assertNull(BundledModule.fromJar(notAJar.toFile(), getClass().getClassLoader()));
  }

  @Test
  void aJarMissingItsDescriptorIsReportedAsDamaged() throws IOException {
    Path jar = writeJar("hello.jar", CLASS_NAME, false);
    try (URLClassLoader loader = loaderOver(jar)) {
      LaunchException e =
          assertThrows(LaunchException.class, () -> BundledModule.fromJar(jar.toFile(), loader));
      assertEquals(
          "hello.jar is damaged: no compiled module "
              + CLASS_NAME
              + " (missing flarec/module/BundledProbe"
              + DescriptorCodec.RESOURCE_SUFFIX
              + ")",
          e.getMessage());
    }
  }

  /**
   * A JAR laid out as flarec writes one: the compiled probe flare's classes, its descriptor when
   * {@code withDescriptor}, and a manifest naming {@code moduleClass} (none when null).
   */
  private Path writeJar(String name, String moduleClass, boolean withDescriptor)
      throws IOException {
    byte[] wasm;
    try (InputStream in = getClass().getResourceAsStream("/flares/server/probe.wasm")) {
      wasm = in.readAllBytes();
    }
    CompiledModule compiled = Flarec.compile(wasm, new CompileOptions(CLASS_NAME));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (moduleClass != null) {
      manifest.getMainAttributes().putValue(Module.MANIFEST_ATTRIBUTE, moduleClass);
    }
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Map.Entry<String, byte[]> c : compiled.classFiles().entrySet()) {
        out.putNextEntry(new JarEntry(c.getKey().replace('.', '/') + ".class"));
        out.write(c.getValue());
      }
      if (withDescriptor) {
        out.putNextEntry(new JarEntry(Module.descriptorResource(CLASS_NAME)));
        out.write(DescriptorCodec.encode(compiled.descriptor()));
      }
    }
    return jar;
  }

  private URLClassLoader loaderOver(Path jar) throws IOException {
    return new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
  }
}
