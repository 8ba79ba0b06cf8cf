package dev.flarec.wasi.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every WASI function is documented by the same template (see this package's package-info):
 * summary, parameters, errno results, what it writes to guest memory, spec reference, in that
 * order. Checked on the sources, so that a new function cannot skip a section; and every function
 * of a family (its package-private methods, named as the function in camel case) is one {@link
 * WasiFunctions#names} lists.
 */
class JavadocTemplateTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/flarec/wasi/functions");
  // a doc comment, then annotations and line comments, then a package-private method
  private static final Pattern FUNCTION =
      Pattern.compile(
          "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:(?://[^\\n]*|@\\w+(?:\\([^)]*\\))?)\\s*)*"
              + "(?<=\\n  )(?:int|void) (\\w+)\\(",
          Pattern.DOTALL);
  private static final Pattern PACKAGE_PRIVATE_METHOD =
      Pattern.compile("^  (?:int|void) (\\w+)\\(", Pattern.MULTILINE);
  private static final List<String> SECTIONS =
      List.of("<p>Parameters:", "<p>Errno:", "<p>Guest memory:", "<p>Spec: wasi_snapshot_preview1");

  @Test
  void everyFunctionFollowsTheTemplate() throws IOException {
    List<String> documented = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String source = Files.readString(file);
        if (!source.contains("Spec: wasi_snapshot_preview1")) {
          continue; // not a family
        }
        Matcher m = FUNCTION.matcher(source);
        int count = 0;
        while (m.find()) {
          String doc = m.group(1).replaceAll("\\s*\\n\\s*\\* ?", " ");
          String name = m.group(2).replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
          documented.add(name);
          count++;
          int previous = -1;
          for (String section : SECTIONS) {
            int at = doc.indexOf(section);
            assertTrue(at > previous, name + ": missing or misplaced \"" + section + "\"");
            previous = at;
          }
          assertTrue(doc.contains("{@code " + name + "}."), name + ": spec reference names it");
        }
        assertEquals(
            PACKAGE_PRIVATE_METHOD.matcher(source).results().count(),
            count,
            file + ": every function has its doc comment");
      }
    }
    documented.sort(null);
    assertEquals(WasiFunctions.names(), documented);
  }
}
