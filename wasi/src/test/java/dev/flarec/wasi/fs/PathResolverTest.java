package dev.flarec.wasi.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's path resolution, case by case. The layout, under a temporary directory:
 *
 * <pre>
 * box/                      the directory paths are resolved beneath
 *   a/b/file.txt
 *   a/up -> ..              (stays inside: box/a/.. is box)
 *   to-file -> a/b/file.txt
 *   to-dir -> a/b
 *   out-dir -> ../outside   (escapes)
 *   out-abs -> /…/outside   (absolute: always refused)
 *   hop -> a/up/out-dir     (escapes after two links)
 *   loop1 -> loop2, loop2 -> loop1
 * outside/secret.txt
 * </pre>
 */
class PathResolverTest {
  @TempDir Path tmp;
  Path box;

  @BeforeEach
  void layout() throws IOException {
    box = Files.createDirectories(tmp.resolve("box")).toRealPath();
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Files.createDirectories(box.resolve("a/b"));
    Files.writeString(box.resolve("a/b/file.txt"), "inside");
    Files.createSymbolicLink(box.resolve("a/up"), Path.of(".."));
    Files.createSymbolicLink(box.resolve("to-file"), Path.of("a/b/file.txt"));
    Files.createSymbolicLink(box.resolve("to-dir"), Path.of("a/b"));
    Files.createSymbolicLink(box.resolve("out-dir"), Path.of("../outside"));
    Files.createSymbolicLink(box.resolve("out-abs"), outside.toAbsolutePath());
    Files.createSymbolicLink(box.resolve("hop"), Path.of("a/up/out-dir"));
    Files.createSymbolicLink(box.resolve("loop1"), Path.of("loop2"));
    Files.createSymbolicLink(box.resolve("loop2"), Path.of("loop1"));
  }

  private Path resolve(String path) throws IOException {
    return PathResolver.resolve(box, path, true);
  }

  private void refused(int errno, String path) {
    ErrnoException e = assertThrows(ErrnoException.class, () -> resolve(path), path);
    assertEquals(Errno.name(errno), Errno.name(e.errno()), path);
  }

  @Test
  void plainPathsStayPlain() throws IOException {
    assertEquals(box.resolve("a/b/file.txt"), resolve("a/b/file.txt"));
    assertEquals(box.resolve("a/b/file.txt"), resolve("./a//b/./file.txt"));
    assertEquals(box.resolve("new.txt"), resolve("new.txt"), "the last component may not exist");
    assertEquals(box, resolve("."));
    assertEquals(box, resolve("a/b/../.."));
  }

  @Test
  void dotDotMayNotClimbAboveTheDirectory() {
    refused(Errno.NOTCAPABLE, "..");
    refused(Errno.NOTCAPABLE, "../outside/secret.txt");
    refused(Errno.NOTCAPABLE, "a/../../outside");
    refused(Errno.NOTCAPABLE, "a/b/../../../box/a");
  }

  @Test
  void absolutePathsAreRefused() {
    refused(Errno.NOTCAPABLE, "/etc/passwd");
    refused(Errno.NOTCAPABLE, "/");
  }

  @Test
  void linksInsideAreFollowed() throws IOException {
    assertEquals(box.resolve("a/b/file.txt"), resolve("to-file"));
    assertEquals(box.resolve("a/b/file.txt"), resolve("to-dir/file.txt"));
    // "to-dir/.." is a/b/.. = a physically, not "." as a textual reading would say
    assertEquals(box.resolve("a"), resolve("to-dir/.."));
    assertEquals(box.resolve("a/b/file.txt"), resolve("a/up/a/b/file.txt"));
  }

  @Test
  void linksOutsideAreRefusedWhereverTheyAppear() {
    refused(Errno.NOTCAPABLE, "out-dir/secret.txt");
    refused(Errno.NOTCAPABLE, "out-dir");
    refused(Errno.NOTCAPABLE, "out-abs/secret.txt");
    refused(Errno.NOTCAPABLE, "hop/secret.txt");
  }

  @Test
  void theLastLinkIsLeftAloneWhenNotFollowed() throws IOException {
    assertEquals(box.resolve("out-dir"), PathResolver.resolve(box, "out-dir", false));
    assertEquals(box.resolve("out-abs"), PathResolver.resolve(box, "out-abs", false));
    // a trailing slash follows it anyway, as it does on POSIX
    assertThrows(ErrnoException.class, () -> PathResolver.resolve(box, "out-dir/", false));
  }

  @Test
  void linkLoopsEnd() {
    refused(Errno.LOOP, "loop1");
    refused(Errno.LOOP, "loop1/x");
  }

  @Test
  void intermediateComponentsMustBeDirectories() {
    refused(Errno.NOENT, "missing/file.txt");
    refused(Errno.NOTDIR, "a/b/file.txt/x");
    refused(Errno.NOTDIR, "to-file/x");
    refused(Errno.NOTDIR, "a/b/file.txt/");
  }

  @Test
  void anEmptyPathNamesNothing() {
    refused(Errno.NOENT, "");
  }
}
