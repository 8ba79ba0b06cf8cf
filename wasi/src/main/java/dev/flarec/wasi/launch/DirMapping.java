package dev.flarec.wasi.launch;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-opened directory as a command line names it: {@code HOST} (the guest sees it under the same
 * name) or {@code HOST::GUEST}, the notation of other WASI runtimes' {@code --dir}.
 *
 * @param host the host directory
 * @param guest the name the guest opens it by ({@code /data}, {@code .})
 */
public record DirMapping(Path host, String guest) {
  private static final String SEPARATOR = "::";

  /**
   * Parses {@code HOST[::GUEST]}.
   *
   * @throws IllegalArgumentException with a message fit for the user if a part is empty or the host
   *     path is not a valid path
   */
  public static DirMapping parse(String text) {
    int separator = text.indexOf(SEPARATOR);
    String host = separator < 0 ? text : text.substring(0, separator);
    String guest = separator < 0 ? text : text.substring(separator + SEPARATOR.length());
    if (host.isEmpty() || guest.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not HOST or HOST::GUEST (for example ./out::/out)");
    }
    try {
      return new DirMapping(Path.of(host), guest);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + host + "' is not a valid path: " + e.getReason(), e);
    }
  }

  /**
   * Parses a list in the form of the {@code FLAREC_WASI_DIRS} variable: entries separated by the
   * platform's path separator ({@code :} on Unix, {@code ;} on Windows), each {@code
   * HOST[::GUEST]}. On Unix a single {@code :} separates entries and {@code ::} host from guest, so
   * {@code /srv/in::/in:/tmp/out::/out} is two directories. Empty entries are skipped.
   */
  public static List<DirMapping> parseList(String text) {
    List<DirMapping> mappings = new ArrayList<>();
    if (text == null) {
      return mappings;
    }
    char separator = File.pathSeparatorChar;
    StringBuilder entry = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean doubled = i + 1 < text.length() && text.charAt(i + 1) == separator;
      if (c == separator && separator == ':' && doubled) {
        entry.append(SEPARATOR);
        i++;
      } else if (c == separator) {
        add(mappings, entry);
      } else {
        entry.append(c);
      }
    }
    add(mappings, entry);
    return mappings;
  }

  private static void add(List<DirMapping> mappings, StringBuilder entry) {
    if (!entry.isEmpty()) {
      mappings.add(parse(entry.toString()));
    }
    entry.setLength(0);
  }
}
