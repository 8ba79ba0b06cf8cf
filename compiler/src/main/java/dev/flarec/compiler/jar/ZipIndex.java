package dev.flarec.compiler.jar;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The entries of a zip file as its central directory lists them, with each entry's data readable as
 * stored: still compressed. {@link JarWriter} copies the flare host's files from {@code flarec.jar}
 * this way, so that writing a flare's JAR neither inflates nor deflates them again
 * (docs/RATIONALE.md "Why flare JARs copy the host's compressed bytes").
 *
 * <p>Reads the classic format only (fewer than 65,535 entries, offsets below 4 GiB); {@link #open}
 * returns null for anything else (zip64, a damaged or spanned file), and the caller reads the
 * entries the ordinary way.
 */
final class ZipIndex {
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int LOCAL_SIGNATURE = 0x04034b50;
  private static final int END_SIZE = 22;
  private static final int MAX_COMMENT = 0xFFFF;

  /** An entry's metadata from the central directory. */
  private record Listed(int method, int crc, long compressedSize, long size, long localOffset) {}

  private final FileChannel file;
  private final Map<String, Listed> entries;

  private ZipIndex(FileChannel file, Map<String, Listed> entries) {
    this.file = file;
    this.entries = entries;
  }

  /**
   * The index of {@code zip}, kept open for reading (for as long as the process needs it), or null
   * when the file is not a classic, single-part zip this reader handles.
   */
  static ZipIndex open(Path zip) throws IOException {
    FileChannel file = FileChannel.open(zip, StandardOpenOption.READ);
    try {
      Map<String, Listed> entries = readCentralDirectory(file);
      if (entries == null) {
        file.close();
        return null;
      }
      return new ZipIndex(file, entries);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  private static Map<String, Listed> readCentralDirectory(FileChannel file) throws IOException {
    long length = file.size();
    int tail = (int) Math.min(length, END_SIZE + MAX_COMMENT);
    ByteBuffer end = read(file, length - tail, tail);
    int at = -1;
    for (int i = tail - END_SIZE; i >= 0; i--) {
      if (end.getInt(i) == END_SIGNATURE) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      return null;
    }
    int disk = Short.toUnsignedInt(end.getShort(at + 4));
    int count = Short.toUnsignedInt(end.getShort(at + 10));
    long directorySize = Integer.toUnsignedLong(end.getInt(at + 12));
    long directoryOffset = Integer.toUnsignedLong(end.getInt(at + 16));
    if (disk != 0
        || count == 0xFFFF
        || directoryOffset == 0xFFFFFFFFL
        || directoryOffset + directorySize > length) {
      return null;
    }
    ByteBuffer directory = read(file, directoryOffset, (int) directorySize);
    Map<String, Listed> entries = new HashMap<>(count * 2);
    int p = 0;
    for (int i = 0; i < count; i++) {
      if (directory.getInt(p) != CENTRAL_SIGNATURE) {
        return null;
      }
      int method = Short.toUnsignedInt(directory.getShort(p + 10));
      int crc = directory.getInt(p + 16);
      long compressedSize = Integer.toUnsignedLong(directory.getInt(p + 20));
      long size = Integer.toUnsignedLong(directory.getInt(p + 24));
      int nameLength = Short.toUnsignedInt(directory.getShort(p + 28));
      int extraLength = Short.toUnsignedInt(directory.getShort(p + 30));
      int commentLength = Short.toUnsignedInt(directory.getShort(p + 32));
      long localOffset = Integer.toUnsignedLong(directory.getInt(p + 42));
      byte[] name = new byte[nameLength];
      directory.get(p + 46, name);
      if (compressedSize == 0xFFFFFFFFL || size == 0xFFFFFFFFL || localOffset == 0xFFFFFFFFL) {
        return null;
      }
      entries.put(
          new String(name, StandardCharsets.UTF_8),
          new Listed(method, crc, compressedSize, size, localOffset));
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }

  /** The names of every entry, in no particular order. */
  java.util.Set<String> names() {
    return java.util.Collections.unmodifiableSet(entries.keySet());
  }

  /**
   * Entry {@code name} as stored, under the name {@code as}; null when there is none, or when it is
   * neither stored nor deflated.
   */
  ZipWriter.RawEntry raw(String name, String as) throws IOException {
    Listed e = entries.get(name);
    if (e == null || (e.method() != ZipWriter.STORED && e.method() != ZipWriter.DEFLATED)) {
      return null;
    }
    ByteBuffer local = read(file, e.localOffset(), 30);
    if (local.getInt(0) != LOCAL_SIGNATURE) {
      throw new IOException("damaged zip: no local header for " + name);
    }
    long data =
        e.localOffset()
            + 30
            + Short.toUnsignedInt(local.getShort(26))
            + Short.toUnsignedInt(local.getShort(28));
    byte[] bytes = new byte[Math.toIntExact(e.compressedSize())];
    ByteBuffer into = ByteBuffer.wrap(bytes);
    long position = data;
    while (into.hasRemaining()) {
      int n = file.read(into, position);
      if (n < 0) {
        throw new IOException("damaged zip: " + name + " is cut short");
      }
      position += n;
    }
    return new ZipWriter.RawEntry(as, e.method(), e.crc(), e.size(), bytes);
  }

  private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    long at = position;
    while (buffer.hasRemaining()) {
      int n = file.read(buffer, at);
      if (n < 0) {
        throw new IOException("damaged zip: cut short");
      }
      at += n;
    }
    return buffer.flip();
  }
}
