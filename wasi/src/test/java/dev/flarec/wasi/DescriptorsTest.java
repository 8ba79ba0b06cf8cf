package dev.flarec.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.wasi.abi.Abi.FdFlags;
import dev.flarec.wasi.abi.Abi.OFlags;
import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.FileType;
import dev.flarec.wasi.abi.Rights;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Descriptors as a guest uses them: standard streams, files, directories, the table. */
class DescriptorsTest {
  private static final long READ_WRITE = Rights.FD_READ | Rights.FD_WRITE;

  @TempDir Path dir;
  ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  Guest guest;

  @BeforeEach
  void guest() {
    guest =
        new Guest(
            Wasi.builder()
                .stdin(
                    new ByteArrayInputStream("line 1\nline 2\n".getBytes(StandardCharsets.UTF_8)))
                .stdout(stdout)
                .preopen(dir, "/data")
                .build());
  }

  private int write(int fd, String text) {
    int length = guest.string(Guest.BUFFER, text);
    guest.iovec(Guest.IN + 0x800, Guest.BUFFER, length);
    return guest.call("fd_write", fd, Guest.IN + 0x800, 1, Guest.OUT);
  }

  private String read(int fd, int max) {
    guest.iovec(Guest.IN + 0x800, Guest.BUFFER, max);
    guest.ok("fd_read", fd, Guest.IN + 0x800, 1, Guest.OUT);
    return guest.string(Guest.BUFFER, guest.u32(Guest.OUT));
  }

  private int openFile(String path, int openFlags, long rights) {
    guest.ok(
        "path_open",
        3,
        1,
        Guest.IN,
        guest.string(Guest.IN, path),
        openFlags,
        rights,
        0L,
        0,
        Guest.OUT);
    return guest.u32(Guest.OUT);
  }

  private void errno(int expected, int actual) {
    assertEquals(Errno.name(expected), Errno.name(actual));
  }

  @Test
  void standardStreams() {
    errno(Errno.SUCCESS, write(1, "hello\n"));
    assertEquals(6, guest.u32(Guest.OUT));
    assertEquals("hello\n", stdout.toString(StandardCharsets.UTF_8));
    assertEquals("line 1\nline 2\n", read(0, 100));
    assertEquals("", read(0, 100), "0 bytes at the end");
    errno(Errno.BADF, write(0, "x"));
    errno(Errno.SPIPE, guest.call("fd_seek", 1, 0L, 0, Guest.OUT));
    errno(Errno.SPIPE, guest.call("fd_tell", 0, Guest.OUT));
  }

  @Test
  void fdstatTellsStreamsFromFiles() {
    guest.ok("fd_fdstat_get", 1, Guest.OUT);
    assertEquals(FileType.UNKNOWN, guest.u8(Guest.OUT));
    long rights = guest.u64(Guest.OUT + 8);
    assertEquals(0, rights & (Rights.FD_SEEK | Rights.FD_TELL), "a stream cannot seek");
    assertTrue((rights & Rights.FD_WRITE) != 0);
    guest.ok("fd_fdstat_get", 3, Guest.OUT);
    assertEquals(FileType.DIRECTORY, guest.u8(Guest.OUT));
    assertEquals(Rights.ALL, guest.u64(Guest.OUT + 16), "a preopen passes every right on");
  }

  @Test
  void preopensAreDiscoveredByProbing() {
    guest.ok("fd_prestat_get", 3, Guest.OUT);
    assertEquals(0, guest.u8(Guest.OUT), "a directory");
    assertEquals(5, guest.u32(Guest.OUT + 4));
    errno(Errno.NAMETOOLONG, guest.call("fd_prestat_dir_name", 3, Guest.BUFFER, 4));
    guest.ok("fd_prestat_dir_name", 3, Guest.BUFFER, 5);
    assertEquals("/data", guest.string(Guest.BUFFER, 5));
    errno(Errno.BADF, guest.call("fd_prestat_get", 4, Guest.OUT));
    errno(Errno.BADF, guest.call("fd_prestat_get", 1, Guest.OUT));
  }

  @Test
  void writeSeekReadAFile() throws IOException {
    int fd = openFile("notes.txt", OFlags.CREAT, READ_WRITE | Rights.FD_SEEK);
    assertEquals(4, fd, "the lowest free number");
    write(fd, "hello world");
    guest.ok("fd_seek", fd, -5L, 2, Guest.OUT);
    assertEquals(6, guest.u64(Guest.OUT));
    assertEquals("world", read(fd, 100));
    guest.ok("fd_tell", fd, Guest.OUT);
    assertEquals(11, guest.u64(Guest.OUT));
    guest.ok("fd_filestat_get", fd, Guest.OUT);
    assertEquals(FileType.REGULAR_FILE, guest.u8(Guest.OUT + 16));
    assertEquals(11, guest.u64(Guest.OUT + 32));
    guest.ok("fd_close", fd);
    assertEquals("hello world", Files.readString(dir.resolve("notes.txt")));
    errno(Errno.BADF, guest.call("fd_close", fd));
  }

