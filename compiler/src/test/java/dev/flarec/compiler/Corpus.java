package dev.flarec.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The test corpus: small modules under {@code src/test/resources/corpus}, each with its .wat. */
public final class Corpus {
  private Corpus() {}

  public static byte[] bytes(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + name + ".wasm")) {
      if (in == null) {
        throw new IllegalArgumentException("no corpus module " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
