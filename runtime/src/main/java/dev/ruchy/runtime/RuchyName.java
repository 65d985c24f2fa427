package dev.ruchy.runtime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Ruchy spelling of a generated type or record component whose Java name differs, e.g.
 * {@code record User(@RuchyName("user_name") String userName)}. Printing uses it so that output
 * shows {@code User {user_name: "x"}} as Ruchy does (ruchy-semantics §2.2).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT})
public @interface RuchyName {
    /** The name as written in the Ruchy source. */
    String value();
}
