package dev.flarec.compiler.jar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.runtime.instance.Instance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageTreeTest {
  private static final Map<String, String> FILES =
      Map.of(
          "lib/A.class", "a",
          "META-INF/versions/24/lib/A.class", "a for Java 24",
          "META-INF/versions/24/other/C.class", "c for Java 24",
          "lib/inner/B.class", "b",
          "lib/res.txt", "r",
          "other/C.class", "c",
          "libx/D.class", "d");

  @TempDir Path dir;

  @Test
  void readsADirectoryOfClasses() throws IOException {
    Path classes = dir.resolve("classes");
    for (Map.Entry<String, String> f : FILES.entrySet()) {
      Path file = classes.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue());
    }
    assertTree(PackageTree.read(classes, "lib/"));
  }

  @Test
  void readsAJar() throws IOException {
    Path jar = dir.resolve("lib.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry("lib/"));
      for (Map.Entry<String, String> f : FILES.entrySet()) {
        out.putNextEntry(new ZipEntry(f.getKey()));
        out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    assertTree(PackageTree.read(jar, "lib/"));
  }

  @Test
  void findsTheRuntimeThisCompilerRunsWith() {
    SortedMap<String, byte[]> runtime = PackageTree.of(Instance.class, "dev/flarec/runtime/");
    assertTrue(runtime.containsKey("dev/flarec/runtime/instance/Instance.class"));
    // the memory accesses of Java 24 and later, through VarHandles instead of Unsafe
    assertTrue(
        runtime.containsKey("META-INF/versions/24/dev/flarec/runtime/memory/MemoryAccess.class"));
    assertTrue(PackageTree.isMultiRelease(runtime));
    assertTrue(
        runtime.keySet().stream()
            .allMatch(
                n ->
                    n.startsWith("dev/flarec/runtime/")
                        || n.startsWith("META-INF/versions/24/dev/flarec/runtime/")));
  }

  @Test
  void anEmptyTreeIsAnError() {
    assertThrows(IllegalStateException.class, () -> PackageTree.read(dir, "nothing/"));
  }

  private static void assertTree(SortedMap<String, byte[]> tree) {
    assertEquals(
        List.of(
            "META-INF/versions/24/lib/A.class", "lib/A.class", "lib/inner/B.class", "lib/res.txt"),
        List.copyOf(tree.keySet()));
    assertArrayEquals("b".getBytes(StandardCharsets.UTF_8), tree.get("lib/inner/B.class"));
    assertArrayEquals(
        "a for Java 24".getBytes(StandardCharsets.UTF_8),
        tree.get("META-INF/versions/24/lib/A.class"));
  }
}