  @Test
  void readOnlyAndWriteOnlyAreEnforced() throws IOException {
    Files.writeString(dir.resolve("f.txt"), "content");
    int readOnly = openFile("f.txt", 0, Rights.FD_READ);
    errno(Errno.BADF, write(readOnly, "x"));
    errno(Errno.BADF, guest.call("fd_filestat_set_size", readOnly, 0L));
    int writeOnly = openFile("f.txt", 0, Rights.FD_WRITE);
    guest.iovec(Guest.IN + 0x800, Guest.BUFFER, 4);
    errno(Errno.BADF, guest.call("fd_read", writeOnly, Guest.IN + 0x800, 1, Guest.OUT));
    // dropping a right removes the ability; rights never come back
    int both = openFile("f.txt", 0, READ_WRITE);
    guest.ok("fd_fdstat_set_rights", both, Rights.FD_READ, 0L);
    errno(Errno.BADF, write(both, "x"));
    errno(Errno.NOTCAPABLE, guest.call("fd_fdstat_set_rights", both, READ_WRITE, 0L));
    assertEquals("content", Files.readString(dir.resolve("f.txt")));
  }

  @Test
  void appendCanBeSwitchedOnAnOpenFile() throws IOException {
    Files.writeString(dir.resolve("log"), "start\n");
    int fd = openFile("log", 0, READ_WRITE);
    write(fd, "S");
    guest.ok("fd_fdstat_set_flags", fd, FdFlags.APPEND);
    write(fd, "end\n");
    // the first write went to position 0, the appended one to the end
    assertEquals("Start\nend\n", Files.readString(dir.resolve("log")));
    guest.ok("fd_fdstat_get", fd, Guest.OUT);
    assertEquals(FdFlags.APPEND, guest.u16(Guest.OUT + 2));
    errno(Errno.NOTSUP, guest.call("fd_fdstat_set_flags", fd, FdFlags.SYNC));
    errno(Errno.INVAL, guest.call("fd_fdstat_set_flags", fd, 1 << 8));
  }

