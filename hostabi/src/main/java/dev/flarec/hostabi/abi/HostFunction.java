package dev.flarec.hostabi.abi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a host-function family as the implementation of one import. The method's Java
 * signature is its Wasm type: {@code int} is i32, {@code long} is i64, {@code void} is no result.
 * {@code HostFunctionIndex} lists the same functions for binding, which reads no annotations at run
 * time; a test holds the two to each other.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HostFunction {
  /** The import's field name, for example {@code "req_method"}. */
  String value();

  /** The import's module name. */
  String module() default FlaronImports.MODULE;
}
