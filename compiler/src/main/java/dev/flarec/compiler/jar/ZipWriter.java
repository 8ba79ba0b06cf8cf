package dev.flarec.compiler.jar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip (JAR) file entry by entry: bytes to deflate, or entries already compressed ({@link
 * RawEntry}, from {@link ZipIndex}) copied as they are. Every entry has the same fixed timestamp
 * and no extra fields, and sizes and CRC in its local header, so equal input gives equal bytes and
 * streaming readers ({@code JarInputStream}) need no data descriptors. The classic format only:
 * fewer than 65,535 entries, each and the whole below 4 GiB, which a compiled module's JAR is far
 * from.
 */
final class ZipWriter {
  static final int STORED = 0;
  static final int DEFLATED = 8;

  /** An entry whose data is already in its stored form (deflated or stored). */
  record RawEntry(String name, int method, int crc, long size, byte[] data) {}

  private static final int LOCAL_SIGNATURE = 0x04034b50;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int UTF8_NAMES = 0x0800;

  private final OutputStream out;
  private final int dosTime;
  private final int dosDate;
  private final ByteArrayOutputStream directory = new ByteArrayOutputStream();
  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private final CRC32 crc = new CRC32();
  private byte[] buffer = new byte[64 * 1024];
  private long offset;
  private int count;

  /** A writer to {@code out} (left open) stamping entries with the DOS date and time given. */
  ZipWriter(OutputStream out, int dosDate, int dosTime) {
    this.out = out;
    this.dosDate = dosDate;
    this.dosTime = dosTime;
  }

  /** Adds {@code name} with {@code bytes}, deflated. */
  void put(String name, byte[] bytes) throws IOException {
    crc.reset();
    crc.update(bytes);
    deflater.reset();
    deflater.setInput(bytes);
    deflater.finish();
    int length = 0;
    while (!deflater.finished()) {
      if (length == buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
      }
      length += deflater.deflate(buffer, length, buffer.length - length);
    }
    write(name, DEFLATED, (int) crc.getValue(), bytes.length, buffer, length);
  }

  /** Adds {@code entry} as it is stored, without decompressing it. */
  void put(RawEntry entry) throws IOException {
    write(
        entry.name(), entry.method(), entry.crc(), entry.size(), entry.data(), entry.data().length);
  }

  private void write(String name, int method, int crc, long size, byte[] data, int dataLength)
      throws IOException {
    if (count == 0xFFFF || offset + dataLength > 0xFFFFFFFFL || size > 0xFFFFFFFFL) {
      throw new IOException("the JAR is too large for the classic zip format");
    }
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    int version = method == DEFLATED ? 20 : 10;
    ByteBuffer local = header(30 + nameBytes.length);
    local
        .putInt(LOCAL_SIGNATURE)
        .putShort((short) version)
        .putShort((short) UTF8_NAMES)
        .putShort((short) method)
        .putShort((short) dosTime)
        .putShort((short) dosDate)
        .putInt(crc)
        .putInt(dataLength)
        .putInt((int) size)
        .putShort((short) nameBytes.length)
        .putShort((short) 0)
        .put(nameBytes);
    ByteBuffer central = header(46 + nameBytes.length);
    central
        .putInt(CENTRAL_SIGNATURE)
        .putShort((short) version)
        .putShort((short) version)
        .putShort((short) UTF8_NAMES)
        .putShort((short) method)
        .putShort((short) dosTime)
        .putShort((short) dosDate)
        .putInt(crc)
        .putInt(dataLength)
        .putInt((int) size)
        .putShort((short) nameBytes.length)
        .putShort((short) 0) // extra
        .putShort((short) 0) // comment
        .putShort((short) 0) // disk
        .putShort((short) 0) // internal attributes
        .putInt(0) // external attributes
        .putInt((int) offset)
        .put(nameBytes);
    out.write(local.array());
    out.write(data, 0, dataLength);
    directory.write(central.array());
    offset += local.capacity() + (long) dataLength;
    count++;
  }

  /** Writes the central directory; the stream is left open. */
  void finish() throws IOException {
    deflater.end();
    if (offset + directory.size() > 0xFFFFFFFFL) {
      throw new IOException("the JAR is too large for the classic zip format");
    }
    directory.writeTo(out);
    ByteBuffer end = header(22);
    end.putInt(END_SIGNATURE)
        .putShort((short) 0)
        .putShort((short) 0)
        .putShort((short) count)
        .putShort((short) count)
        .putInt(directory.size())
        .putInt((int) offset)
        .putShort((short) 0);
    out.write(end.array());
    out.flush();
  }

  private static ByteBuffer header(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
