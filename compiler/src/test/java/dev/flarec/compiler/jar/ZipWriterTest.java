package dev.flarec.compiler.jar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JAR writing underneath {@link JarWriter}, and the copy of stored host files. */
class ZipWriterTest {
  @TempDir Path dir;

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, byte[]> readStreaming(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(zip))) {
      for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  @Test
  void entriesReadBackThroughTheCentralDirectoryAndAsAStream() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ZipWriter zip = new ZipWriter(bytes, 65, 0);
    zip.put("a.txt", text("alpha ".repeat(100)));
    zip.put("empty", new byte[0]);
    zip.put("dir/ü.bin", new byte[] {1, 2, 3});
    zip.finish();
    Path file = Files.write(dir.resolve("t.zip"), bytes.toByteArray());
    try (ZipFile read = new ZipFile(file.toFile())) {
      assertEquals(3, read.size());
      ZipEntry a = read.getEntry("a.txt");
      assertEquals(ZipEntry.DEFLATED, a.getMethod());
      assertTrue(a.getCompressedSize() < a.getSize(), "deflated");
      assertArrayEquals(text("alpha ".repeat(100)), read.getInputStream(a).readAllBytes());
      assertArrayEquals(new byte[0], read.getInputStream(read.getEntry("empty")).readAllBytes());
      assertArrayEquals(
          new byte[] {1, 2, 3}, read.getInputStream(read.getEntry("dir/ü.bin")).readAllBytes());
      assertEquals(1980, a.getTimeLocal().getYear());
    }
    Map<String, byte[]> streamed = readStreaming(bytes.toByteArray());
    assertEquals(
        java.util.List.of("a.txt", "empty", "dir/ü.bin"), java.util.List.copyOf(streamed.keySet()));
  }

  @Test
  void storedEntriesAreCopiedWithoutBeingInflated() throws IOException {
    // a zip with one deflated and one stored entry, as the JDK writes them
    Path source = dir.resolve("source.jar");
    byte[] big = text("host class ".repeat(500));
    byte[] small = {7, 8, 9};
    try (OutputStream out = Files.newOutputStream(source);
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry("x/Big.class"));
      jar.write(big);
      JarEntry stored = new JarEntry("x/Small.class");
      stored.setMethod(ZipEntry.STORED);
      stored.setSize(small.length);
      CRC32 crc = new CRC32();
      crc.update(small);
      stored.setCrc(crc.getValue());
      jar.putNextEntry(stored);
      jar.write(small);
    }
    ZipIndex index = ZipIndex.open(source);
    assertNotNull(index);
    assertNull(index.raw("x/Missing.class", "m"));
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    ZipWriter zip = new ZipWriter(copy, 65, 0);
    zip.put(index.raw("x/Big.class", "y/Big.class"));
    zip.put(index.raw("x/Small.class", "y/Small.class"));
    zip.finish();
    Path copied = Files.write(dir.resolve("copy.jar"), copy.toByteArray());
    try (ZipFile from = new ZipFile(source.toFile());
        ZipFile to = new ZipFile(copied.toFile())) {
      ZipEntry bigFrom = from.getEntry("x/Big.class");
      ZipEntry bigTo = to.getEntry("y/Big.class");
      assertEquals(bigFrom.getCompressedSize(), bigTo.getCompressedSize(), "copied, not redone");
      assertArrayEquals(big, to.getInputStream(bigTo).readAllBytes());
      assertEquals(ZipEntry.STORED, to.getEntry("y/Small.class").getMethod());
      assertArrayEquals(small, to.getInputStream(to.getEntry("y/Small.class")).readAllBytes());
    }
    assertArrayEquals(big, readStreaming(copy.toByteArray()).get("y/Big.class"));
  }

  @Test
  void aFlareJarFromAHostInAJarFileHasTheSameFilesAsFromItsBytes() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("dev/flarec/hostabi/launch/FlareMain.class", text("launcher ".repeat(50)));
    files.put("dev/flarec/runtime/instance/Instance.class", new byte[] {4});
    files.put("org/sqlite/JDBC.class", text("sqlite"));
    Path flarecJar = dir.resolve("flarec.jar");
    try (OutputStream out = Files.newOutputStream(flarecJar);
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry(FlareHost.RESOURCE_DIR + JarFile.MANIFEST_NAME));
      Manifest manifest = new Manifest();
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest
          .getMainAttributes()
          .put(Attributes.Name.MAIN_CLASS, "dev.flarec.hostabi.launch.FlareMain");
      manifest.write(jar);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        jar.putNextEntry(new JarEntry(FlareHost.RESOURCE_DIR + f.getKey()));
        jar.write(f.getValue());
      }
    }
    CompiledModule flare =
        Flarec.compile(
            Wat2Wasm.parse(
                "(module (import \"flaron/v1\" \"req_method\" (func (result i64)))"
                    + " (memory (export \"memory\") 1))"),
            new CompileOptions("flarec.module.Hello"));
    byte[] copied;
    try (JarFile jar = new JarFile(flarecJar.toFile())) {
      copied = new JarWriter(Map.of(), FlareHost.fromJar(jar)).toBytes(flare);
    }
    byte[] inflated = new JarWriter(Map.of(), FlareJarTest.bundle(files)).toBytes(flare);
    Map<String, byte[]> a = readStreaming(copied);
    Map<String, byte[]> b = readStreaming(inflated);
    assertEquals(b.keySet(), a.keySet());
    for (String name : a.keySet()) {
      assertArrayEquals(b.get(name), a.get(name), name);
    }
    assertTrue(a.containsKey("dev/flarec/hostabi/launch/FlareMain.class"));
    assertTrue(!a.containsKey("org/sqlite/JDBC.class"), "SQLite only for spark_* flares");
  }

  @Test
  void equalInputGivesEqualBytes() throws IOException {
    CompiledModule module =
        Flarec.compile(
            Wat2Wasm.parse("(module (func (export \"f\") (result i32) (i32.const 1)))"),
            new CompileOptions("t.Same"));
    JarWriter writer = new JarWriter(Map.of("dev/flarec/runtime/R.class", new byte[] {1, 2}));
    assertArrayEquals(writer.toBytes(module), writer.toBytes(module));
  }
}
