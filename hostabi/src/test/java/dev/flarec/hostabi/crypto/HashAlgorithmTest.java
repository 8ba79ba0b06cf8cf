package dev.flarec.hostabi.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Known-answer tests: every digest against its published test vectors. */
class HashAlgorithmTest {
  private static String hex(HashAlgorithm a, byte[] input) {
    return HexFormat.of().formatHex(a.digest(input));
  }

  private static String hex(HashAlgorithm a, String input) {
    return hex(a, input.getBytes(StandardCharsets.US_ASCII));
  }

  /** RFC 1321 appendix A.5, the whole test suite. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|d41d8cd98f00b204e9800998ecf8427e",
        "a|0cc175b9c0f1b6a831c399e269772661",
        "abc|900150983cd24fb0d6963f7d28e17f72",
        "message digest|f96b697d7cb7938d525a2f31aaf161d0",
        "abcdefghijklmnopqrstuvwxyz|c3fcd3d76192e4007dfb496cca67e13b",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789|d174ab98d277d9f5a5611c2c9f419d9f",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890|57edf4a22be3c955ac49da2e2107b67a",
      })
  void md5MatchesRfc1321(String input, String digest) {
    assertEquals(digest, hex(HashAlgorithm.MD5, input));
  }

  /** FIPS 180 examples (NIST CSRC "Examples with intermediate values": one- and two-block). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SHA1|abc|a9993e364706816aba3e25717850c26c9cd0d89d",
        "SHA1|abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq|84983e441c3bd26ebaae4aa1f95129e5e54670f1",
        "SHA256|abc|ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "SHA256|abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq|248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        "SHA384|abc|cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
        "SHA384|abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu|09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039",
        "SHA512|abc|ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
        "SHA512|abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu|8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909",
      })
  void shaMatchesFips180Examples(HashAlgorithm algorithm, String input, String digest) {
    assertEquals(digest, hex(algorithm, input));
  }

  /** RFC 7693 appendix A: BLAKE2b-512("abc"); and the unkeyed empty-input digest. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "abc|ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
        "''|786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce",
      })
  void blake2bMatchesRfc7693(String input, String digest) {
    assertEquals(digest, hex(HashAlgorithm.BLAKE2B, input));
  }

  /**
   * The BLAKE3 team's test_vectors.json (default hash, first 32 bytes; input byte i is i mod 251),
   * across the one-block, chunk-boundary and multi-chunk cases.
   */
  @ParameterizedTest
  @CsvSource({
    "0, af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
    "1, 2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213",
    "1023, 10108970eeda3eb932baac1428c7a2163b0e924c9a9e25b35bba72b28f70bd11",
    "1024, 42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7",
    "1025, d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444",
    "2048, e776b6028c7cd22a4d0ba182a8bf62205d2ef576467e838ed6f2529b85fba24a",
  })
  void blake3MatchesReferenceVectors(int length, String digest) {
    byte[] input = new byte[length];
    for (int i = 0; i < length; i++) {
      input[i] = (byte) (i % 251);
    }
    assertEquals(digest, hex(HashAlgorithm.BLAKE3, input));
  }

  @Test
  void blake3OfAbc() {
    assertEquals(
        "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85",
        hex(HashAlgorithm.BLAKE3, "abc"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"md5", "sha1", "sha256", "sha384", "sha512", "blake2b", "blake3"})
  void wireNamesAreTheDecidedLowercaseNames(String name) {
    assertEquals(name, HashAlgorithm.byWireName(name).orElseThrow().wireName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"SHA256", "sha-256", "Sha256", "sha224", "blake2s", "", " sha256"})
  void otherNamesAreUnsupported(String name) {
    assertTrue(HashAlgorithm.byWireName(name).isEmpty());
  }

  @Test
  void digestLengthsAreThoseDecided() {
    assertEquals(64, HashAlgorithm.BLAKE2B.digest(new byte[0]).length);
    assertEquals(32, HashAlgorithm.BLAKE3.digest(new byte[0]).length);
    assertEquals(32, HashAlgorithm.SHA256.digest(new byte[0]).length);
  }
}
