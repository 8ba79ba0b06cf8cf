package dev.flarec.hostabi.abi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each host function is implemented: import module and name, family, Java method. The {@link
 * HostFunction} annotations on the methods say the same, and {@code HostFunctionIndexTest} holds
 * the two to each other; binding reads this table instead of the annotations because parsing
 * annotations at run time (annotation proxies, generic signatures) costs a flare's start-up some 20
 * to 30 ms before its first request (docs/RATIONALE.md "Why a flare binds only the host functions
 * it imports").
 */
final class HostFunctionIndex {
  /** A family of host functions: one object per instance, bound to the instance's context. */
  enum Family {
    REQUEST,
    RESPONSE,
    LOG,
    WEBSOCKET,
    ABORT,
    BEAM,
    SPARK,
    PLASMA,
    SECRET,
    CRYPTO,
    ENCODING,
    ID,
    TIME;

    /**
     * A new family object bound to {@code context}; a plain constructor call, no reflection, and no
     * class literals: only the families a flare imports from are loaded.
     */
    Object create(FlareContext context) {
      return switch (this) {
        case REQUEST -> new RequestImports(context);
        case RESPONSE -> new ResponseImports(context);
        case LOG -> new LogImports(context);
        case WEBSOCKET -> new WebSocketImports(context);
        case ABORT -> new AbortImport(context);
        case BEAM -> new BeamImports(context);
        case SPARK -> new SparkImports(context);
        case PLASMA -> new PlasmaImports(context);
        case SECRET -> new SecretImports(context);
        case CRYPTO -> new CryptoImports(context);
        case ENCODING -> new EncodingImports(context);
        case ID -> new IdImports(context);
        case TIME -> new TimeImports(context);
      };
    }

    /** The class of {@link #create}'s objects; loads only this family's class. */
    Class<?> implementation() {
      return switch (this) {
        case REQUEST -> RequestImports.class;
        case RESPONSE -> ResponseImports.class;
        case LOG -> LogImports.class;
        case WEBSOCKET -> WebSocketImports.class;
        case ABORT -> AbortImport.class;
        case BEAM -> BeamImports.class;
        case SPARK -> SparkImports.class;
        case PLASMA -> PlasmaImports.class;
        case SECRET -> SecretImports.class;
        case CRYPTO -> CryptoImports.class;
        case ENCODING -> EncodingImports.class;
        case ID -> IdImports.class;
        case TIME -> TimeImports.class;
      };
    }
  }

  /**
   * One host function: the import {@code module.name} is {@code family}'s method {@code method}.
   */
  record Entry(String module, String name, Family family, String method) {}

  private static final String FLARON = FlaronImports.MODULE;

  static final List<Entry> ENTRIES =
      List.of(
          new Entry(FLARON, "req_method", Family.REQUEST, "reqMethod"),
          new Entry(FLARON, "req_url", Family.REQUEST, "reqUrl"),
          new Entry(FLARON, "req_header_get", Family.REQUEST, "reqHeaderGet"),
          new Entry(FLARON, "req_body", Family.REQUEST, "reqBody"),
          new Entry(FLARON, "resp_set_status", Family.RESPONSE, "respSetStatus"),
          new Entry(FLARON, "resp_header_set", Family.RESPONSE, "respHeaderSet"),
          new Entry(FLARON, "resp_body_set", Family.RESPONSE, "respBodySet"),
          new Entry(FLARON, "log_info", Family.LOG, "logInfo"),
          new Entry(FLARON, "log_warn", Family.LOG, "logWarn"),
          new Entry(FLARON, "log_error", Family.LOG, "logError"),
          new Entry(FLARON, "ws_send", Family.WEBSOCKET, "wsSend"),
          new Entry(FLARON, "ws_close_conn", Family.WEBSOCKET, "wsCloseConn"),
          new Entry(FLARON, "ws_conn_id", Family.WEBSOCKET, "wsConnId"),
          new Entry(FLARON, "ws_event_type", Family.WEBSOCKET, "wsEventType"),
          new Entry(FLARON, "ws_event_data", Family.WEBSOCKET, "wsEventData"),
          new Entry(FLARON, "ws_close_code", Family.WEBSOCKET, "wsCloseCode"),
          new Entry("env", "abort", Family.ABORT, "abort"),
          new Entry(FLARON, "beam_fetch", Family.BEAM, "beamFetch"),
          new Entry(FLARON, "spark_get", Family.SPARK, "sparkGet"),
          new Entry(FLARON, "spark_set", Family.SPARK, "sparkSet"),
          new Entry(FLARON, "spark_delete", Family.SPARK, "sparkDelete"),
          new Entry(FLARON, "spark_list", Family.SPARK, "sparkList"),
          new Entry(FLARON, "spark_pull", Family.SPARK, "sparkPull"),
          new Entry(FLARON, "plasma_get", Family.PLASMA, "plasmaGet"),
          new Entry(FLARON, "plasma_set", Family.PLASMA, "plasmaSet"),
          new Entry(FLARON, "plasma_delete", Family.PLASMA, "plasmaDelete"),
          new Entry(FLARON, "plasma_increment", Family.PLASMA, "plasmaIncrement"),
          new Entry(FLARON, "plasma_decrement", Family.PLASMA, "plasmaDecrement"),
          new Entry(FLARON, "plasma_list", Family.PLASMA, "plasmaList"),
          new Entry(FLARON, "secret_get", Family.SECRET, "secretGet"),
          new Entry(FLARON, "crypto_hash", Family.CRYPTO, "cryptoHash"),
          new Entry(FLARON, "crypto_hmac", Family.CRYPTO, "cryptoHmac"),
          new Entry(FLARON, "crypto_sign_jwt", Family.CRYPTO, "cryptoSignJwt"),
          new Entry(FLARON, "crypto_encrypt_aes", Family.CRYPTO, "cryptoEncryptAes"),
          new Entry(FLARON, "crypto_decrypt_aes", Family.CRYPTO, "cryptoDecryptAes"),
          new Entry(FLARON, "crypto_random_bytes", Family.CRYPTO, "cryptoRandomBytes"),
          new Entry(FLARON, "encoding_base64_encode", Family.ENCODING, "base64Encode"),
          new Entry(FLARON, "encoding_base64_decode", Family.ENCODING, "base64Decode"),
          new Entry(FLARON, "encoding_hex_encode", Family.ENCODING, "hexEncode"),
          new Entry(FLARON, "encoding_hex_decode", Family.ENCODING, "hexDecode"),
          new Entry(FLARON, "encoding_url_encode", Family.ENCODING, "urlEncode"),
          new Entry(FLARON, "encoding_url_decode", Family.ENCODING, "urlDecode"),
          new Entry(FLARON, "id_uuid", Family.ID, "idUuid"),
          new Entry(FLARON, "id_ulid", Family.ID, "idUlid"),
          new Entry(FLARON, "id_nanoid", Family.ID, "idNanoid"),
          new Entry(FLARON, "id_ksuid", Family.ID, "idKsuid"),
          new Entry(FLARON, "id_snowflake", Family.ID, "idSnowflake"),
          new Entry(FLARON, "snowflake_id", Family.ID, "snowflakeId"),
          new Entry(FLARON, "timestamp", Family.TIME, "timestamp"));

  private static final Map<String, Entry> BY_IMPORT = new HashMap<>();

  static {
    for (Entry e : ENTRIES) {
      BY_IMPORT.put(key(e.module(), e.name()), e);
    }
  }

  private HostFunctionIndex() {}

  /** The host function that implements import {@code module.name}, or null if there is none. */
  static Entry find(String module, String name) {
    return BY_IMPORT.get(key(module, name));
  }

  private static String key(String module, String name) {
    return module + '\u0000' + name;
  }
}
