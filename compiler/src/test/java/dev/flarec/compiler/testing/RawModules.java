package dev.flarec.compiler.testing;

import java.io.ByteArrayOutputStream;

/**
 * Modules written byte by byte, for tests of the binary checks that need exactly the bytes a text
 * assembler would refuse to write. Sizes are one-byte LEBs: every section built here is shorter
 * than 128 bytes.
 */
public final class RawModules {
  private RawModules() {}

  /** The magic number and version 1, then {@code sections} in order. */
  public static byte[] module(byte[]... sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    for (byte[] s : sections) {
      out.writeBytes(s);
    }
    return out.toByteArray();
  }

  /** Section {@code id} holding {@code content}, its size written before it. */
  public static byte[] section(int id, int... content) {
    byte[] b = new byte[content.length + 2];
    b[0] = (byte) id;
    b[1] = (byte) content.length;
    for (int i = 0; i < content.length; i++) {
      b[i + 2] = (byte) content[i];
    }
    return b;
  }

  /** A code section (id 10) of one body, given without its size. */
  public static byte[] code(int... body) {
    int[] content = new int[body.length + 2];
    content[0] = 1;
    content[1] = body.length;
    System.arraycopy(body, 0, content, 2, body.length);
    return section(10, content);
  }
}
