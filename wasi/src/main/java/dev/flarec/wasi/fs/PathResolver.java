package dev.flarec.wasi.fs;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The sandbox: turns a guest path, relative to a directory descriptor, into a host path that is
 * guaranteed to lie inside that directory.
 *
 * <p>Resolution walks the path one component at a time, from the directory's canonical host path,
 * never letting the operating system follow a symbolic link:
 *
 * <ul>
 *   <li>an absolute path is refused outright: a guest reaches the file system only through its
 *       pre-opened directories, whose names the C library strips before calling the host;
 *   <li>{@code .} is skipped; {@code ..} drops the last component resolved so far, and is refused
 *       when there is none, that is when it would climb above the directory;
 *   <li>a symbolic link met on the way (and as the last component when the caller follows links) is
 *       read and its target spliced into the rest of the path, then resolved by the same rules: a
 *       link with an absolute target is refused, a relative one may use {@code ..} only as far as
 *       the directory; more than {@value #MAX_SYMLINKS} links is {@link Errno#LOOP}, as on Linux;
 *   <li>every component before the last must be an existing directory.
 * </ul>
 *
 * <p>The result is the directory's path plus plain names, none of them a link (the last one may be
 * when not followed), so the operation that uses it opens it with {@link
 * LinkOption#NOFOLLOW_LINKS}. A path that would escape is {@link Errno#NOTCAPABLE}. See
 * docs/RATIONALE.md#why-the-sandbox-resolves-paths-itself.
 */
public final class PathResolver {
  /** Linux's limit on links followed in one resolution ({@code MAXSYMLINKS}). */
  public static final int MAX_SYMLINKS = 40;

  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private PathResolver() {}

  /**
   * The host path of {@code guestPath} inside {@code directory}.
   *
   * @param directory the canonical host path of the directory the guest path is relative to
   * @param guestPath the guest's path, {@code /}-separated
   * @param followLast whether a symbolic link as the last component is followed (a trailing {@code
   *     /} always follows it, and requires a directory)
   * @throws ErrnoException {@link Errno#NOTCAPABLE} if the path leaves {@code directory}, {@link
   *     Errno#NOENT} for an empty path or a missing intermediate directory, {@link Errno#NOTDIR} if
   *     an intermediate component is not a directory, {@link Errno#LOOP} for too many links, {@link
   *     Errno#INVAL} for a component the host cannot name
   */
  public static Path resolve(Path directory, String guestPath, boolean followLast)
      throws IOException {
    if (guestPath.isEmpty()) {
      throw ErrnoException.of(Errno.NOENT);
    }
    if (guestPath.startsWith("/")) {
      throw ErrnoException.of(Errno.NOTCAPABLE);
    }
    boolean trailingSlash = guestPath.endsWith("/");
    Deque<String> pending = new ArrayDeque<>();
    pushFront(pending, guestPath);
    List<String> names = new ArrayList<>();
    int links = 0;
    while (!pending.isEmpty()) {
      String name = pending.removeFirst();
      boolean last = pending.isEmpty();
      if (name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        if (names.isEmpty()) {
          throw ErrnoException.of(Errno.NOTCAPABLE);
        }
        names.remove(names.size() - 1);
        continue;
      }
      checkName(name);
      Path candidate = join(directory, names).resolve(name);
      BasicFileAttributes attributes = attributesOrNull(candidate);
      if (attributes != null
          && attributes.isSymbolicLink()
          && (!last || followLast || trailingSlash)) {
        if (++links > MAX_SYMLINKS) {
          throw ErrnoException.of(Errno.LOOP);
        }
        String target = Files.readSymbolicLink(candidate).toString();
        if (target.isEmpty()) {
          throw ErrnoException.of(Errno.NOENT);
        }
        if (target.startsWith("/") || Path.of(target).isAbsolute()) {
          throw ErrnoException.of(Errno.NOTCAPABLE);
        }
        pushFront(pending, target.replace(File.separatorChar, '/'));
        continue;
      }
      if (!last) {
        if (attributes == null) {
          throw ErrnoException.of(Errno.NOENT);
        }
        if (!attributes.isDirectory()) {
          throw ErrnoException.of(Errno.NOTDIR);
        }
      }
      names.add(name);
    }
    Path resolved = join(directory, names);
    if (trailingSlash && !names.isEmpty()) {
      BasicFileAttributes attributes = attributesOrNull(resolved);
      if (attributes != null && !attributes.isDirectory()) {
        throw ErrnoException.of(Errno.NOTDIR);
      }
    }
    return resolved;
  }

  /** Puts the components of {@code path} in front of {@code pending}, in order. */
  private static void pushFront(Deque<String> pending, String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!parts[i].isEmpty()) {
        pending.addFirst(parts[i]);
      }
    }
    if (pending.isEmpty()) {
      // "/" alone was refused earlier; "./" or "//"-only paths name the directory itself
      pending.addFirst(".");
    }
  }

  /** Refuses a name the host would read as more than one component (Windows: "a\\b", "c:"). */
  private static void checkName(String name) {
    if (File.separatorChar != '/'
        && (name.indexOf(File.separatorChar) >= 0 || name.indexOf(':') >= 0)) {
      throw ErrnoException.of(Errno.INVAL);
    }
  }

  private static Path join(Path directory, List<String> names) {
    Path path = directory;
    for (String name : names) {
      path = path.resolve(name);
    }
    return path;
  }

  private static BasicFileAttributes attributesOrNull(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
