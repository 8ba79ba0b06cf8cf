package dev.flarec.hostabi.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.descriptor.DescriptorCodec;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.ExitStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The node's command line, and modules handed over as JAR entries by the compiler's side. */
class NodeMainTest {
  private static final Path HELLO =
      Path.of(System.getProperty("user.dir"))
          .resolveSibling("examples")
          .resolve("hello/hello.wasm");

  /** What {@code flarec serve} lends the node: JAR entries by resource path. */
  private static Map<String, byte[]> entries(Path wasm) {
    CompiledModule m = Flarec.compile(wasm);
    Map<String, byte[]> out = new HashMap<>();
    m.classFiles().forEach((name, bytes) -> out.put(name.replace('.', '/') + ".class", bytes));
    out.put(
        m.descriptor().className().replace('.', '/') + DescriptorCodec.RESOURCE_SUFFIX,
        DescriptorCodec.encode(m.descriptor()));
    return out;
  }

  @Test
  void wasmFilesAreDefinedFromTheCompilersEntries() throws Exception {
    Module module = NodeMain.source(NodeMainTest::entries).load(HELLO);
    assertTrue(
        module.descriptor().exports().stream().anyMatch(e -> e.name().equals("handle_request")));
  }

  @Test
  void withoutACompilerOnlyJarsAreServed() throws Exception {
    FlareSource jarsOnly = NodeMain.source(null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> jarsOnly.load(HELLO));
    assertTrue(e.getMessage().contains("compile it with flarec first"), e.getMessage());
  }

  @Test
  void badUsageIsOneLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(ExitStatus.USAGE, NodeMain.run(new String[] {}, System.out, errStream, null));
    assertEquals(
        ExitStatus.USAGE,
        NodeMain.run(new String[] {"dir", "--port"}, System.out, errStream, null));
    assertEquals(
        ExitStatus.BAD_INPUT,
        NodeMain.run(new String[] {"no-such-dir-here"}, System.out, errStream, null));
    String text = err.toString(StandardCharsets.UTF_8);
    assertEquals(3, text.lines().count(), text);
    assertTrue(text.lines().allMatch(l -> l.startsWith("flarec serve: ")), text);
  }

  @Test
  void clusterOptionsAreCheckedBeforeAnythingStarts() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(
        ExitStatus.USAGE,
        NodeMain.run(
            new String[] {"dir", "--cluster-seeds", "127.0.0.1:7800"},
            System.out,
            errStream,
            null));
    assertEquals(
        ExitStatus.USAGE,
        NodeMain.run(
            new String[] {"dir", "--cluster-bind", "127.0.0.1"}, System.out, errStream, null));
    String text = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, text.lines().count(), text);
    assertTrue(text.contains("--cluster-seeds needs --cluster-bind"), text);
    assertTrue(text.contains("expected HOST:PORT"), text);
  }

  @Test
  void usageNamesTheClusterOptions() {
    assertTrue(NodeMain.usage().contains("--cluster-bind HOST:PORT"));
    assertTrue(NodeMain.usage().contains("--cluster-seeds HOST:PORT,..."));
  }
}
