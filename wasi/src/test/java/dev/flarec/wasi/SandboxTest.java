package dev.flarec.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.wasi.abi.Abi.OFlags;
import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.Rights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way out of a pre-opened directory, tried through the WASI functions themselves: each
 * attempt fails with an errno (never an exception), and nothing outside changes.
 */
class SandboxTest {
  private static final int BOX = 3;
  private static final long READ_WRITE = Rights.FD_READ | Rights.FD_WRITE;

  @TempDir Path tmp;
  Path box;
  Path outside;
  Guest guest;

  @BeforeEach
  void layout() throws IOException {
    box = Files.createDirectories(tmp.resolve("box"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Files.createDirectories(box.resolve("inside"));
    Files.writeString(box.resolve("inside/file.txt"), "inside");
    Files.createSymbolicLink(box.resolve("out-dir"), Path.of("../outside"));
    Files.createSymbolicLink(box.resolve("out-file"), Path.of("../outside/secret.txt"));
    Files.createSymbolicLink(box.resolve("out-abs"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(box.resolve("inside/deeper"), Path.of("../../outside"));
    Files.createSymbolicLink(box.resolve("in-file"), Path.of("inside/file.txt"));
    guest = new Guest(Wasi.builder().preopen(box, "/box").build());
  }

  @AfterEach
  void outsideIsUntouched() throws IOException {
    guest.wasi.close();
    try (var files = Files.list(outside)) {
      assertEquals(List.of(outside.resolve("secret.txt")), files.toList());
    }
    assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
  }

  private void denied(int errno, int actual, String what) {
    assertEquals(Errno.name(errno), Errno.name(actual), what);
  }

  @Test
  void openingOutsideIsNotCapable() {
    for (String path :
        List.of(
            "..",
            "../outside/secret.txt",
            "inside/../../outside/secret.txt",
            "/etc/passwd",
            "/box/inside/file.txt",
            "out-dir/secret.txt",
            "out-file",
            "out-abs",
            "inside/deeper/secret.txt")) {
      denied(Errno.NOTCAPABLE, guest.open(BOX, path, 0, Rights.FD_READ), "read " + path);
      denied(
          Errno.NOTCAPABLE,
          guest.open(BOX, path, OFlags.CREAT | OFlags.TRUNC, READ_WRITE),
          "create/truncate " + path);
    }
  }

  @Test
  void aLinkNotFollowedCannotBeOpenedEither() {
    int length = guest.string(Guest.IN, "out-file");
    int errno =
        guest.call("path_open", BOX, 0, Guest.IN, length, 0, Rights.FD_READ, 0L, 0, Guest.OUT);
    denied(Errno.LOOP, errno, "O_NOFOLLOW on a link");
  }

  @Test
  void exclusiveCreateDoesNotWriteThroughADanglingOrOutsideLink() {
    denied(
        Errno.EXIST,
        guest.open(BOX, "out-file", OFlags.CREAT | OFlags.EXCL, READ_WRITE),
        "the link itself exists");
  }

  @Test
  void linksThatStayInsideWork() {
    guest.ok(
        "path_open",
        BOX,
        1,
        Guest.IN,
        guest.string(Guest.IN, "in-file"),
        0,
        Rights.FD_READ,
        0L,
        0,
        Guest.OUT);
  }

  @Test
  void pathOperationsCannotReachOutside() {
    denied(
        Errno.NOTCAPABLE, guest.pathCall("path_create_directory", BOX, "../outside/new"), "mkdir");
    denied(
        Errno.NOTCAPABLE,
        guest.pathCall("path_create_directory", BOX, "out-dir/new"),
        "mkdir via link");
    denied(
        Errno.NOTCAPABLE,
        guest.pathCall("path_unlink_file", BOX, "../outside/secret.txt"),
        "unlink");
    denied(
        Errno.NOTCAPABLE,
        guest.pathCall("path_unlink_file", BOX, "out-dir/secret.txt"),
        "unlink via link");
    denied(Errno.NOTCAPABLE, guest.pathCall("path_remove_directory", BOX, ".."), "rmdir ..");
    int stat = guest.string(Guest.IN, "out-dir/secret.txt");
    denied(
        Errno.NOTCAPABLE,
        guest.call("path_filestat_get", BOX, 1, Guest.IN, stat, Guest.BUFFER),
        "stat via link");
    denied(
        Errno.NOTCAPABLE,
        guest.call("path_filestat_set_times", BOX, 1, Guest.IN, stat, 0L, 0L, 10),
        "utimes via link");
  }

  @Test
  void renameAndLinkCannotMoveAnythingAcross() {
    int from = Guest.IN;
    int fromLength = guest.string(from, "inside/file.txt");
    int to = Guest.IN + 0x100;
    int toLength = guest.string(to, "../outside/moved.txt");
    denied(
        Errno.NOTCAPABLE,
        guest.call("path_rename", BOX, from, fromLength, BOX, to, toLength),
        "rename out");
    denied(
        Errno.NOTCAPABLE,
        guest.call("path_link", BOX, 0, from, fromLength, BOX, to, toLength),
        "hard link out");
    int secret = guest.string(from, "out-dir/secret.txt");
    int here = guest.string(to, "stolen.txt");
    denied(
        Errno.NOTCAPABLE, guest.call("path_rename", BOX, from, secret, BOX, to, here), "rename in");
    denied(
        Errno.NOTCAPABLE, guest.call("path_link", BOX, 1, from, secret, BOX, to, here), "link in");
    assertFalse(Files.exists(box.resolve("stolen.txt")));
  }

  @Test
  void symlinksPointingOutsideCannotBeCreated() throws IOException {
    int link = Guest.IN + 0x100;
    for (String target : List.of("/etc/passwd", "..", "../outside", "inside/../../outside")) {
      int targetLength = guest.string(Guest.IN, target);
      int linkLength = guest.string(link, "made");
      denied(
          Errno.PERM,
          guest.call("path_symlink", Guest.IN, targetLength, BOX, link, linkLength),
          "symlink to " + target);
    }
    // from a subdirectory, one level up is still inside
    int targetLength = guest.string(Guest.IN, "../in-file");
    int linkLength = guest.string(link, "inside/up-link");
    guest.ok("path_symlink", Guest.IN, targetLength, BOX, link, linkLength);
    assertEquals(Path.of("../in-file"), Files.readSymbolicLink(box.resolve("inside/up-link")));
    assertTrue(Files.isRegularFile(box.resolve("inside/up-link")));
  }

  @Test
  void aSubdirectoryDescriptorIsItsOwnSandbox() {
    guest.ok(
        "path_open",
        BOX,
        0,
        Guest.IN,
        guest.string(Guest.IN, "inside"),
        OFlags.DIRECTORY,
        Rights.FD_READDIR,
        Rights.ALL,
        0,
        Guest.OUT);
    int inside = guest.u32(Guest.OUT);
    denied(
        Errno.NOTCAPABLE,
        guest.open(inside, "../in-file", 0, Rights.FD_READ),
        "up from a subdirectory");
    guest.ok(
        "path_open",
        inside,
        0,
        Guest.IN,
        guest.string(Guest.IN, "file.txt"),
        0,
        Rights.FD_READ,
        0L,
        0,
        Guest.OUT);
  }

  @Test
  void readdirOfThePreopenDoesNotRevealItsParent() throws IOException {
    guest.ok("fd_readdir", BOX, Guest.BUFFER, 4096, 0L, Guest.OUT);
    // ".." is the second entry; at the top of a sandbox it reports the directory's own inode
    int first = Guest.BUFFER;
    int second = first + 24 + guest.u32(first + 16);
    assertEquals("..", guest.string(second + 24, guest.u32(second + 16)));
    assertEquals(guest.u64(first + 8), guest.u64(second + 8));
  }
}