  @Test
  void truncateExtendAndTimes() throws IOException {
    int fd = openFile("t", OFlags.CREAT, READ_WRITE);
    write(fd, "0123456789");
    guest.ok("fd_filestat_set_size", fd, 4L);
    assertEquals("0123", Files.readString(dir.resolve("t")));
    guest.ok("fd_filestat_set_size", fd, 6L);
    assertEquals("0123\0\0", Files.readString(dir.resolve("t")));
    guest.ok("fd_filestat_set_times", fd, 0L, 1_000_000_000_000_000_000L, 4);
    assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(dir.resolve("t")).toMillis());
    errno(Errno.INVAL, guest.call("fd_filestat_set_times", fd, 0L, 0L, 4 | 8));
  }

  @Test
  void pathOpenFlags() throws IOException {
    errno(Errno.NOENT, guest.open(3, "missing", 0, Rights.FD_READ));
    openFile("x", OFlags.CREAT | OFlags.EXCL, Rights.FD_WRITE);
    errno(Errno.EXIST, guest.open(3, "x", OFlags.CREAT | OFlags.EXCL, Rights.FD_WRITE));
    errno(Errno.NOTDIR, guest.open(3, "x", OFlags.DIRECTORY, Rights.FD_READ));
    errno(Errno.NOTDIR, guest.open(3, "x/", 0, Rights.FD_READ));
    Files.createDirectory(dir.resolve("d"));
    errno(Errno.ISDIR, guest.open(3, "d", 0, READ_WRITE));
    errno(Errno.ISDIR, guest.open(3, "new/", OFlags.CREAT, READ_WRITE));
    errno(Errno.INVAL, guest.open(3, "x", 1 << 7, Rights.FD_READ));
    // creating with read rights only still creates
    openFile("read-created", OFlags.CREAT, Rights.FD_READ);
    assertTrue(Files.isRegularFile(dir.resolve("read-created")));
    errno(Errno.NOTDIR, guest.open(1, "x", 0, Rights.FD_READ));
    errno(Errno.BADF, guest.open(99, "x", 0, Rights.FD_READ));
  }

  @Test
  void readdirResumesAtItsCookie() throws IOException {
    for (String name : List.of("c.txt", "a.txt", "b")) {
      Files.writeString(dir.resolve(name), name);
    }
    List<String> names = new ArrayList<>();
    long cookie = 0;
    // a buffer that holds one header and a short name: entries come back one at a time, the
    // longer ones cut off, and are read again from their own cookie
    while (true) {
      guest.ok("fd_readdir", 3, Guest.BUFFER, 30, cookie, Guest.OUT);
      int used = guest.u32(Guest.OUT);
      if (used == 0) {
        break;
      }
      int length = guest.u32(Guest.BUFFER + 16);
      if (24 + length > used) {
        guest.ok("fd_readdir", 3, Guest.BUFFER, 24 + length, cookie, Guest.OUT);
      }
      names.add(guest.string(Guest.BUFFER + 24, length));
      cookie = guest.u64(Guest.BUFFER);
    }
    assertEquals(List.of(".", "..", "a.txt", "b", "c.txt"), names);
    errno(Errno.NOTDIR, guest.call("fd_readdir", 1, Guest.BUFFER, 100, 0L, Guest.OUT));
  }

  @Test
  void renumberMovesAndCloses() throws IOException {
    int a = openFile("a", OFlags.CREAT, READ_WRITE);
    int b = openFile("b", OFlags.CREAT, READ_WRITE);
    guest.ok("fd_renumber", a, b);
    errno(Errno.BADF, guest.call("fd_close", a));
    write(b, "to a");
    assertEquals("to a", Files.readString(dir.resolve("a")));
    errno(Errno.BADF, guest.call("fd_renumber", b, 42));
    // the freed number is taken again first
    assertEquals(a, openFile("c", OFlags.CREAT, READ_WRITE));
  }

  @Test
  void theTableIsBounded() {
    Guest small = new Guest(Wasi.builder().preopen(dir, ".").maxOpenFiles(5).build());
    small.ok(
        "path_open",
        3,
        0,
        Guest.IN,
        small.string(Guest.IN, "."),
        OFlags.DIRECTORY,
        0L,
        0L,
        0,
        Guest.OUT);
    errno(
        Errno.MFILE,
        small.call("path_open", 3, 0, Guest.IN, 1, OFlags.DIRECTORY, 0L, 0L, 0, Guest.OUT));
  }

  @Test
  void entriesByPath() throws IOException {
    guest.ok("path_create_directory", 3, Guest.IN, guest.string(Guest.IN, "sub"));
    errno(Errno.EXIST, guest.pathCall("path_create_directory", 3, "sub"));
    Files.writeString(dir.resolve("sub/f"), "f");
    errno(Errno.NOTEMPTY, guest.pathCall("path_remove_directory", 3, "sub"));
    errno(Errno.ISDIR, guest.pathCall("path_unlink_file", 3, "sub"));
    errno(Errno.NOTDIR, guest.pathCall("path_remove_directory", 3, "sub/f"));
    errno(Errno.INVAL, guest.pathCall("path_remove_directory", 3, "."));
    int from = guest.string(Guest.IN, "sub/f");
    int to = guest.string(Guest.IN + 0x100, "g");
    guest.ok("path_rename", 3, Guest.IN, from, 3, Guest.IN + 0x100, to);
    assertEquals("f", Files.readString(dir.resolve("g")));
    guest.ok("path_remove_directory", 3, Guest.IN, guest.string(Guest.IN, "sub"));
    int target = guest.string(Guest.IN, "g");
    int link = guest.string(Guest.IN + 0x100, "link");
    guest.ok("path_symlink", Guest.IN, target, 3, Guest.IN + 0x100, link);
    guest.ok("path_readlink", 3, Guest.IN + 0x100, link, Guest.BUFFER, 100, Guest.OUT);
    assertEquals("g", guest.string(Guest.BUFFER, guest.u32(Guest.OUT)));
    errno(
        Errno.INVAL,
        guest.call("path_readlink", 3, Guest.IN, target, Guest.BUFFER, 100, Guest.OUT));
    // stat and lstat
    guest.ok("path_filestat_get", 3, 0, Guest.IN + 0x100, link, Guest.BUFFER);
    assertEquals(FileType.SYMBOLIC_LINK, guest.u8(Guest.BUFFER + 16));
    guest.ok("path_filestat_get", 3, 1, Guest.IN + 0x100, link, Guest.BUFFER);
    assertEquals(FileType.REGULAR_FILE, guest.u8(Guest.BUFFER + 16));
    assertEquals(1, guest.u64(Guest.BUFFER + 32));
    guest.ok("path_unlink_file", 3, Guest.IN + 0x100, link);
    assertTrue(Files.exists(dir.resolve("g")), "unlinking a link leaves its target");
    int hard = guest.string(Guest.IN + 0x100, "hard");
    guest.ok("path_link", 3, 0, Guest.IN, target, 3, Guest.IN + 0x100, hard);
    guest.ok("path_filestat_get", 3, 0, Guest.IN, target, Guest.BUFFER);
    assertEquals(2, guest.u64(Guest.BUFFER + 24), "two links");
  }
}
