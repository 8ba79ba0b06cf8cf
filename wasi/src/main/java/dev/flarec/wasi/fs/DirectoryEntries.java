package dev.flarec.wasi.fs;

import dev.flarec.wasi.abi.FileType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot of a directory's entries for {@code fd_readdir}: {@code .} and {@code ..} first, then
 * the entries sorted by name. A guest reads a directory in several calls, resuming at a cookie (the
 * index of the next entry); a snapshot taken when it starts at cookie 0 keeps the indices stable
 * while the directory changes underneath, and sorting makes listings reproducible.
 */
public final class DirectoryEntries {
  /** One entry: its UTF-8 name, inode and WASI file type (of the entry, not a link's target). */
  public record Entry(byte[] name, long ino, int fileType) {}

  private DirectoryEntries() {}

  /**
   * The entries of {@code directory}.
   *
   * @param isRoot whether {@code directory} is the top of a sandbox: its {@code ..} then reports
   *     the directory itself, so that nothing about the host outside is revealed
   */
  public static List<Entry> list(Path directory, boolean isRoot) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      stream.forEach(children::add);
    }
    children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    List<Entry> entries = new ArrayList<>(children.size() + 2);
    FileStat self = FileStat.of(directory, true);
    entries.add(new Entry(bytes("."), self.ino(), FileType.DIRECTORY));
    Path parent = directory.getParent();
    long parentIno = isRoot || parent == null ? self.ino() : FileStat.of(parent, true).ino();
    entries.add(new Entry(bytes(".."), parentIno, FileType.DIRECTORY));
    for (Path child : children) {
      FileStat stat;
      try {
        stat = FileStat.of(child, false);
      } catch (IOException e) {
        // removed since it was listed: as if it had not been there
        continue;
      }
      entries.add(new Entry(bytes(child.getFileName().toString()), stat.ino(), stat.fileType()));
    }
    return entries;
  }

  private static byte[] bytes(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }
}
