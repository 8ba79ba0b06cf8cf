package dev.flarec.wasi.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every WASI function is documented by the same template (see this package's package-info):
 * summary, parameters, errno results, what it writes to guest memory, spec reference, in that
 * order. Checked on the sources, so that a new function cannot skip a section.
 */
class JavadocTemplateTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/flarec/wasi/functions");
  private static final Pattern FUNCTION =
      Pattern.compile("/\\*\\*(.*?)\\*/\\s*@WasiFunction\\(\"(\\w+)\"\\)", Pattern.DOTALL);
  private static final List<String> SECTIONS =
      List.of("<p>Parameters:", "<p>Errno:", "<p>Guest memory:", "<p>Spec: wasi_snapshot_preview1");

  @Test
  void everyFunctionFollowsTheTemplate() throws IOException {
    List<String> documented = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Matcher m = FUNCTION.matcher(Files.readString(file));
        while (m.find()) {
          String doc = m.group(1).replaceAll("\\s*\\n\\s*\\* ?", " ");
          String name = m.group(2);
          documented.add(name);
          int previous = -1;
          for (String section : SECTIONS) {
            int at = doc.indexOf(section);
            assertTrue(at > previous, name + ": missing or misplaced \"" + section + "\"");
            previous = at;
          }
          assertTrue(doc.contains("{@code " + name + "}."), name + ": spec reference names it");
        }
      }
    }
    documented.sort(null);
    assertEquals(WasiFunctions.names(), documented);
  }
}
