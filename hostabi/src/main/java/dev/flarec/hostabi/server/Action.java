package dev.flarec.hostabi.server;

/**
 * What {@code handle_request} asks the host to do, decoded from the high 32 bits of the i64 it
 * returns (flaron-abi.md §1.2); the low 32 bits are reserved and ignored.
 *
 * <pre>
 *  63            32 31             0
 * +----------------+----------------+
 * |  action code   |   (reserved)   |
 * +----------------+----------------+
 * </pre>
 */
enum Action {
  /** 1: send the response the flare built. */
  RESPOND,
  /** 2: proxy to the origin and overlay the flare's response (decision 2). */
  TRANSFORM,
  /** 3: proxy the request to the origin untouched (decision 3). */
  PASS_THROUGH;

  /** The action of {@code word}, or null for an unknown code (decision 4: a 500). */
  static Action of(long word) {
    int code = (int) (word >>> 32);
    return switch (code) {
      case 1 -> RESPOND;
      case 2 -> TRANSFORM;
      case 3 -> PASS_THROUGH;
      default -> null;
    };
  }

  /** The action's code as written in logs. */
  static String codeOf(long word) {
    return Integer.toUnsignedString((int) (word >>> 32));
  }
}
