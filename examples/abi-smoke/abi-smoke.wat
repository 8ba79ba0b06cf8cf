;; abi-smoke: the ABI smoke test. One request calls every one of the 48 flaron/v1 imports
;; once, in the order of flaron-abi.md §3.0, and answers 200 with one line per import:
;;   name len=N    for packed results (N = bytes handed over, 0 = absent, denied or empty)
;;   name code=N   for i32 results
;;   name ok       for imports without a result
;; With the default configuration (no capabilities, no secrets, no WebSocket) most stores and
;; secrets answer "denied" (0 or an error code); the point is that every import links and runs.
(module
  (import "flaron/v1" "req_method" (func $req_method (result i64)))
  (import "flaron/v1" "req_url" (func $req_url (result i64)))
  (import "flaron/v1" "req_header_get" (func $req_header_get (param i32 i32) (result i64)))
  (import "flaron/v1" "req_body" (func $req_body (result i64)))
  (import "flaron/v1" "resp_set_status" (func $resp_set_status (param i32)))
  (import "flaron/v1" "resp_header_set" (func $resp_header_set (param i32 i32 i32 i32)))
  (import "flaron/v1" "resp_body_set" (func $resp_body_set (param i32 i32)))
  (import "flaron/v1" "beam_fetch" (func $beam_fetch (param i32 i32 i32 i32) (result i64)))
  (import "flaron/v1" "log_info" (func $log_info (param i32 i32)))
  (import "flaron/v1" "log_warn" (func $log_warn (param i32 i32)))
  (import "flaron/v1" "log_error" (func $log_error (param i32 i32)))
  (import "flaron/v1" "spark_get" (func $spark_get (param i32 i32) (result i64)))
  (import "flaron/v1" "spark_set" (func $spark_set (param i32 i32 i32 i32 i32) (result i32)))
  (import "flaron/v1" "spark_delete" (func $spark_delete (param i32 i32)))
  (import "flaron/v1" "spark_list" (func $spark_list (result i64)))
  (import "flaron/v1" "spark_pull" (func $spark_pull (param i32 i32 i32 i32) (result i32)))
  (import "flaron/v1" "plasma_get" (func $plasma_get (param i32 i32) (result i64)))
  (import "flaron/v1" "plasma_set" (func $plasma_set (param i32 i32 i32 i32) (result i32)))
  (import "flaron/v1" "plasma_delete" (func $plasma_delete (param i32 i32) (result i32)))
  (import "flaron/v1" "plasma_increment" (func $plasma_increment (param i32 i32 i64) (result i64)))
  (import "flaron/v1" "plasma_decrement" (func $plasma_decrement (param i32 i32 i64) (result i64)))
  (import "flaron/v1" "plasma_list" (func $plasma_list (result i64)))
  (import "flaron/v1" "secret_get" (func $secret_get (param i32 i32) (result i64)))
  (import "flaron/v1" "crypto_hash" (func $crypto_hash (param i32 i32) (result i64)))
  (import "flaron/v1" "crypto_hmac" (func $crypto_hmac (param i32 i32) (result i64)))
  (import "flaron/v1" "crypto_sign_jwt" (func $crypto_sign_jwt (param i32 i32) (result i64)))
  (import "flaron/v1" "crypto_encrypt_aes" (func $crypto_encrypt_aes (param i32 i32) (result i64)))
  (import "flaron/v1" "crypto_decrypt_aes" (func $crypto_decrypt_aes (param i32 i32) (result i64)))
  (import "flaron/v1" "crypto_random_bytes" (func $crypto_random_bytes (param i32) (result i64)))
  (import "flaron/v1" "encoding_base64_encode" (func $encoding_base64_encode (param i32 i32) (result i64)))
  (import "flaron/v1" "encoding_base64_decode" (func $encoding_base64_decode (param i32 i32) (result i64)))
  (import "flaron/v1" "encoding_hex_encode" (func $encoding_hex_encode (param i32 i32) (result i64)))
  (import "flaron/v1" "encoding_hex_decode" (func $encoding_hex_decode (param i32 i32) (result i64)))
  (import "flaron/v1" "encoding_url_encode" (func $encoding_url_encode (param i32 i32) (result i64)))
  (import "flaron/v1" "encoding_url_decode" (func $encoding_url_decode (param i32 i32) (result i64)))
  (import "flaron/v1" "id_uuid" (func $id_uuid (param i32 i32) (result i64)))
  (import "flaron/v1" "id_ulid" (func $id_ulid (result i64)))
  (import "flaron/v1" "id_nanoid" (func $id_nanoid (param i32) (result i64)))
  (import "flaron/v1" "id_ksuid" (func $id_ksuid (result i64)))
  (import "flaron/v1" "id_snowflake" (func $id_snowflake (result i64)))
  (import "flaron/v1" "snowflake_id" (func $snowflake_id (result i64)))
  (import "flaron/v1" "timestamp" (func $timestamp (param i32 i32) (result i64)))
  (import "flaron/v1" "ws_send" (func $ws_send (param i32 i32) (result i32)))
  (import "flaron/v1" "ws_close_conn" (func $ws_close_conn (param i32)))
  (import "flaron/v1" "ws_conn_id" (func $ws_conn_id (result i64)))
  (import "flaron/v1" "ws_event_type" (func $ws_event_type (result i64)))
  (import "flaron/v1" "ws_event_data" (func $ws_event_data (result i64)))
  (import "flaron/v1" "ws_close_code" (func $ws_close_code (result i32)))

  ;; page 0: strings; pages 1-4: the 256 KiB alloc arena; page 5: the summary being written
  (memory (export "memory") 6)
  (global $next (mut i32) (i32.const 0x10000))
  (global $out (mut i32) (i32.const 0x50000))

  ;; the SDKs' arena contract (flaron-abi.md 2.3): 8-byte aligned bumps, 0 when it cannot
  (func (export "alloc") (param $size i32) (result i32)
    (local $p i32)
    (if (i32.le_s (local.get $size) (i32.const 0)) (then (return (i32.const 0))))
    (local.set $p (global.get $next))
    (if (i32.gt_u (i32.add (local.get $p) (local.get $size)) (i32.const 0x50000))
      (then (return (i32.const 0))))
    (global.set $next
      (i32.and (i32.add (i32.add (local.get $p) (local.get $size)) (i32.const 7)) (i32.const -8)))
    (local.get $p))

  ;; appends bytes to the summary
  (func $text (param $p i32) (param $n i32)
    (memory.copy (global.get $out) (local.get $p) (local.get $n))
    (global.set $out (i32.add (global.get $out) (local.get $n))))

  ;; appends a signed decimal number
  (func $int (param $v i32)
    (local $u i32) (local $start i32) (local $end i32) (local $t i32)
    (if (i32.lt_s (local.get $v) (i32.const 0))
      (then
        (i32.store8 (global.get $out) (i32.const 45))
        (global.set $out (i32.add (global.get $out) (i32.const 1)))
        (local.set $v (i32.sub (i32.const 0) (local.get $v)))))
    (local.set $start (global.get $out))
    (loop $digit
      (i32.store8 (global.get $out) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (global.set $out (i32.add (global.get $out) (i32.const 1)))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $digit (local.get $v)))
    ;; the digits came out backwards: reverse them
    (local.set $end (i32.sub (global.get $out) (i32.const 1)))
    (block $done
      (loop $swap
        (br_if $done (i32.ge_u (local.get $start) (local.get $end)))
        (local.set $t (i32.load8_u (local.get $start)))
        (i32.store8 (local.get $start) (i32.load8_u (local.get $end)))
        (i32.store8 (local.get $end) (local.get $t))
        (local.set $start (i32.add (local.get $start) (i32.const 1)))
        (local.set $end (i32.sub (local.get $end) (i32.const 1)))
        (br $swap))))

  ;; "len=N\n" for a packed (ptr << 32) | len result
  (func $packed (param $r i64)
    (call $text (i32.const 2392) (i32.const 4))
    (call $int (i32.wrap_i64 (local.get $r)))
    (call $text (i32.const 2408) (i32.const 1)))

  ;; "code=N\n" for an i32 result
  (func $code (param $r i32)
    (call $text (i32.const 2400) (i32.const 5))
    (call $int (local.get $r))
    (call $text (i32.const 2408) (i32.const 1)))

  (func (export "handle_request") (result i64)
    (global.set $next (i32.const 0x10000))
    (global.set $out (i32.const 0x50000))
    (call $text (i32.const 1024) (i32.const 47))
    ;; req_method
    (call $text (i32.const 1072) (i32.const 11))
    (call $packed (call $req_method))
    ;; req_url
    (call $text (i32.const 1088) (i32.const 8))
    (call $packed (call $req_url))
    ;; req_header_get
    (call $text (i32.const 1096) (i32.const 15))
    (call $packed (call $req_header_get (i32.const 1112) (i32.const 10)))
    ;; req_body
    (call $text (i32.const 1128) (i32.const 9))
    (call $packed (call $req_body))
    ;; resp_set_status
    (call $text (i32.const 1144) (i32.const 16))
    (call $resp_set_status (i32.const 200))
    (call $text (i32.const 1160) (i32.const 3))
    ;; resp_header_set
    (call $text (i32.const 1168) (i32.const 16))
    (call $resp_header_set (i32.const 1184) (i32.const 7) (i32.const 1192) (i32.const 1))
    (call $text (i32.const 1160) (i32.const 3))
    ;; resp_body_set
    (call $text (i32.const 1200) (i32.const 14))
    (call $text (i32.const 1216) (i32.const 15))
    ;; beam_fetch
    (call $text (i32.const 1232) (i32.const 11))
    (call $packed (call $beam_fetch (i32.const 1248) (i32.const 19) (i32.const 1272) (i32.const 2)))
    ;; log_info
    (call $text (i32.const 1280) (i32.const 9))
    (call $log_info (i32.const 1296) (i32.const 15))
    (call $text (i32.const 1160) (i32.const 3))
    ;; log_warn
    (call $text (i32.const 1312) (i32.const 9))
    (call $log_warn (i32.const 1328) (i32.const 15))
    (call $text (i32.const 1160) (i32.const 3))
    ;; log_error
    (call $text (i32.const 1344) (i32.const 10))
    (call $log_error (i32.const 1360) (i32.const 16))
    (call $text (i32.const 1160) (i32.const 3))
    ;; spark_get
    (call $text (i32.const 1376) (i32.const 10))
    (call $packed (call $spark_get (i32.const 1392) (i32.const 5)))
    ;; spark_set
    (call $text (i32.const 1400) (i32.const 10))
    (call $code (call $spark_set (i32.const 1392) (i32.const 5) (i32.const 1416) (i32.const 1) (i32.const 60)))
    ;; spark_delete
    (call $text (i32.const 1424) (i32.const 13))
    (call $spark_delete (i32.const 1392) (i32.const 5))
    (call $text (i32.const 1160) (i32.const 3))
    ;; spark_list
    (call $text (i32.const 1440) (i32.const 11))
    (call $packed (call $spark_list))
    ;; spark_pull
    (call $text (i32.const 1456) (i32.const 11))
    (call $code (call $spark_pull (i32.const 1472) (i32.const 6) (i32.const 1480) (i32.const 9)))
    ;; plasma_get
    (call $text (i32.const 1496) (i32.const 11))
    (call $packed (call $plasma_get (i32.const 1392) (i32.const 5)))
    ;; plasma_set
    (call $text (i32.const 1512) (i32.const 11))
    (call $code (call $plasma_set (i32.const 1392) (i32.const 5) (i32.const 1416) (i32.const 1)))
    ;; plasma_delete
    (call $text (i32.const 1528) (i32.const 14))
    (call $code (call $plasma_delete (i32.const 1392) (i32.const 5)))
    ;; plasma_increment
    (call $text (i32.const 1544) (i32.const 17))
    (call $packed (call $plasma_increment (i32.const 1568) (i32.const 4) (i64.const 1)))
    ;; plasma_decrement
    (call $text (i32.const 1576) (i32.const 17))
    (call $packed (call $plasma_decrement (i32.const 1568) (i32.const 4) (i64.const 1)))
    ;; plasma_list
    (call $text (i32.const 1600) (i32.const 12))
    (call $packed (call $plasma_list))
    ;; secret_get
    (call $text (i32.const 1616) (i32.const 11))
    (call $packed (call $secret_get (i32.const 1632) (i32.const 5)))
    ;; crypto_hash
    (call $text (i32.const 1640) (i32.const 12))
    (call $packed (call $crypto_hash (i32.const 1656) (i32.const 38)))
    ;; crypto_hmac
    (call $text (i32.const 1696) (i32.const 12))
    (call $packed (call $crypto_hmac (i32.const 1712) (i32.const 34)))
    ;; crypto_sign_jwt
    (call $text (i32.const 1752) (i32.const 16))
    (call $packed (call $crypto_sign_jwt (i32.const 1768) (i32.const 67)))
    ;; crypto_encrypt_aes
    (call $text (i32.const 1840) (i32.const 19))
    (call $packed (call $crypto_encrypt_aes (i32.const 1712) (i32.const 34)))
    ;; crypto_decrypt_aes
    (call $text (i32.const 1864) (i32.const 19))
    (call $packed (call $crypto_decrypt_aes (i32.const 1888) (i32.const 37)))
    ;; crypto_random_bytes
    (call $text (i32.const 1928) (i32.const 20))
    (call $packed (call $crypto_random_bytes (i32.const 4)))
    ;; encoding_base64_encode
    (call $text (i32.const 1952) (i32.const 23))
    (call $packed (call $encoding_base64_encode (i32.const 1976) (i32.const 5)))
    ;; encoding_base64_decode
    (call $text (i32.const 1984) (i32.const 23))
    (call $packed (call $encoding_base64_decode (i32.const 2008) (i32.const 8)))
    ;; encoding_hex_encode
    (call $text (i32.const 2016) (i32.const 20))
    (call $packed (call $encoding_hex_encode (i32.const 1976) (i32.const 5)))
    ;; encoding_hex_decode
    (call $text (i32.const 2040) (i32.const 20))
    (call $packed (call $encoding_hex_decode (i32.const 2064) (i32.const 10)))
    ;; encoding_url_encode
    (call $text (i32.const 2080) (i32.const 20))
    (call $packed (call $encoding_url_encode (i32.const 2104) (i32.const 11)))
    ;; encoding_url_decode
    (call $text (i32.const 2120) (i32.const 20))
    (call $packed (call $encoding_url_decode (i32.const 2144) (i32.const 13)))
    ;; id_uuid
    (call $text (i32.const 2160) (i32.const 8))
    (call $packed (call $id_uuid (i32.const 2168) (i32.const 16)))
    ;; id_ulid
    (call $text (i32.const 2184) (i32.const 8))
    (call $packed (call $id_ulid))
    ;; id_nanoid
    (call $text (i32.const 2192) (i32.const 10))
    (call $packed (call $id_nanoid (i32.const 0)))
    ;; id_ksuid
    (call $text (i32.const 2208) (i32.const 9))
    (call $packed (call $id_ksuid))
    ;; id_snowflake
    (call $text (i32.const 2224) (i32.const 13))
    (call $packed (call $id_snowflake))
    ;; snowflake_id
    (call $text (i32.const 2240) (i32.const 13))
    (call $packed (call $snowflake_id))
    ;; timestamp
    (call $text (i32.const 2256) (i32.const 10))
    (call $packed (call $timestamp (i32.const 2272) (i32.const 20)))
    ;; ws_send
    (call $text (i32.const 2296) (i32.const 8))
    (call $code (call $ws_send (i32.const 2304) (i32.const 2)))
    ;; ws_close_conn
    (call $text (i32.const 2312) (i32.const 14))
    (call $ws_close_conn (i32.const 1000))
    (call $text (i32.const 1160) (i32.const 3))
    ;; ws_conn_id
    (call $text (i32.const 2328) (i32.const 11))
    (call $packed (call $ws_conn_id))
    ;; ws_event_type
    (call $text (i32.const 2344) (i32.const 14))
    (call $packed (call $ws_event_type))
    ;; ws_event_data
    (call $text (i32.const 2360) (i32.const 14))
    (call $packed (call $ws_event_data))
    ;; ws_close_code
    (call $text (i32.const 2376) (i32.const 14))
    (call $code (call $ws_close_code))
    ;; resp_body_set: the summary, the last import called
    (call $resp_body_set (i32.const 0x50000) (i32.sub (global.get $out) (i32.const 0x50000)))
    (i64.const 0x100000000))

  (data (i32.const 1024) "flaron/v1 abi smoke: 48 imports, one call each\0a")
  (data (i32.const 1072) "req_method ")
  (data (i32.const 1088) "req_url ")
  (data (i32.const 1096) "req_header_get ")
  (data (i32.const 1112) "user-agent")
  (data (i32.const 1128) "req_body ")
  (data (i32.const 1144) "resp_set_status ")
  (data (i32.const 1160) "ok\0a")
  (data (i32.const 1168) "resp_header_set ")
  (data (i32.const 1184) "X-Smoke")
  (data (i32.const 1192) "1")
  (data (i32.const 1200) "resp_body_set ")
  (data (i32.const 1216) "ok (this body)\0a")
  (data (i32.const 1232) "beam_fetch ")
  (data (i32.const 1248) "http://127.0.0.1:9/")
  (data (i32.const 1272) "{}")
  (data (i32.const 1280) "log_info ")
  (data (i32.const 1296) "abi-smoke: info")
  (data (i32.const 1312) "log_warn ")
  (data (i32.const 1328) "abi-smoke: warn")
  (data (i32.const 1344) "log_error ")
  (data (i32.const 1360) "abi-smoke: error")
  (data (i32.const 1376) "spark_get ")
  (data (i32.const 1392) "smoke")
  (data (i32.const 1400) "spark_set ")
  (data (i32.const 1416) "v")
  (data (i32.const 1424) "spark_delete ")
  (data (i32.const 1440) "spark_list ")
  (data (i32.const 1456) "spark_pull ")
  (data (i32.const 1472) "node-2")
  (data (i32.const 1480) "[\22smoke\22]")
  (data (i32.const 1496) "plasma_get ")
  (data (i32.const 1512) "plasma_set ")
  (data (i32.const 1528) "plasma_delete ")
  (data (i32.const 1544) "plasma_increment ")
  (data (i32.const 1568) "hits")
  (data (i32.const 1576) "plasma_decrement ")
  (data (i32.const 1600) "plasma_list ")
  (data (i32.const 1616) "secret_get ")
  (data (i32.const 1632) "SMOKE")
  (data (i32.const 1640) "crypto_hash ")
  (data (i32.const 1656) "{\22algorithm\22:\22sha256\22,\22input\22:\22hello\22}")
  (data (i32.const 1696) "crypto_hmac ")
  (data (i32.const 1712) "{\22secret_key\22:\22SMOKE\22,\22input\22:\22x\22}")
  (data (i32.const 1752) "crypto_sign_jwt ")
  (data (i32.const 1768) "{\22algorithm\22:\22HS256\22,\22secret_key\22:\22SMOKE\22,\22claims\22:{\22sub\22:\22smoke\22}}")
  (data (i32.const 1840) "crypto_encrypt_aes ")
  (data (i32.const 1864) "crypto_decrypt_aes ")
  (data (i32.const 1888) "{\22secret_key\22:\22SMOKE\22,\22input\22:\22AAAA\22}")
  (data (i32.const 1928) "crypto_random_bytes ")
  (data (i32.const 1952) "encoding_base64_encode ")
  (data (i32.const 1976) "hello")
  (data (i32.const 1984) "encoding_base64_decode ")
  (data (i32.const 2008) "aGVsbG8=")
  (data (i32.const 2016) "encoding_hex_encode ")
  (data (i32.const 2040) "encoding_hex_decode ")
  (data (i32.const 2064) "68656c6c6f")
  (data (i32.const 2080) "encoding_url_encode ")
  (data (i32.const 2104) "hello world")
  (data (i32.const 2120) "encoding_url_decode ")
  (data (i32.const 2144) "hello%20world")
  (data (i32.const 2160) "id_uuid ")
  (data (i32.const 2168) "{\22version\22:\22v4\22}")
  (data (i32.const 2184) "id_ulid ")
  (data (i32.const 2192) "id_nanoid ")
  (data (i32.const 2208) "id_ksuid ")
  (data (i32.const 2224) "id_snowflake ")
  (data (i32.const 2240) "snowflake_id ")
  (data (i32.const 2256) "timestamp ")
  (data (i32.const 2272) "{\22format\22:\22rfc3339\22}")
  (data (i32.const 2296) "ws_send ")
  (data (i32.const 2304) "hi")
  (data (i32.const 2312) "ws_close_conn ")
  (data (i32.const 2328) "ws_conn_id ")
  (data (i32.const 2344) "ws_event_type ")
  (data (i32.const 2360) "ws_event_data ")
  (data (i32.const 2376) "ws_close_code ")
  (data (i32.const 2392) "len=")
  (data (i32.const 2400) "code=")
  (data (i32.const 2408) "\0a")
)
